package dev.kervan.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Request-reading failures inside Spring MVC, for pages and the API alike and also before a handler is known: the
 * multipart resolver parses an upload before the request is mapped, where neither the API's nor the pages' exception
 * handlers apply. Runs before them.
 */
@Component
class UnreadableRequestResolver implements HandlerExceptionResolver, Ordered {

	private final UnreadableRequests unreadable;

	UnreadableRequestResolver(UnreadableRequests unreadable) {
		this.unreadable = unreadable;
	}

	@Override
	public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
			@Nullable Object handler, Exception failure) {
		return unreadable.refusalFor(failure, request).map(refusal -> {
			if (!ErrorPageController.wantsJson(request)) {
				return unreadable.page(request, refusal, failure);
			}
			try {
				unreadable.answer(request, response, refusal, failure);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return new ModelAndView();
		}).orElse(null);
	}

	@Override
	public int getOrder() {
		// After Boot's DefaultErrorAttributes, which only notes the failure, and before every handler.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}
}
