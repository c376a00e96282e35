package dev.kervan.platform.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body whose {@code Content-Type} cannot be read, reads the query string (and a form body) before anything
 * else does, and catches what later filters fail to read (the multipart body the CSRF check or the idempotency
 * fingerprint parses, the form of a PUT): a request the container cannot read is refused here, as
 * {@link UnreadableRequests} says, instead of failing with a 500 inside whichever component happened to ask for a
 * parameter first. Runs right after the character encoding is set, so a form is decoded as UTF-8.
 */
class UnreadableRequestFilter extends OncePerRequestFilter {

	private final UnreadableRequests unreadable;

	UnreadableRequestFilter(UnreadableRequests unreadable) {
		this.unreadable = unreadable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<UnreadableRequests.Refusal> contentType = unreadable.refusalForContentType(request);
		if (contentType.isPresent()) {
			unreadable.answer(request, response, contentType.get(), "Content-Type " + request.getContentType());
			return;
		}
		try {
			if (!UnreadableRequests.isMultipart(request)) {
				// Multipart bodies (uploads) are left for after authentication; Tomcat parses them with the query.
				request.getParameterMap();
			}
			chain.doFilter(request, response);
		}
		catch (RuntimeException | IOException | ServletException failure) {
			Optional<UnreadableRequests.Refusal> refusal = unreadable.refusalFor(failure, request);
			if (refusal.isEmpty() || response.isCommitted()) {
				throw failure;
			}
			unreadable.answer(request, response, refusal.get(), failure);
		}
	}
}
