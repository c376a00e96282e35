package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every JSON endpoint keeps, checked on the users API: problem+json for every refusal, never a 500
 * or a stack trace for bad input, keyset paging, optimistic locking.
 */
class ApiConventionsIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private JsonMapper jsonMapper;

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void malformedJsonIsA400Problem() {
		Response response = api.post("/api/v1/users", "{\"username\": ").bearer(admin).send();
		assertProblem(response, 400, "error.malformed-body");
	}

	@Test
	void aFieldSentTwiceIsA400ProblemAndCreatesNothing() {
		String name = Api.uniqueName("twice");
		Response response = api.post("/api/v1/customers",
				"{\"kind\": \"COMPANY\", \"name\": \"" + name + "\", \"name\": \"Other " + name + "\", \"country\": \"TR\"}")
			.bearer(admin).send();
		assertProblem(response, 400, "error.malformed-body");
		assertThat(jdbc.sql("select count(*) from customer where name like :n").param("n", "%" + name).query(Long.class).single())
			.isZero();
	}

	@Test
	void jsonOfTheWrongShapeIsA400Problem() {
		assertProblem(api.post("/api/v1/users", "[1, 2]").bearer(admin).send(), 400, "error.body-shape");
		assertProblem(api.post("/api/v1/auth/tokens", "\"admin\"").send(), 400, "error.body-shape");
	}

	@Test
	void missingBodyIsA400Problem() {
		Response response = api.call("POST", "/api/v1/users").header("Content-Type", "application/json").bearer(admin).send();
		assertProblem(response, 400, "error.body-missing");
	}

	@Test
	void invalidFieldsAreListedOneByOne() {
		Response response = api.post("/api/v1/users", Map.of("username", "X", "password", "short")).bearer(admin).send();
		assertProblem(response, 400, "error.validation");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(error -> {
			fields.add(error.get("field").asString());
			assertThat(error.get("message").asString()).isNotBlank();
		});
		assertThat(fields).contains("username", "displayName", "roles", "password");
	}

	@Test
	void aValueOfTheWrongTypeNamesItsField() {
		Response response = api.post("/api/v1/users", "{\"username\":\"someone\",\"roles\":[\"KING\"]}").bearer(admin).send();
		assertProblem(response, 400, "error.validation");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("roles[0]");
	}

	@Test
	void aPathVariableOfTheWrongTypeIsA400() {
		Response response = api.get("/api/v1/users/not-a-number").bearer(admin).send();
		assertProblem(response, 400, "error.validation");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void noTokenIsA401Problem() {
		Response response = api.get("/api/v1/users").send();
		assertProblem(response, 401, "error.unauthenticated");
		assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void aRoleWithoutPermissionIsA403Problem() {
		String salesperson = api.userWithRoles(admin, "SALESPERSON");
		assertProblem(api.get("/api/v1/users").bearer(salesperson).send(), 403, "error.forbidden");
		assertProblem(api.post("/api/v1/users", Map.of("username", "sneaky")).bearer(salesperson).send(), 403,
				"error.forbidden");
	}

	@Test
	void unknownRecordsAndPathsAre404Problems() {
		assertProblem(api.get("/api/v1/users/987654").bearer(admin).send(), 404, "error.not-found");
		assertProblem(api.get("/api/v1/no-such-thing").bearer(admin).send(), 404, "error.not-found.path");
	}

	@Test
	void aWrongMethodIsA405Problem() {
		Response response = api.delete("/api/v1/users").bearer(admin).send();
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anUnsupportedMediaTypeIsA415Problem() {
		Response response = api.call("POST", "/api/v1/users")
			.header("Content-Type", "text/plain")
			.raw("username=x")
			.bearer(admin)
			.send();
		assertProblem(response, 415, "error.media-type");
	}

	@Test
	void problemsAreTranslatedByAcceptLanguage() {
		Response turkish = api.get("/api/v1/users/987654").bearer(admin).header("Accept-Language", "tr").send();
		assertThat(turkish.json().get("title").asString()).isEqualTo("Bulunamadı");
		Response persian = api.get("/api/v1/users/987654").bearer(admin).header("Accept-Language", "fa-IR").send();
		assertThat(persian.json().get("title").asString()).isEqualTo("یافت نشد");
	}

	@Test
	void aStaleIfMatchIsRefusedWith412AndChangesNothing() {
		JsonNode user = createUser("stale-if-match");
		long id = user.get("id").asLong();
		Response response = api.patch("/api/v1/users/" + id, Map.of("displayName", "Changed"))
			.header("If-Match", "\"41\"")
			.bearer(admin)
			.send();
		assertProblem(response, 412, "error.version-conflict");
		assertThat(api.get("/api/v1/users/" + id).bearer(admin).send().json().get("displayName").asString())
			.isEqualTo("Test stale-if-match");
	}

	@Test
	void aStaleVersionInTheBodyIsRefusedWith409AndChangesNothing() {
		JsonNode user = createUser("stale-version");
		long id = user.get("id").asLong();
		assertThat(api.patch("/api/v1/users/" + id, Map.of("displayName", "First", "version", 0)).bearer(admin).send().status())
			.isEqualTo(200);
		Response second = api.patch("/api/v1/users/" + id, Map.of("displayName", "Second", "version", 0)).bearer(admin).send();
		assertProblem(second, 409, "error.version-conflict");
		Response current = api.get("/api/v1/users/" + id).bearer(admin).send();
		assertThat(current.json().get("displayName").asString()).isEqualTo("First");
		assertThat(current.json().get("version").asLong()).isEqualTo(1);
		assertThat(current.header("ETag")).hasValue("\"1\"");
	}

	@Test
	void aMatchingIfMatchIsAccepted() {
		JsonNode user = createUser("fresh-if-match");
		Response response = api.patch("/api/v1/users/" + user.get("id").asLong(), Map.of("displayName", "Renamed"))
			.header("If-Match", "\"0\"")
			.bearer(admin)
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).hasValue("\"1\"");
	}

	@Test
	void listsArePagedByCursorWithoutRepeatsOrGaps() {
		String marker = "pagingmark";
		for (int i = 0; i < 7; i++) {
			createUser(marker + i);
		}
		Set<String> seen = new HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			String path = "/api/v1/users?q=" + marker + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor);
			JsonNode page = api.get(path).bearer(admin).send().json();
			page.get("items").forEach(item -> assertThat(seen.add(item.get("username").asString())).isTrue());
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(seen).hasSize(7);
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void everySortOrderPagesThroughAllItems() {
		for (int i = 0; i < 5; i++) {
			createUser("sortmark" + i);
		}
		for (String sort : List.of("username", "name", "newest")) {
			Set<String> seen = new HashSet<>();
			String cursor = null;
			do {
				String path = "/api/v1/users?q=sortmark&limit=2&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor);
				JsonNode page = api.get(path).bearer(admin).send().json();
				page.get("items").forEach(item -> seen.add(item.get("username").asString()));
				cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			}
			while (cursor != null);
			assertThat(seen).as(sort).hasSize(5);
		}
	}

	@Test
	void theLimitIsCappedAndChecked() {
		Response large = api.get("/api/v1/users?limit=100000").bearer(admin).send();
		assertThat(large.status()).isEqualTo(200);
		assertThat(large.json().get("items").size()).isLessThanOrEqualTo(PageLimit.MAX);
		assertProblem(api.get("/api/v1/users?limit=0").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/users?limit=abc").bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void aTamperedCursorIsA400() {
		assertProblem(api.get("/api/v1/users?cursor=!!!garbage").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/users?cursor=Zm9v").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/users?sort=newest&cursor=" + Cursor.encode("yesterday", 5)).bearer(admin).send(),
				400, "error.validation");
	}

	@Test
	void oddInputNeverCausesA500() {
		List<Response> responses = List.of(
				api.post("/api/v1/users", "[]").bearer(admin).send(),
				api.post("/api/v1/users", "null").bearer(admin).send(),
				api.post("/api/v1/users", "\"text\"").bearer(admin).send(),
				api.post("/api/v1/users", "{\"username\": {\"nested\": true}}").bearer(admin).send(),
				api.post("/api/v1/users", "{\"username\":\"" + "a".repeat(10_000) + "\"}").bearer(admin).send(),
				api.post("/api/v1/users", "{\"username\":\"x\u0000y\",\"displayName\":\"\u202e\"}").bearer(admin).send(),
				api.patch("/api/v1/users/1", "{\"active\": \"maybe\"}").bearer(admin).send(),
				api.patch("/api/v1/users/1", "{\"language\": \"klingon\"}").bearer(admin).send(),
				api.patch("/api/v1/users/1", Map.of()).header("If-Match", "W/\"abc\"").bearer(admin).send(),
				api.get("/api/v1/users?status=sleeping").bearer(admin).send(),
				api.get("/api/v1/users?role=EMPEROR").bearer(admin).send(),
				api.get("/api/v1/users?sort=random").bearer(admin).send(),
				api.get("/api/v1/users/99999999999999999999999").bearer(admin).send(),
				api.post("/api/v1/auth/tokens", "{}").send(),
				api.post("/api/v1/auth/tokens", "{\"username\": 5, \"password\": []}").send());
		for (Response response : responses) {
			assertThat(response.status()).as(response.body()).isBetween(400, 499);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.body()).doesNotContain("Exception", "\tat ", "java.");
		}
	}

	@Test
	void moneyAndDecimalsTravelAsStrings() {
		String json = jsonMapper.writeValueAsString(Map.of("total", Money.of("1234.50", "TRY"), "quantity",
				new java.math.BigDecimal("0.001")));
		assertThat(Api.parse(json).get("total").get("amount").isString()).isTrue();
		assertThat(json).contains("\"amount\":\"1234.50\"", "\"currency\":\"TRY\"", "\"quantity\":\"0.001\"");
		Money read = jsonMapper.readValue("{\"amount\":\"19.99\",\"currency\":\"IRR\"}", Money.class);
		assertThat(read).isEqualTo(Money.of("19.99", "IRR"));
	}

	private JsonNode createUser(String username) {
		Response response = api.post("/api/v1/users", Map.of("username", username, "displayName", "Test " + username,
				"roles", List.of("SALESPERSON"), "password", "a long enough password")).bearer(admin).send();
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}
}
