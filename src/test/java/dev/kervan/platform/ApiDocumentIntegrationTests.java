package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v3/api-docs} describes the API as it is: typed request bodies, real media types, the one problem schema
 * for every error, decimals as strings, stable operation ids, a summary everywhere, and only the token endpoint
 * without a token. What each operation answers is checked against the running API by {@code ApiFuzzIntegrationTests}.
 */
class ApiDocumentIntegrationTests extends KervanIntegrationTest {

	private static final String PROBLEM = "#/components/schemas/Problem";

	/** The document of the one application all integration tests share: read once. */
	private static JsonNode document;

	@BeforeEach
	void readDocument() {
		if (document != null) {
			return;
		}
		Response answer = api.get("/v3/api-docs").bearer(api.token("admin", ADMIN_PASSWORD)).send();
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		document = answer.json();
	}

	@Test
	void everyOperationWithABodyHasATypedSchema() {
		var untyped = new ArrayList<String>();
		eachOperation((id, operation) -> operation.path("requestBody").path("content").properties().forEach(media -> {
			JsonNode schema = resolve(media.getValue().path("schema"));
			boolean typed = schema.path("properties").size() > 0 || schema.path("oneOf").size() > 0;
			if (!typed) {
				untyped.add(id + " " + media.getKey());
			}
		}));
		assertThat(untyped).as("operations whose request body has no typed schema").isEmpty();
	}

	@Test
	void noOperationReadsOrAnswersAnyMediaTypeAtAll() {
		var vague = new ArrayList<String>();
		eachOperation((id, operation) -> {
			operation.path("requestBody").path("content").propertyNames().forEach(type -> {
				if (type.contains("*")) {
					vague.add(id + " reads " + type);
				}
			});
			operation.path("responses").properties().forEach(response -> resolve(response.getValue()).path("content")
				.propertyNames()
				.forEach(type -> {
					if (type.contains("*")) {
						vague.add(id + " answers " + response.getKey() + " as " + type);
					}
				}));
		});
		assertThat(vague).isEmpty();
		var unknown = new ArrayList<String>();
		eachOperation((id, operation) -> operation.path("responses").properties().forEach(response -> {
			JsonNode content = resolve(response.getValue()).path("content");
			if (content.isObject() && content.isEmpty()) {
				unknown.add(id + " " + response.getKey());
			}
		}));
		assertThat(unknown).as("answers whose content could not be described (see the log for why)").isEmpty();
		var files = new ArrayList<String>();
		eachOperation((id, operation) -> {
			Set<String> answered = Set.copyOf(resolve(operation.path("responses").path("200")).path("content").propertyNames());
			boolean export = parameterOf(operation, "format").isPresent();
			boolean pdf = id.endsWith("Pdf");
			if (export && !answered.equals(Set.of("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
					|| pdf && !answered.equals(Set.of("application/pdf"))) {
				files.add(id + " answers " + answered);
			}
			if (export || pdf) {
				files.add(id);
			}
		});
		assertThat(files).as("every export answers CSV or XLSX, every document PDF")
			.containsExactlyInAnyOrder("customer.export", "catalogFile.exportProducts", "catalogFile.exportPriceList",
					"stockFile.exportLevels", "catalogFile.productsPdf", "catalogFile.priceListPdf");
		assertThat(operation("post", "/api/v1/customers/import").path("requestBody").path("content")
			.path("multipart/form-data").path("schema").path("properties").path("file").path("description").asString(""))
			.isNotBlank();
	}

	@Test
	void everyOperationHasASummaryAndAStableIdOfItsOwn() {
		var ids = new HashMap<String, Integer>();
		var missing = new ArrayList<String>();
		eachOperation((id, operation) -> {
			ids.merge(id, 1, Integer::sum);
			if (operation.path("summary").asString("").isBlank()) {
				missing.add(id);
			}
		});
		assertThat(missing).as("operations without a summary").isEmpty();
		assertThat(ids).allSatisfy((id, count) -> {
			assertThat(count).as("operations named " + id).isOne();
			assertThat(id).matches("[a-z][A-Za-z]*\\.[a-z][A-Za-z]*");
		});
		assertThat(ids).containsKeys("customer.create", "customerParts.createContact", "product.create", "token.create");
	}

	@Test
	void everyErrorIsTheOneProblemSchema() {
		var wrong = new ArrayList<String>();
		eachOperation((id, operation) -> operation.path("responses").properties().forEach(entry -> {
			if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
				JsonNode content = resolve(entry.getValue()).path("content");
				if (!content.propertyNames().equals(Set.of("application/problem+json"))
						|| !content.path("application/problem+json").path("schema").path("$ref").asString("").equals(PROBLEM)) {
					wrong.add(id + " " + entry.getKey());
				}
			}
		}));
		assertThat(wrong).isEmpty();
		JsonNode problem = resolve(document.path("components").path("schemas").path("Problem"));
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail", "instance",
				"code", "errors", "incident", "available");
		var undeclared = new ArrayList<String>();
		eachOperation((id, operation) -> {
			boolean anonymous = operation.has("security");
			boolean write = !methodOf(id).equals("get");
			var expected = new TreeSet<>(List.of("400", "401", "503"));
			if (!anonymous) {
				expected.add("403");
			}
			if (write && !anonymous) {
				expected.add("409");
			}
			if (operation.has("requestBody")) {
				expected.add("415");
			}
			if (operation.path("parameters").valueStream().anyMatch(p -> p.path("in").asString().equals("path"))) {
				expected.add("404");
			}
			if (methodOf(id).equals("post") && !anonymous) {
				expected.add("422");
			}
			expected.removeAll(operation.path("responses").propertyNames());
			if (!expected.isEmpty()) {
				undeclared.add(id + " " + expected);
			}
		});
		assertThat(undeclared).as("problems an operation of its kind can answer but does not declare").isEmpty();
		assertThat(responseCodes("patch", "/api/v1/customers/{id}")).contains("400", "401", "403", "404", "409", "412",
				"415", "428");
		assertThat(responseCodes("post", "/api/v1/auth/tokens")).contains("400", "401", "415", "429")
			.doesNotContain("403", "409");
		assertThat(responseCodes("post", "/api/v1/customers/{customerId}/attachments")).contains("413", "422");
	}

	@Test
	void successIsTheStatusTheOperationAnswers() {
		var wrong = new ArrayList<String>();
		eachOperation((id, operation) -> {
			List<String> successes = operation.path("responses").propertyNames().stream().filter(code -> code.startsWith("2")).toList();
			if (successes.size() != 1) {
				wrong.add(id + " declares " + successes);
				return;
			}
			JsonNode success = operation.path("responses").path(successes.getFirst());
			switch (successes.getFirst()) {
				case "201" -> {
					if (!success.path("headers").has("Location") || success.path("content").isEmpty()) {
						wrong.add(id + " creates without Location or body");
					}
				}
				case "204" -> {
					if (!success.path("content").isMissingNode()) {
						wrong.add(id + " has a body with 204");
					}
				}
				default -> {
					if (methodOf(id).equals("delete")) {
						wrong.add(id + " deletes with " + successes.getFirst());
					}
				}
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(responseCodes("post", "/api/v1/customers")).contains("201").doesNotContain("200");
		assertThat(operation("post", "/api/v1/customers").path("responses").path("201").path("headers").has("Location")).isTrue();
		assertThat(responseCodes("delete", "/api/v1/customers/{id}")).contains("204").doesNotContain("200");
		assertThat(responseCodes("post", "/api/v1/customers/import")).contains("202").doesNotContain("200", "201");
		assertThat(responseCodes("post", "/api/v1/products/pdf/send")).contains("202", "502").doesNotContain("204");
		assertThat(responseCodes("get", "/api/v1/customers/{id}")).contains("200");
	}

	@Test
	void decimalsAreStringsInTheDecimalFormat() {
		var numbers = new ArrayList<String>();
		findNumbers(document, "", numbers);
		assertThat(numbers).as("decimals that are not strings").isEmpty();
		JsonNode discount = document.path("components").path("schemas").path("ClassResource").path("properties")
			.path("defaultDiscount");
		assertThat(discount.path("type").asString()).isEqualTo("string");
		assertThat(discount.path("format").asString()).isEqualTo("decimal");
	}

	@Test
	void requiredAndNullableFieldsAreMarked() {
		JsonNode page = document.path("components").path("schemas").path("KeysetPageListItem");
		assertThat(page.path("required").valueStream().map(JsonNode::asString)).containsExactly("items");
		assertThat(page.path("properties").path("nextCursor").path("type").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("string", "null");
		JsonNode newActivity = document.path("components").path("schemas").path("NewActivity");
		assertThat(newActivity.path("required").valueStream().map(JsonNode::asString))
			.containsExactlyInAnyOrder("typeId", "subjectType", "subjectId");
		assertThat(nullable(newActivity.path("properties").path("dueDate"))).isTrue();
		assertThat(nullable(newActivity.path("properties").path("typeId"))).isFalse();
	}

	@Test
	void aChangeRequiresNoFieldAndEveryFieldMayBeSentAsNull() {
		var wrong = new ArrayList<String>();
		eachOperation((id, operation) -> {
			if (!methodOf(id).equals("patch")) {
				return;
			}
			for (JsonNode schema : requestSchemas(operation)) {
				if (!schema.path("required").isEmpty()) {
					wrong.add(id + " requires " + schema.path("required"));
				}
				schema.path("properties").properties().forEach(property -> {
					if (!nullable(property.getValue())) {
						wrong.add(id + " " + property.getKey() + " cannot be null");
					}
				});
			}
		});
		assertThat(wrong).as("a PATCH changes only the fields sent, and null clears one").isEmpty();
	}

	@Test
	void theVersionABodyIsBasedOnIsAWholeNumber() {
		var versions = new ArrayList<String>();
		var wrong = new ArrayList<String>();
		eachOperation((id, operation) -> requestSchemas(operation).forEach(schema -> {
			JsonNode version = schema.path("properties").path("version");
			if (version.isMissingNode()) {
				return;
			}
			versions.add(id);
			boolean wholeNumber = version.path("type").valueStream().map(JsonNode::asString).toList().contains("integer")
					&& version.path("minimum").asInt(-1) == 0;
			if (!wholeNumber || !nullable(version) || schema.path("required").valueStream().anyMatch(r -> r.asString().equals("version"))) {
				wrong.add(id + " " + version);
			}
		}));
		assertThat(versions).contains("activity.update", "activity.done", "opportunity.update", "opportunity.won", "customer.update");
		assertThat(wrong).as("a body's version is an optional whole number from 0 (If-Match may say it instead)").isEmpty();
	}

	@Test
	void parametersSayWhatTheyTake() {
		var formats = new ArrayList<String>();
		var languages = new ArrayList<String>();
		var limits = new ArrayList<String>();
		var wrong = new ArrayList<String>();
		eachOperation((id, operation) -> {
			parameterOf(operation, "format").ifPresent(format -> {
				formats.add(id);
				if (!enumOf(format).equals(List.of("xlsx", "csv"))) {
					wrong.add(id + " format " + format);
				}
			});
			parameterOf(operation, "lang").ifPresent(lang -> {
				languages.add(id);
				if (!enumOf(lang).equals(List.of("en", "tr", "fa"))) {
					wrong.add(id + " lang " + lang);
				}
			});
			parameterOf(operation, "limit").ifPresent(limit -> {
				limits.add(id);
				if (limit.path("schema").path("minimum").asInt() != 1 || limit.path("schema").path("maximum").asInt() != PageLimit.MAX) {
					wrong.add(id + " limit " + limit);
				}
			});
			if (parameterOf(operation, "Accept-Language").isEmpty()) {
				wrong.add(id + " without Accept-Language");
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(formats).contains("customer.export", "stockFile.exportLevels");
		assertThat(languages).contains("catalogFile.productsPdf", "catalogFile.priceListPdf");
		assertThat(limits).contains("customer.list", "product.list", "opportunity.list", "inventory.levels");
	}

	@Test
	void everyPostThatNeedsATokenTakesAnIdempotencyKey() {
		var wrong = new ArrayList<String>();
		eachOperation((id, operation) -> {
			boolean offered = parameterOf(operation, "Idempotency-Key").isPresent();
			boolean expected = methodOf(id).equals("post") && !operation.has("security");
			if (offered != expected) {
				wrong.add(id + (offered ? " offers" : " lacks") + " Idempotency-Key");
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(parameter("post", "/api/v1/auth/tokens", "Idempotency-Key").isMissingNode())
			.as("an anonymous POST has no key to scope to a caller").isTrue();
	}

	@Test
	void ifMatchIsOfferedWhereAVersionIsCheckedAndRequiredOnlyByAChange() {
		var wrong = new ArrayList<String>();
		var offered = new ArrayList<String>();
		eachOperation((id, operation) -> {
			boolean ifMatch = parameterOf(operation, "If-Match").isPresent();
			Set<String> codes = Set.copyOf(operation.path("responses").propertyNames());
			if (ifMatch) {
				offered.add(id);
			}
			if (ifMatch != codes.contains("412")) {
				wrong.add(id + (ifMatch ? " reads If-Match without 412" : " answers 412 without If-Match"));
			}
			boolean patch = methodOf(id).equals("patch");
			if (patch && !ifMatch || patch != codes.contains("428")) {
				wrong.add(id + " " + codes);
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(offered).contains("customer.update", "activity.update", "activity.done", "activity.handOver",
				"activity.cancel", "opportunity.won", "lead.qualify");
	}

	@Test
	void onlyTheTokenEndpointNeedsNoToken() {
		assertThat(document.path("security").toString()).isEqualTo("[{\"bearer\":[]}]");
		var anonymous = new ArrayList<String>();
		eachOperation((id, operation) -> {
			if (operation.has("security")) {
				anonymous.add(id + " " + operation.path("security"));
			}
		});
		assertThat(anonymous).containsExactly("token.create []");
	}

	private void eachOperation(BiConsumer<String, JsonNode> action) {
		document.path("paths").properties().forEach(path -> path.getValue().properties()
			.forEach(method -> action.accept(method.getValue().path("operationId").asString(), method.getValue())));
	}

	/** The HTTP method of an operation, by its id. */
	private String methodOf(String operationId) {
		for (var path : document.path("paths").properties()) {
			for (var method : path.getValue().properties()) {
				if (method.getValue().path("operationId").asString().equals(operationId)) {
					return method.getKey();
				}
			}
		}
		throw new AssertionError("no operation " + operationId);
	}

	/** The records a JSON body may be: its schema, or each of those it may be one of. */
	private List<JsonNode> requestSchemas(JsonNode operation) {
		JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
		if (schema.path("oneOf").isEmpty()) {
			return schema.isMissingNode() ? List.of() : List.of(schema);
		}
		return schema.path("oneOf").valueStream().map(this::resolve).toList();
	}

	private static Optional<JsonNode> parameterOf(JsonNode operation, String name) {
		return operation.path("parameters").valueStream().filter(p -> p.path("name").asString().equals(name)).findFirst();
	}

	private static List<String> enumOf(JsonNode parameter) {
		return parameter.path("schema").path("enum").valueStream().map(JsonNode::asString).toList();
	}

	/** Whether a property may be null: {@code type: [x, "null"]}, or {@code anyOf} with a null. */
	private static boolean nullable(JsonNode property) {
		return property.path("type").valueStream().anyMatch(t -> t.asString().equals("null"))
				|| property.path("anyOf").valueStream().anyMatch(alternative -> alternative.path("type").asString("").equals("null"));
	}

	private JsonNode operation(String method, String path) {
		return document.path("paths").path(path).path(method);
	}

	private List<String> responseCodes(String method, String path) {
		return List.copyOf(operation(method, path).path("responses").propertyNames());
	}

	private JsonNode parameter(String method, String path, String name) {
		for (JsonNode parameter : operation(method, path).path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

	/** Follows a {@code $ref} within the document. */
	private JsonNode resolve(JsonNode node) {
		String reference = node.path("$ref").asString("");
		if (!reference.startsWith("#/")) {
			return node;
		}
		JsonNode target = document;
		for (String part : reference.substring(2).split("/")) {
			target = target.path(part);
		}
		return resolve(target);
	}

	private static void findNumbers(JsonNode node, String where, List<String> found) {
		if (node.isObject()) {
			JsonNode type = node.path("type");
			boolean number = type.asString("").equals("number")
					|| type.isArray() && type.valueStream().anyMatch(t -> t.asString().equals("number"));
			// A double (a similarity score) is a JSON number; a decimal without a format can only be a BigDecimal.
			if (number && !Set.of("double", "float").contains(node.path("format").asString(""))) {
				found.add(where);
			}
			node.properties().forEach(entry -> findNumbers(entry.getValue(), where + "/" + entry.getKey(), found));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				findNumbers(node.get(i), where + "/" + i, found);
			}
		}
	}
}
