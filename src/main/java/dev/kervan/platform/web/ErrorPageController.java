package dev.kervan.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.kervan.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container ends here: API callers get problem+json, people a page in
 * their language that says what happened without any technical detail. A request refused because it could not be
 * read ({@link UnreadableRequests}) says why.
 */
@Controller
class ErrorPageController implements ErrorController {

	private static final Set<Integer> PAGES = Set.of(400, 403, 404, 405, 413, 429, 500, 503);

	private final Problems problems;

	ErrorPageController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		int status = status(request);
		String path = path(request);
		var refusal = request.getAttribute(UnreadableRequests.REFUSAL) instanceof UnreadableRequests.Refusal r ? r : null;
		if (wantsJson(request)) {
			ProblemDetail problem = refusal != null ? problems.of(status, refusal.messageCode(), refusal.arguments())
					: problems.of(status, status == 404 ? "error.not-found.path" : "error.status." + status, path);
			problem.setInstance(instance(path));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return page(status, refusal == null ? null : problems.message(refusal.messageCode(), refusal.arguments()));
	}

	/** The friendly error page for a status, with a message in place of the status's own text when there is one. */
	static ModelAndView page(int status, @Nullable String message) {
		int page = PAGES.contains(status) ? status : (status >= 500 ? 500 : 400);
		var model = new HashMap<String, Object>(Map.of("status", status, "page", page));
		if (message != null) {
			model.put("message", message);
		}
		return new ModelAndView("error/page", model, HttpStatus.valueOf(status));
	}

	/**
	 * Whether an error is answered as problem+json: under the API, the actuator and the API documentation, and for
	 * callers that accept JSON but not HTML.
	 */
	static boolean wantsJson(HttpServletRequest request) {
		String path = path(request);
		if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && !accept.contains("text/html") && accept.contains("json");
	}

	/** The path as the problem's {@code instance}; one that is no valid URI (it may hold any bytes) as {@code /}. */
	static URI instance(String path) {
		try {
			return new URI(path.startsWith("/") ? path : "/");
		}
		catch (URISyntaxException e) {
			return URI.create("/");
		}
	}

	private static String path(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return original != null ? original.toString() : String.valueOf(request.getRequestURI());
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		return HttpStatus.resolve(status) == null ? 500 : status;
	}
}
