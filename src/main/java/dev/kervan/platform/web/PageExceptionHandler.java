package dev.kervan.platform.web;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A business rule that refuses a page (a record that does not exist, an action the user may not take) answers
 * the friendly error page with the rule's own message, not a 500. Forms catch their refusals themselves and show
 * them beside the fields; this is for everything else. JSON endpoints have their own handler, which runs first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	private static final Set<Integer> PAGES = Set.of(400, 403, 404, 405, 413, 429, 500);

	private final Problems problems;

	PageExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ModelAndView refused(DomainException refusal) {
		int status = refusal.kind().status();
		int page = PAGES.contains(status) ? status : 400;
		return new ModelAndView("error/page", Map.of("status", status, "page", page, "message",
				problems.message(refusal.messageCode(), refusal.arguments())), HttpStatus.valueOf(status));
	}
}
