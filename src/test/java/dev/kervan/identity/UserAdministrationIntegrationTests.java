package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class UserAdministrationIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void anAdministratorCreatesAUserWhoCanLogIn() {
		String username = unique("deniz");
		Response created = create(Map.of("username", username.toUpperCase(), "displayName", "Deniz Arslan", "email",
				username + "@example.com", "language", "tr", "roles", List.of("SALESPERSON", "MARKETING"), "password",
				"bir uzun parola 2026"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode user = created.json();
		assertThat(user.get("username").asString()).isEqualTo(username);
		assertThat(user.get("language").asString()).isEqualTo("tr");
		assertThat(user.get("active").asBoolean()).isTrue();
		assertThat(user.get("roles").toString()).contains("SALESPERSON", "MARKETING");
		assertThat(created.header("Location")).hasValue("/api/v1/users/" + user.get("id").asLong());
		assertThat(api.token(username, "bir uzun parola 2026")).isNotBlank();
	}

	@Test
	void passwordsAreHashedWithArgon2() {
		String username = unique("hash");
		create(Map.of("username", username, "displayName", "Hash", "roles", List.of("ACCOUNTANT"), "password",
				"a long enough password"));
		String hash = jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
			.query(String.class).single();
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("a long enough password");
	}

	@Test
	void passwordRulesAreEnforced() {
		for (String weak : List.of("short", "1234567890", "aaaaaaaaaaaa", "myname-" + "x".repeat(5))) {
			Response response = create(Map.of("username", "myname", "displayName", "Weak", "roles", List.of("ACCOUNTANT"),
					"password", weak));
			assertThat(response.status()).as(weak).isEqualTo(400);
			assertThat(response.json().get("errors").toString()).contains("password");
		}
		Response tooLong = create(Map.of("username", "longpw", "displayName", "Long", "roles", List.of("ACCOUNTANT"),
				"password", "x1".repeat(100)));
		assertThat(tooLong.status()).isEqualTo(400);
	}

	@Test
	void userNamesAndEmailsAreUnique() {
		String username = unique("twin");
		assertThat(create(user(username, username + "@example.com")).status()).isEqualTo(201);
		Response sameName = create(user(username.toUpperCase(), "other-" + username + "@example.com"));
		assertThat(sameName.status()).isEqualTo(409);
		assertThat(sameName.json().get("code").asString()).isEqualTo("error.user.username-taken");
		Response sameEmail = create(user(unique("other"), username.toUpperCase() + "@EXAMPLE.com"));
		assertThat(sameEmail.status()).isEqualTo(409);
		assertThat(sameEmail.json().get("code").asString()).isEqualTo("error.user.email-taken");
	}

	@Test
	void rolesAreRequiredAndPortalUsersHoldNoOtherRole() {
		Response none = create(Map.of("username", unique("norole"), "displayName", "No role", "roles", List.of(),
				"password", "a long enough password"));
		assertThat(none.json().get("errors").toString()).contains("roles");
		Response mixed = create(Map.of("username", unique("mixed"), "displayName", "Mixed", "roles",
				List.of("PORTAL", "SALESPERSON"), "password", "a long enough password"));
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.json().get("errors").get(0).get("field").asString()).isEqualTo("roles");
		assertThat(mixed.json().get("errors").get(0).get("message").asString()).contains("portal");
	}

	@Test
	void theLastAdministratorCannotBeDemotedOrDeactivated() {
		long adminId = api.get("/api/v1/me").bearer(admin).send().json().get("id").asLong();
		jdbc.sql("""
				update app_user set active = false where id <> :id and id in (select app_user from user_role where role = 'ADMIN')""")
			.param("id", adminId).update();
		Response demote = api.patch("/api/v1/users/" + adminId, Map.of("roles", List.of("SALES_MANAGER")))
			.header("If-Match", "*")
			.bearer(admin).send();
		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.json().get("code").asString()).isEqualTo("error.user.last-admin");
		assertThat(api.get("/api/v1/users/" + adminId).bearer(admin).send().json().get("roles").toString()).contains("ADMIN");
	}

	@Test
	void nobodyDeactivatesThemselves() {
		String otherAdmin = api.userWithRoles(admin, "ADMIN");
		long id = api.get("/api/v1/me").bearer(otherAdmin).send().json().get("id").asLong();
		Response response = api.patch("/api/v1/users/" + id, Map.of("active", false))
			.header("If-Match", "*")
			.bearer(otherAdmin).send();
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("code").asString()).isEqualTo("error.user.deactivate-self");
	}

	@Test
	void aChangeMayBeTheUserAsAnsweredAndNullClearsTheEmailButNotTheName() {
		String username = unique("patched");
		JsonNode user = create(user(username, username + "@example.com")).json();
		long id = user.get("id").asLong();

		Response sentBack = api.patch("/api/v1/users/" + id, user).bearer(admin).send();
		assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
		assertThat(sentBack.json().get("version").asLong()).as("nothing changed").isZero();

		var refused = new java.util.HashMap<String, Object>();
		refused.put("displayName", null);
		refused.put("email", null);
		refused.put("active", null);
		Response response = api.patch("/api/v1/users/" + id, refused).header("If-Match", "\"0\"").bearer(admin).send();
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").toString()).contains("\"field\":\"displayName\"", "\"field\":\"active\"")
			.doesNotContain("\"field\":\"email\"");
		assertThat(api.get("/api/v1/users/" + id).bearer(admin).send().json().get("email").asString())
			.isEqualTo(username + "@example.com");

		var clearing = new java.util.HashMap<String, Object>();
		clearing.put("email", null);
		Response cleared = api.patch("/api/v1/users/" + id, clearing).header("If-Match", "\"0\"").bearer(admin).send();
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().get("email").isNull()).isTrue();
		assertThat(cleared.json().get("displayName").asString()).isEqualTo("Test person");
	}

	@Test
	void everyChangeIsInTheHistoryButNeverThePassword() {
		String username = unique("audited");
		long id = create(user(username, null)).json().get("id").asLong();
		api.patch("/api/v1/users/" + id, Map.of("displayName", "Renamed Person", "language", "fa"))
			.header("If-Match", "*")
			.bearer(admin).send();
		api.call("PUT", "/api/v1/users/" + id + "/password").json(Map.of("password", "another long password")).bearer(admin).send();

		JsonNode history = api.get("/api/v1/users/" + id + "/history").bearer(admin).send().json().get("items");
		assertThat(history.toString()).contains("\"field\":\"displayName\"", "\"oldValue\":\"Test person\"",
				"\"newValue\":\"Renamed Person\"", "\"field\":\"language\"", "\"actorName\":\"admin\"", "\"action\":\"CREATE\"");
		assertThat(history.toString()).doesNotContain("argon2", "another long password", "a long enough password");
	}

	@Test
	void usersChangeTheirOwnPasswordByProvingTheCurrentOne() {
		String username = unique("selfpw");
		create(user(username, null));
		String token = api.token(username, "a long enough password");
		Response wrong = api.post("/api/v1/me/password", Map.of("currentPassword", "guess", "newPassword",
				"a brand new password")).bearer(token).send();
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
		Response weak = api.post("/api/v1/me/password", Map.of("currentPassword", "a long enough password",
				"newPassword", "short")).bearer(token).send();
		assertThat(weak.status()).isEqualTo(400);
		Response changed = api.post("/api/v1/me/password", Map.of("currentPassword", "a long enough password",
				"newPassword", "a brand new password")).bearer(token).send();
		assertThat(changed.status()).isEqualTo(204);
		assertThat(api.token(username, "a brand new password")).isNotBlank();
	}

	@Test
	void usersAreFoundByNameWhateverTheCaseAndAccents() {
		String username = unique("istanbul");
		create(Map.of("username", username, "displayName", "IŞIK İSTANBULLU", "roles", List.of("TECHNICIAN"), "password",
				"a long enough password"));
		for (String query : List.of("ışık", "isik", "istanbullu", "İSTANBUL")) {
			JsonNode page = api.get("/api/v1/users?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
				.bearer(admin).send().json();
			assertThat(page.get("items").toString()).as(query).contains(username);
		}
	}

	@Test
	void listsFilterByRoleAndStatus() {
		String username = unique("filtered");
		long id = create(Map.of("username", username, "displayName", "Filter Me", "roles", List.of("PURCHASING"),
				"password", "a long enough password")).json().get("id").asLong();
		api.patch("/api/v1/users/" + id, Map.of("active", false)).header("If-Match", "*").bearer(admin).send();
		assertThat(api.get("/api/v1/users?role=PURCHASING&status=inactive").bearer(admin).send().body()).contains(username);
		assertThat(api.get("/api/v1/users?role=PURCHASING&status=active").bearer(admin).send().body()).doesNotContain(username);
		assertThat(api.get("/api/v1/users?role=WAREHOUSE").bearer(admin).send().body()).doesNotContain(username);
	}

	@Test
	void concurrentCreationsOfOneUserNameLeaveOneUser() throws Exception {
		String username = unique("race");
		try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
			var answers = new java.util.ArrayList<java.util.concurrent.Future<Response>>();
			for (int i = 0; i < 6; i++) {
				answers.add(pool.submit(() -> create(user(username, null))));
			}
			int created = 0;
			for (var answer : answers) {
				int status = answer.get().status();
				assertThat(status).isIn(201, 409);
				created += status == 201 ? 1 : 0;
			}
			assertThat(created).isOne();
		}
		assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single())
			.isOne();
	}

	private Response create(Map<String, ?> body) {
		return api.post("/api/v1/users", body).bearer(admin).send();
	}

	private static Map<String, Object> user(String username, String email) {
		var body = new java.util.HashMap<String, Object>(Map.of("username", username, "displayName", "Test person",
				"roles", List.of("SALESPERSON"), "password", "a long enough password"));
		if (email != null) {
			body.put("email", email);
		}
		return body;
	}

	private static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}
}
