package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Lost-update protection, the same on every record a client changes: each answers its version as {@code ETag}, a
 * change must say which version it is based on ({@code If-Match} or the body's {@code version}), a stale one is
 * refused (412, 409), {@code If-Match: *} takes the record as it is, and a change that changes nothing leaves the
 * record, its version and its history alone.
 */
class OptimisticLockingIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	/** A record to change: where it is, and a real change of it. */
	private record Changeable(String path, Function<JsonNode, Map<String, Object>> change) {
	}

	/** Every kind of record the API changes with a PATCH. */
	static Stream<String> versionedRecords() {
		return Stream.of("customers", "branches", "contacts", "addresses", "bank-accounts", "payment-cards", "relations",
				"agreements", "notes", "customer-categories", "customer-sectors", "customer-size-bands", "customer-classes",
				"customer-fields", "products", "product-categories", "price-lists", "warehouses", "opportunities", "leads",
				"sales-teams", "pipeline-stages", "lost-reasons", "pipeline-settings", "activity-types", "activities", "users");
	}

	@ParameterizedTest
	@MethodSource("versionedRecords")
	void everyVersionedRecordSendsItsETagAndRefusesLostUpdates(String kind) {
		Changeable record = create(kind);
		Response read = get(record.path());
		long version = version(read);
		Map<String, Object> change = record.change().apply(read.json());
		try {
			aPatchWithoutAVersionIsRefusedWith428(record, change, read);
			aStaleIfMatchIsRefusedWith412(record, change, read, version);
			aStaleBodyVersionIsRefusedWith409(record, change, read, version);
			aVersionThatIsNoWholeNumberIsRefusedNamingVersion(record, change, read);
			anEmptyPatchChangesNothing(record, read, version);
			ifMatchStarTakesTheRecordAsItIs(record, change, version);
		}
		finally {
			if (kind.equals("pipeline-settings")) {
				restoreSegments(read.json());
			}
		}
	}

	private void aPatchWithoutAVersionIsRefusedWith428(Changeable record, Map<String, Object> change, Response read) {
		Response refused = api.patch(record.path(), change).bearer(admin).send();
		assertProblem(refused, 428, "error.version.required");
		assertUnchanged(record, read);
	}

	private void aStaleIfMatchIsRefusedWith412(Changeable record, Map<String, Object> change, Response read, long version) {
		Response refused = api.patch(record.path(), change).header("If-Match", "\"" + (version + 7) + "\"").bearer(admin).send();
		assertProblem(refused, 412, "error.version-conflict");
		assertThat(refused.header("ETag")).contains("\"" + version + "\"");
		assertUnchanged(record, read);
	}

	private void aStaleBodyVersionIsRefusedWith409(Changeable record, Map<String, Object> change, Response read, long version) {
		Response refused = api.patch(record.path(), with(change, "version", version + 7)).bearer(admin).send();
		assertProblem(refused, 409, "error.version-conflict");
		assertUnchanged(record, read);
	}

	private void aVersionThatIsNoWholeNumberIsRefusedNamingVersion(Changeable record, Map<String, Object> change, Response read) {
		String fields = toJson(change);
		String body = fields.substring(0, fields.length() - 1) + ",\"version\":";
		for (String version : List.of("\"x\"", "true", "1.5", "-1", "\"-1\"", "99999999999999999999", "{}", "[0]")) {
			Response refused = api.patch(record.path(), body + version + "}").bearer(admin).send();
			assertProblem(refused, 400, "error.validation");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).as(version).isEqualTo("version");
		}
		for (String ifMatch : List.of("\"x\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"")) {
			Response refused = api.patch(record.path(), change).header("If-Match", ifMatch).bearer(admin).send();
			assertProblem(refused, 400, "error.validation");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).as(ifMatch).isEqualTo("If-Match");
		}
		assertUnchanged(record, read);
	}

	private void anEmptyPatchChangesNothing(Changeable record, Response read, long version) {
		long history = auditLines();
		Response empty = api.patch(record.path(), Map.of()).header("If-Match", "\"" + version + "\"").bearer(admin).send();
		assertThat(empty.status()).as(empty.body()).isEqualTo(200);
		assertThat(empty.header("ETag")).contains("\"" + version + "\"");
		assertThat(version(empty)).isEqualTo(version);
		Response same = api.patch(record.path(), Map.of("version", version)).bearer(admin).send();
		assertThat(same.status()).as(same.body()).isEqualTo(200);
		assertThat(version(same)).isEqualTo(version);
		assertUnchanged(record, read);
		assertThat(auditLines()).isEqualTo(history);
	}

	private void ifMatchStarTakesTheRecordAsItIs(Changeable record, Map<String, Object> change, long version) {
		Response changed = api.patch(record.path(), change).header("If-Match", "*").bearer(admin).send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(version(changed)).isEqualTo(version + 1);
		assertThat(changed.header("ETag")).contains("\"" + (version + 1) + "\"");
		Response again = api.patch(record.path(), change).header("If-Match", "\"" + (version + 1) + "\"").bearer(admin).send();
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(version(again)).as("the same values again change nothing").isEqualTo(version + 1);
	}

	@Test
	void aVersionMayBeSentAsATextOfDigitsAsIdsMay() {
		Changeable warehouse = create("warehouses");
		long version = version(get(warehouse.path()));
		Response changed = api.patch(warehouse.path(), Map.of("name", Api.uniqueName("Depo "), "version", String.valueOf(version)))
			.bearer(admin)
			.send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(version(changed)).isEqualTo(version + 1);
	}

	@Test
	void ifMatchWinsOverTheBodysVersion() {
		Changeable reason = create("lost-reasons");
		long version = version(get(reason.path()));
		Response stale = api.patch(reason.path(), Map.of("name", Api.uniqueName("Reason "), "version", version))
			.header("If-Match", "\"" + (version + 1) + "\"")
			.bearer(admin)
			.send();
		assertProblem(stale, 412, "error.version-conflict");
		Response current = api.patch(reason.path(), Map.of("name", Api.uniqueName("Reason "), "version", version + 1))
			.header("If-Match", "W/\"" + version + "\"")
			.bearer(admin)
			.send();
		assertThat(current.status()).as(current.body()).isEqualTo(200);
	}

	@Test
	void aRecordThatDoesNotExistIsNotFoundEvenForIfMatchStar() {
		assertProblem(api.patch("/api/v1/warehouses/999999999", Map.of("name", "Nowhere")).header("If-Match", "*").bearer(admin)
			.send(), 404, "error.not-found");
	}

	@Test
	void aVersionInTheBodyIsAWholeNumberFromZeroOrItsDigitsAndAnythingElseIsRefusedBesideTheField() {
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("V").substring(0, 8), "name", "Versions"))
			.bearer(admin).send().json().get("id").asLong();
		for (Object wrong : List.of("x", -1, 1.5, true, "12345678901234567890", Map.of("number", 0))) {
			Response refused = api.patch("/api/v1/warehouses/" + warehouse, Map.of("name", "Never", "version", wrong)).bearer(admin)
				.send();
			assertProblem(refused, 400, "error.validation");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).as(String.valueOf(wrong)).isEqualTo("version");
		}
		assertThat(api.get("/api/v1/warehouses/" + warehouse).bearer(admin).send().json().get("name").asString()).isEqualTo("Versions");
		Response byDigits = api.patch("/api/v1/warehouses/" + warehouse, Map.of("name", "By digits", "version", " 0 ")).bearer(admin)
			.send();
		assertThat(byDigits.status()).as(byDigits.body()).isEqualTo(200);
		Response byNumber = api.patch("/api/v1/warehouses/" + warehouse, Map.of("name", "By number", "version", 1)).bearer(admin)
			.send();
		assertThat(byNumber.status()).as(byNumber.body()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/warehouses/" + warehouse, Map.of("name", "Stale", "version", 1)).bearer(admin).send(), 409,
				"error.version-conflict");
	}

	@Test
	void actionsOnARecordAnswerItsNewETagAndRefuseAStaleOne() {
		long opportunity = api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Deal "))).bearer(admin).send().json()
			.get("id").asLong();
		assertProblem(api.post("/api/v1/opportunities/" + opportunity + "/won", Map.of()).header("If-Match", "\"5\"").bearer(admin)
			.send(), 412, "error.version-conflict");
		assertProblem(api.post("/api/v1/opportunities/" + opportunity + "/won", Map.of("version", "x")).bearer(admin).send(), 400,
				"error.validation");
		Response won = api.post("/api/v1/opportunities/" + opportunity + "/won", Map.of()).header("If-Match", "\"0\"").bearer(admin)
			.send();
		assertThat(won.status()).as(won.body()).isEqualTo(200);
		assertThat(won.header("ETag")).contains("\"1\"");

		long lead = api.post("/api/v1/leads", Map.of("title", Api.uniqueName("Lead "))).bearer(admin).send().json().get("id").asLong();
		Response qualified = api.post("/api/v1/leads/" + lead + "/qualify", Map.of()).bearer(admin).send();
		assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
		assertThat(qualified.header("ETag")).contains("\"1\"");

		long activity = activity();
		Response done = api.post("/api/v1/activities/" + activity + "/done", Map.of("version", 0)).bearer(admin).send();
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(done.header("ETag")).contains("\"1\"");
	}

	private Changeable create(String kind) {
		return switch (kind) {
			case "customers" -> new Changeable(created(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name",
					Api.uniqueName("Kilit A.Ş. ")))), named("name"));
			case "branches" -> part(kind, Map.of("name", "Merkez"), named("name"));
			case "contacts" -> part(kind, Map.of("name", "Ayşe Yılmaz"), named("name"));
			case "addresses" -> part(kind, Map.of("line1", "Atatürk Cad. 1", "city", "İzmir"), named("line1"));
			case "bank-accounts" -> part(kind, Map.of("iban", "TR330006100519786457841326"), named("holder"));
			case "payment-cards" -> part(kind, Map.of("last4", "4242", "expiry", "12/39"), named("holder"));
			case "relations" -> new Changeable(created(api.post("/api/v1/customers/" + customer("PERSON") + "/relations",
					Map.of("relatedId", customer("PERSON"), "type", "COLLEAGUE"))), named("note"));
			case "agreements" -> part(kind, Map.of("title", "Bayilik", "startsOn", LocalDate.now().toString()), named("title"));
			case "notes" -> part(kind, Map.of("text", "İlk görüşme"), named("text"));
			case "customer-categories", "customer-sectors", "customer-size-bands" ->
				new Changeable(created(api.post("/api/v1/" + kind, Map.of("name", Api.uniqueName("Liste ")))), named("name"));
			case "customer-classes" -> new Changeable(created(api.post("/api/v1/customer-classes", Map.of("name",
					Api.uniqueName("Sınıf ")))), named("name"));
			case "customer-fields" -> {
				long category = checked(api.post("/api/v1/customer-categories", Map.of("name", Api.uniqueName("Alanlı "))).bearer(admin)
					.send()).json().get("id").asLong();
				yield new Changeable(created(api.post("/api/v1/customer-fields", Map.of("categoryId", category, "code",
						Api.uniqueName("f_").toLowerCase(), "label", "Şube sayısı", "type", "TEXT"))), named("label"));
			}
			case "products" -> new Changeable(created(api.post("/api/v1/products", Map.of("code", Api.uniqueName("LOCK-"), "name",
					"Kilitli ürün"))), named("name"));
			case "product-categories" -> new Changeable(created(api.post("/api/v1/product-categories", Map.of("name",
					Api.uniqueName("Kategori ")))), named("name"));
			case "price-lists" -> new Changeable(created(api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Liste "),
					"currency", "TRY"))), named("name"));
			case "warehouses" -> new Changeable(created(api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W"), "name",
					"Depo"))), named("name"));
			case "opportunities" -> new Changeable(created(api.post("/api/v1/opportunities", Map.of("title",
					Api.uniqueName("Fırsat ")))), named("title"));
			case "leads" -> new Changeable(created(api.post("/api/v1/leads", Map.of("title", Api.uniqueName("Aday ")))),
					named("title"));
			case "sales-teams" -> new Changeable(created(api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Ekip ")))),
					named("name"));
			case "pipeline-stages" -> {
				long team = checked(api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Aşamalı "))).bearer(admin).send())
					.json().get("id").asLong();
				yield new Changeable(created(api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "Teklif"))),
						named("name"));
			}
			case "lost-reasons" -> new Changeable(created(api.post("/api/v1/lost-reasons", Map.of("name",
					Api.uniqueName("Neden ")))), named("name"));
			case "pipeline-settings" -> new Changeable("/api/v1/pipeline-settings",
					current -> Map.of("segmentA", new java.math.BigDecimal(current.get("segmentA").asString()).add(java.math.BigDecimal.ONE)
						.toPlainString()));
			case "activity-types" -> new Changeable(created(api.post("/api/v1/activity-types", Map.of("name",
					Api.uniqueName("Ziyaret "), "category", "MEETING"))), named("name"));
			case "activities" -> new Changeable("/api/v1/activities/" + activity(), named("summary"));
			case "users" -> new Changeable(checked(api.createUser(admin, Api.uniqueName("lock"), "tr", "SALESPERSON")).header("Location")
				.orElseThrow(), named("displayName"));
			default -> throw new IllegalArgumentException(kind);
		};
	}

	/** A change of one text field to a new value. */
	private static Function<JsonNode, Map<String, Object>> named(String field) {
		return current -> Map.of(field, Api.uniqueName("Değişti "));
	}

	private Changeable part(String kind, Map<String, Object> fields, Function<JsonNode, Map<String, Object>> change) {
		return new Changeable(created(api.post("/api/v1/customers/" + customer("COMPANY") + "/" + kind, fields)), change);
	}

	private long customer(String kind) {
		return checked(api.post("/api/v1/customers", Map.of("kind", kind, "name", Api.uniqueName("Bağlı "))).bearer(admin).send())
			.json().get("id").asLong();
	}

	private long activity() {
		long type = api.get("/api/v1/activity-types").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		return checked(api.post("/api/v1/activities", Map.of("typeId", type, "summary", "Ara", "subjectType", "CUSTOMER",
				"subjectId", customer("COMPANY"))).bearer(admin).send()).json().get("id").asLong();
	}

	/** The created record's address; its answer carried the record's first version as ETag. */
	private String created(Api.Call create) {
		return checked(create.bearer(admin).send()).header("Location").orElseThrow();
	}

	private static Response checked(Response created) {
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("ETag")).as("ETag of " + created.body()).contains("\"" + version(created) + "\"");
		return created;
	}

	private Response get(String path) {
		Response read = api.get(path).bearer(admin).send();
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		assertThat(read.header("ETag")).as("ETag of " + path).contains("\"" + version(read) + "\"");
		return read;
	}

	private void assertUnchanged(Changeable record, Response before) {
		Response now = api.get(record.path()).bearer(admin).send();
		assertThat(now.json()).as("%s is unchanged", record.path()).isEqualTo(before.json());
	}

	private void restoreSegments(JsonNode settings) {
		api.patch("/api/v1/pipeline-settings", Map.of("segmentA", settings.get("segmentA").asString(), "segmentB",
				settings.get("segmentB").asString())).header("If-Match", "*").bearer(admin).send();
	}

	private long auditLines() {
		return jdbc.sql("select count(*) from audit_log").query(Long.class).single();
	}

	private static long version(Response response) {
		return response.json().get("version").asLong();
	}

	private static Map<String, Object> with(Map<String, Object> fields, String field, Object value) {
		var copy = new HashMap<>(fields);
		copy.put(field, value);
		return copy;
	}

	private static String toJson(Map<String, Object> fields) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(fields);
	}
}
