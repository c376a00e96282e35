package dev.kervan.platform.api;

import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Sends the version of every {@link Versioned} record a JSON endpoint answers as its {@code ETag}, so that no
 * endpoint can forget it: clients send it back in {@code If-Match}.
 */
@RestControllerAdvice(annotations = RestController.class)
class VersionTags implements ResponseBodyAdvice<Object> {

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof Versioned record && response.getHeaders().getETag() == null) {
			response.getHeaders().setETag(ExpectedVersion.etag(record.version()));
		}
		return body;
	}
}
