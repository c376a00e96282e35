package dev.kervan.platform.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: what the API is, how callers authenticate (a bearer token from
 * {@code POST /api/v1/auth/tokens}, so that Swagger UI's "Authorize" works), the one {@code Problem} schema every
 * error answers with and the problem responses operations share. {@link ApiOperations} and {@link ApiSchemas} make
 * each operation and schema say what the API really does.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "Problem";
	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	@Bean
	OpenAPI kervanOpenApi() {
		var components = new Components().addSecuritySchemes("bearer",
				new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque token"))
			.addSchemas("FieldError", fieldError())
			.addSchemas(PROBLEM, problem());
		problemResponses().forEach((status, description) -> components.addResponses(ApiOperations.PROBLEMS.get(status),
				problemResponse(status, description)));
		return new OpenAPI()
			.info(new Info().title("Kervan API")
				.version("v1")
				.description("""
						JSON over HTTP for outside systems. Get a token with POST /api/v1/auth/tokens and send it as \
						"Authorization: Bearer <token>". Errors are application/problem+json (the Problem schema); lists are \
						{"items": [...], "nextCursor": "..."}; records answer their version as ETag, and a PATCH must send \
						the version it is based on in If-Match or as "version" (428 without, 412 or 409 when stale); POSTs \
						accept an Idempotency-Key; decimals are strings. Any request may also be refused by the server \
						itself before an operation sees it: 405 for a method a path does not take, 406 for an Accept header \
						no answer fits, 414 and 431 for a request line or headers that are too long.""")
				.license(new License().name("Open source")))
			.components(components)
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	@Bean
	ApiOperations apiOperations() {
		return new ApiOperations();
	}

	@Bean
	ApiSchemas apiSchemas() {
		return new ApiSchemas();
	}

	/** When each shared problem response is answered; {@link ApiOperations} decides which operation can answer which. */
	private static Map<Integer, String> problemResponses() {
		return Map.ofEntries(
				Map.entry(400, "The request cannot be read, or a value is invalid: errors names each one (a body field by "
						+ "its path, such as lines[2].quantity; a query parameter or header by its name)."),
				Map.entry(401, "No valid bearer token; for the token endpoint, a wrong user name or password."),
				Map.entry(403, "Your roles, or the record's rules, do not allow this."),
				Map.entry(404, "A record named in the path or in the request does not exist, or is not yours to see."),
				Map.entry(409, "The change conflicts with the record's state or a business rule, the version sent in the "
						+ "body is no longer current (ETag holds the current one), or a concurrent change won. Nothing changed."),
				Map.entry(412, "If-Match names a version that is no longer current (ETag holds the current one). Nothing changed."),
				Map.entry(413, "The upload is larger, or has more parts, than allowed."),
				Map.entry(415, "The body is not of a media type the operation reads."),
				Map.entry(422, "The Idempotency-Key came before with another request."),
				Map.entry(428, "Neither If-Match nor the body's version says which version the change is based on."),
				Map.entry(429, "Too many failed password checks; Retry-After says when to try again."),
				Map.entry(502, "The mail server refused the message."),
				Map.entry(503, "The database (or, for mail, the mail server) is not available; nothing changed. "
						+ "Retry-After says when to try again."));
	}

	private static ApiResponse problemResponse(int status, String description) {
		var response = new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON,
					new MediaType().schema(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))));
		if (status == 409 || status == 412) {
			response.addHeaderObject("ETag", new Header().description("The record's current version, when it was stale.")
				.schema(ApiSchemas.ofType("string")));
		}
		if (status == 429 || status == 503) {
			response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
				.schema(ApiSchemas.ofType("integer")));
		}
		return response;
	}

	/** What Spring's ProblemDetail answers, with the members Kervan adds ({@code platform.Problems}). */
	private static Schema<?> problem() {
		Schema<?> problem = ApiSchemas.ofType("object")
			.description("An error (RFC 9457). code names the message; errors lists the fields refused.")
			.required(List.of("title", "status", "detail", "code"));
		problem.addProperty("type", text("A URI naming the kind of problem; about:blank for all of Kervan's.").format("uri-reference"));
		problem.addProperty("title", text("The status in words, in the request's language."));
		problem.addProperty("status", ApiSchemas.ofType("integer").format("int32").description("The HTTP status."));
		problem.addProperty("detail", text("What went wrong, in the request's language."));
		problem.addProperty("instance", text("The path the problem occurred on.").format("uri-reference"));
		problem.addProperty("code", text("The message code, stable across languages, such as error.value.required."));
		problem.addProperty("errors", ApiSchemas.ofType("array")
			.items(new JsonSchema().$ref("#/components/schemas/FieldError"))
			.description("The fields refused, each with why."));
		problem.addProperty("incident", text("For a 500: the id to find the failure in the log under.").format("uuid"));
		problem.addProperty("existingId", ApiSchemas.ofType("integer").format("int64")
			.description("A duplicate's existing record."));
		problem.addProperty("existing", text("The API path of a duplicate's existing record.").format("uri-reference"));
		problem.addProperty("existingPage", text("The page of a duplicate's existing record.").format("uri-reference"));
		problem.addProperty("productId", ApiSchemas.ofType("integer").format("int64")
			.description("Not enough stock: of which product."));
		problem.addProperty("warehouseId", ApiSchemas.ofType("integer").format("int64")
			.description("Not enough stock: in which warehouse."));
		problem.addProperty("available", ApiSchemas.decimal().description("Not enough stock: how much is available."));
		return problem;
	}

	private static Schema<?> fieldError() {
		Schema<?> error = ApiSchemas.ofType("object").required(List.of("field", "message"));
		error.addProperty("field", text("The field, query parameter or header, such as name, lines[2].quantity or If-Match."));
		error.addProperty("message", text("Why it was refused, in the request's language."));
		return error;
	}

	private static Schema<?> text(String description) {
		return ApiSchemas.ofType("string").description(description);
	}
}
