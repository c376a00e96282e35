package dev.kervan.platform.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: what the API is and how callers authenticate (a bearer token from
 * {@code POST /api/v1/auth/tokens}), so that Swagger UI's "Authorize" works.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI kervanOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Kervan API")
				.version("v1")
				.description("""
						JSON over HTTP for outside systems. Get a token with POST /api/v1/auth/tokens and send it as \
						"Authorization: Bearer <token>". Errors are application/problem+json; lists are \
						{"items": [...], "nextCursor": "..."}; records answer their version as ETag, and a PATCH must send \
						the version it is based on in If-Match or as "version" (428 without, 412 or 409 when stale); POSTs \
						accept an Idempotency-Key; decimals are strings.""")
				.license(new License().name("Open source")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("opaque token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}
}
