package dev.kervan.platform.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.kervan.platform.PageLimit;
import dev.kervan.platform.TableExport;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.internal.ContentSniffer;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes every operation of the document say what the API does, by rules that hold for every controller, so that
 * a new endpoint documents itself from its signature and its {@code @Operation(summary = …)}:
 * <dl>
 * <dt>Operation id</dt>
 * <dd>{@code <controller>.<method>}: {@code CustomerController.create} is {@code customer.create}. It changes only
 * when the Java method is renamed, and two operations never share one.</dd>
 * <dt>Success</dt>
 * <dd>What a method declares ({@code @ApiResponse}, {@code @ResponseStatus}) stands. Otherwise: an answer without a
 * body ({@code ResponseEntity<Void>}) is 204; a POST that answers a {@code ResponseEntity} with a body created a
 * record: 201 with its {@code Location}; anything else is 200. A {@link Versioned} record comes with its
 * {@code ETag}. A method that writes its own answer with a {@code format} parameter is a {@link TableExport} (XLSX or
 * CSV); one that answers an {@link InputStreamResource} hands back a stored file, in one of the kinds
 * {@link ContentSniffer} lets in. Everything else is JSON.</dd>
 * <dt>Problems</dt>
 * <dd>Every error is application/problem+json with the one {@code Problem} schema, from the shared responses of
 * {@link OpenApiConfiguration}: 400 and 503 for every operation; 401 for every operation (for the token endpoint: a
 * wrong user name or password); 403 for every operation that needs a token; 404 for an operation that names a
 * record (a path parameter, a query parameter ending in {@code Id}, or a body, whose ids may name none); 409 for
 * every write (a business rule, a stale {@code version} in the body, a concurrent change); 412 where {@code If-Match}
 * is read; 428 for a PATCH that reads it (the version is required there); 413 for uploads; 415 for operations with a
 * body; 422 for the POSTs that take an {@code Idempotency-Key} (the key came before with another request). An
 * operation declares any other problem it can answer with a bare {@code @ApiResponse(responseCode = "429")}, and it
 * is answered from the shared responses too.</dd>
 * <dt>Parameters</dt>
 * <dd>One name, one meaning: {@code format} is xlsx or csv, {@code lang} en, tr or fa, {@code limit} 1 to
 * {@value PageLimit#MAX} (50 when absent); {@code If-Match} is a version as its ETag. {@code Idempotency-Key} is
 * offered on every POST that needs a token ({@link IdempotencyFilter}), {@code Accept-Language} everywhere.</dd>
 * <dt>Security</dt>
 * <dd>Every operation needs the bearer token, except one that declares {@code @SecurityRequirements} empty (the
 * token endpoint).</dd>
 * </dl>
 */
class ApiOperations implements GlobalOperationCustomizer {

	static final String PROBLEM_RESPONSES = "#/components/responses/";
	static final String IF_MATCH = HttpHeaders.IF_MATCH;
	static final String LANGUAGES = "en, tr or fa";

	/** The problem responses every operation shares, by status; {@link OpenApiConfiguration} defines them. */
	static final Map<Integer, String> PROBLEMS = Map.ofEntries(Map.entry(400, "BadRequest"), Map.entry(401, "Unauthorized"),
			Map.entry(403, "Forbidden"), Map.entry(404, "NotFound"), Map.entry(409, "Conflict"),
			Map.entry(412, "PreconditionFailed"), Map.entry(413, "ContentTooLarge"), Map.entry(415, "UnsupportedMediaType"),
			Map.entry(422, "UnprocessableContent"), Map.entry(428, "PreconditionRequired"),
			Map.entry(429, "TooManyRequests"), Map.entry(502, "BadGateway"), Map.entry(503, "ServiceUnavailable"));

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		RequestMethod method = httpMethod(handler);
		boolean anonymous = operation.getSecurity() != null && operation.getSecurity().isEmpty();
		operation.setOperationId(operationId(handler));
		describeParameters(operation, handler, method, anonymous);
		describeSuccess(operation, handler, method);
		describeProblems(operation, handler, method, anonymous);
		return operation;
	}

	static String operationId(HandlerMethod handler) {
		String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
		return StringUtils.uncapitalize(controller) + "." + handler.getMethod().getName();
	}

	private static RequestMethod httpMethod(HandlerMethod handler) {
		RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
		if (mapping == null || mapping.method().length != 1) {
			throw new IllegalStateException(handler + " must map exactly one HTTP method to be documented");
		}
		return mapping.method()[0];
	}

	// --- parameters -------------------------------------------------------------------------------------------------

	private static void describeParameters(Operation operation, HandlerMethod handler, RequestMethod method, boolean anonymous) {
		var parameters = new ArrayList<Parameter>(operation.getParameters() == null ? List.of() : operation.getParameters());
		for (Parameter parameter : parameters) {
			switch (parameter.getIn() + " " + parameter.getName()) {
				case "query format" -> parameter.schema(choice(List.of("xlsx", "csv"), "xlsx"))
					.description("The file's format: xlsx (the default) or csv.");
				case "query lang" -> parameter.schema(choice(List.of("en", "tr", "fa"), null))
					.description("The document's language: " + LANGUAGES + "; your own language when absent.");
				case "query limit" -> parameter.schema(ApiSchemas.ofType("integer")
					.format("int32")
					.minimum(java.math.BigDecimal.ONE)
					.maximum(java.math.BigDecimal.valueOf(PageLimit.MAX))
					._default(PageLimit.DEFAULT))
					.description("How many items a page holds at most: 1 to " + PageLimit.MAX + " (" + PageLimit.DEFAULT
							+ " when absent; a larger number is answered as " + PageLimit.MAX + ").");
				case "query cursor" -> parameter.description("Where the page starts: the nextCursor of the page before.");
				case "header If-Match" -> parameter.schema(ApiSchemas.ofType("string")
					.pattern("^(\\*|(W/)?\"?[0-9]+\"?)$")
					.example("\"3\""))
					.description(method == RequestMethod.PATCH
							? "The version the change is based on, as the record's ETag (\"3\"). Required unless the body "
									+ "sends it as version: 428 without either, 412 when it is no longer current."
							: "The version the action is based on, as the record's ETag (\"3\"); without it the action "
									+ "applies to the record as it is. 412 when it is no longer current.");
				default -> {
				}
			}
		}
		if (method == RequestMethod.POST && !anonymous) {
			parameters.add(new Parameter().in("header")
				.name(IdempotencyFilter.HEADER)
				.required(false)
				.description("Makes a retry safe: a repeat with the same key and request answers the first answer again "
						+ "(Idempotency-Replayed: true) without doing the work twice; the same key with another request "
						+ "is refused with 422. Keys are yours alone and kept for a day.")
				.schema(ApiSchemas.ofType("string").minLength(1).maxLength(255).pattern("^[!-~]+$")));
		}
		parameters.add(new Parameter().in("header")
			.name(HttpHeaders.ACCEPT_LANGUAGE)
			.required(false)
			.description("The language of messages and problems: " + LANGUAGES + " (others answer in English). "
					+ "A lang query parameter on any request does the same.")
			.schema(ApiSchemas.ofType("string").example("tr")));
		operation.setParameters(parameters);
	}

	private static Schema<?> choice(List<String> values, @Nullable String byDefault) {
		var schema = ApiSchemas.ofType("string");
		values.forEach(schema::addEnumItemObject);
		if (byDefault != null) {
			schema._default(byDefault);
		}
		return schema;
	}

	// --- success --------------------------------------------------------------------------------------------------------

	private static void describeSuccess(Operation operation, HandlerMethod handler, RequestMethod method) {
		ApiResponses responses = operation.getResponses();
		ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
		boolean entity = ResponseEntity.class.isAssignableFrom(returned.toClass());
		Class<?> body = entity ? returned.getGeneric(0).toClass() : returned.toClass();
		boolean writesOwnAnswer = Arrays.stream(handler.getMethod().getParameterTypes())
			.anyMatch(HttpServletResponse.class::isAssignableFrom);
		boolean noBody = !writesOwnAnswer && (body == Void.class || body == void.class);
		if (!declaresSuccess(handler.getMethod())) {
			ApiResponse computed = responses.remove("200");
			String status = noBody ? "204" : method == RequestMethod.POST && entity ? "201" : "200";
			ApiResponse success = computed == null ? new ApiResponse() : computed;
			responses.addApiResponse(status, success.description(switch (status) {
				case "201" -> "Created";
				case "204" -> "No Content";
				default -> "OK";
			}));
		}
		// Springdoc may share these objects between operations: each operation gets its own.
		for (String status : List.copyOf(responses.keySet())) {
			if (!status.startsWith("2")) {
				continue;
			}
			ApiResponse computed = responses.get(status);
			var success = new ApiResponse().description(computed.getDescription());
			if (status.equals("204") || noBody) {
				success.content(null);
			}
			else if (writesOwnAnswer) {
				boolean export = Arrays.stream(handler.getMethodParameters())
					.anyMatch(parameter -> "format".equals(parameter.getParameterName()));
				if (!export) {
					throw new IllegalStateException(handler + " writes its own answer; declare what it answers with @ApiResponse");
				}
				success.content(files(Arrays.stream(TableExport.Format.values()).map(TableExport.Format::contentType).toList()));
			}
			else if (body == InputStreamResource.class) {
				success.content(files(ContentSniffer.storedTypes()));
			}
			else {
				success.content(jsonInsteadOfAnything(computed.getContent()));
			}
			if (Versioned.class.isAssignableFrom(body)) {
				success.addHeaderObject(HttpHeaders.ETAG, new Header().description("The record's version, to send back in If-Match.")
					.schema(ApiSchemas.ofType("string").example("\"3\"")));
			}
			if (status.equals("201")) {
				success.addHeaderObject(HttpHeaders.LOCATION, new Header().description("The path of what was created.")
					.schema(ApiSchemas.ofType("string").format("uri-reference")));
			}
			responses.addApiResponse(status, success);
		}
	}

	private static boolean declaresSuccess(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, ResponseStatus.class)
				|| AnnotatedElementUtils.findMergedRepeatableAnnotations(method, io.swagger.v3.oas.annotations.responses.ApiResponse.class)
					.stream()
					.anyMatch(response -> response.responseCode().startsWith("2"));
	}

	/** Springdoc offers a JSON answer as {@code *}/{@code *} unless a mapping says what it produces. */
	private static @Nullable Content jsonInsteadOfAnything(@Nullable Content computed) {
		if (computed == null) {
			return null;
		}
		var content = new Content();
		computed.forEach((type, media) -> content.addMediaType(
				type.equals("*/*") ? org.springframework.http.MediaType.APPLICATION_JSON_VALUE : type, media));
		return content;
	}

	private static Content files(List<String> mediaTypes) {
		var content = new Content();
		mediaTypes.forEach(type -> content.addMediaType(type,
				new MediaType().schema(ApiSchemas.ofType("string").contentMediaType(type))));
		return content;
	}

	// --- problems -------------------------------------------------------------------------------------------------------

	private static void describeProblems(Operation operation, HandlerMethod handler, RequestMethod method, boolean anonymous) {
		ApiResponses responses = operation.getResponses();
		Set<Integer> statuses = new TreeSet<>(List.of(400, 401, 503));
		responses.keySet().stream().filter(code -> code.matches("[45]\\d\\d")).map(Integer::valueOf).forEach(statuses::add);
		List<Parameter> parameters = operation.getParameters();
		boolean body = operation.getRequestBody() != null;
		boolean write = method != RequestMethod.GET;
		boolean ifMatch = parameters.stream().anyMatch(p -> "header".equals(p.getIn()) && IF_MATCH.equals(p.getName()));
		if (!anonymous) {
			statuses.add(403);
		}
		if (body && !anonymous || parameters.stream().anyMatch(p -> "path".equals(p.getIn())
				|| "query".equals(p.getIn()) && p.getName().endsWith("Id"))) {
			statuses.add(404);
		}
		if (write && !anonymous) {
			statuses.add(409);
		}
		if (ifMatch) {
			statuses.add(412);
			if (method == RequestMethod.PATCH) {
				statuses.add(428);
			}
		}
		if (body) {
			statuses.add(415);
			if (operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
				statuses.add(413);
			}
		}
		if (parameters.stream().anyMatch(p -> IdempotencyFilter.HEADER.equals(p.getName()))) {
			statuses.add(422);
		}
		for (int status : statuses) {
			String name = PROBLEMS.get(status);
			if (name == null) {
				throw new IllegalStateException(handler + " declares " + status + ", which has no shared problem response");
			}
			responses.addApiResponse(String.valueOf(status), new ApiResponse().$ref(PROBLEM_RESPONSES + name));
		}
		var ordered = new ApiResponses();
		responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> ordered.addApiResponse(e.getKey(), e.getValue()));
		operation.setResponses(ordered);
	}
}
