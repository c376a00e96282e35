package dev.kervan.platform.web;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container ends here: API callers get problem+json, people a page in
 * their language that says what happened without any technical detail.
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
		String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
		if (wantsJson(request, path)) {
			var problem = problems.of(status, status == 404 ? "error.not-found.path" : "error.status." + status, path);
			problem.setInstance(java.net.URI.create(path.startsWith("/") ? path : "/"));
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		int page = PAGES.contains(status) ? status : (status >= 500 ? 500 : 400);
		return new ModelAndView("error/page", Map.of("status", status, "page", page), HttpStatus.valueOf(status));
	}

	private static int status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		return HttpStatus.resolve(status) == null ? 500 : status;
	}

	static boolean wantsJson(HttpServletRequest request, String path) {
		if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && !accept.contains("text/html") && accept.contains("json");
	}
}
