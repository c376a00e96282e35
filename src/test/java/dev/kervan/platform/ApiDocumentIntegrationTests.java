package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
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

	/**
	 * Operations whose controllers still read a {@code JsonNode}: the pipeline's opportunities and leads, which are
	 * becoming typed commands. Remove each one here as it gets its request record; the list must end empty.
	 */
	private static final Set<String> UNTYPED_BODIES_BEING_CONVERTED = Set.of();

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
			if (!typed && !UNTYPED_BODIES_BEING_CONVERTED.contains(id)) {
				untyped.add(id + " " + media.getKey());
			}
		}));
		assertThat(untyped).as("operations whose request body has no typed schema").isEmpty();
		assertThat(UNTYPED_BODIES_BEING_CONVERTED).as("operations still listed as untyped although they are typed now")
			.allSatisfy(id -> assertThat(untypedBody(id)).as(id).isTrue());
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
		JsonNode export = operation("get", "/api/v1/customers/export").path("responses").path("200").path("content");
		assertThat(export.propertyNames()).containsExactlyInAnyOrder("text/csv",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(operation("get", "/api/v1/products/pdf").path("responses").path("200").path("content").propertyNames())
			.containsExactly("application/pdf");
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
		assertThat(responseCodes("patch", "/api/v1/customers/{id}")).contains("400", "401", "403", "404", "409", "412",
				"415", "428");
		assertThat(responseCodes("post", "/api/v1/auth/tokens")).contains("400", "401", "415", "429")
			.doesNotContain("403", "409");
		assertThat(responseCodes("post", "/api/v1/customers/{customerId}/attachments")).contains("413", "422");
	}

	@Test
	void successIsTheStatusTheOperationAnswers() {
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
	}

	@Test
	void parametersSayWhatTheyTake() {
		assertThat(parameter("get", "/api/v1/customers/export", "format").path("schema").path("enum")
			.valueStream().map(JsonNode::asString)).containsExactly("xlsx", "csv");
		assertThat(parameter("get", "/api/v1/products/pdf", "lang").path("schema").path("enum")
			.valueStream().map(JsonNode::asString)).containsExactly("en", "tr", "fa");
		JsonNode limit = parameter("get", "/api/v1/customers", "limit").path("schema");
		assertThat(limit.path("minimum").asInt()).isEqualTo(1);
		assertThat(limit.path("maximum").asInt()).isEqualTo(PageLimit.MAX);
		assertThat(parameter("patch", "/api/v1/customers/{id}", "If-Match").isMissingNode()).isFalse();
		assertThat(parameter("post", "/api/v1/customers", "Idempotency-Key").isMissingNode()).isFalse();
		assertThat(parameter("post", "/api/v1/auth/tokens", "Idempotency-Key").isMissingNode())
			.as("an anonymous POST has no key to scope to a caller").isTrue();
		assertThat(parameter("get", "/api/v1/customers", "Accept-Language").isMissingNode()).isFalse();
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

	private boolean untypedBody(String operationId) {
		var untyped = new ArrayList<Boolean>();
		eachOperation((id, operation) -> {
			if (id.equals(operationId)) {
				operation.path("requestBody").path("content").forEach(media -> {
					JsonNode schema = resolve(media.path("schema"));
					untyped.add(schema.path("properties").isEmpty() && schema.path("oneOf").isEmpty());
				});
			}
		});
		return untyped.contains(true);
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
