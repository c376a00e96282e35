package dev.kervan.platform.web;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TextHygiene;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
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

	private static final Set<Integer> PAGES = Set.of(400, 403, 404, 405, 413, 429, 500, 503);

	private final Problems problems;

	PageExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	/** The database went away during the request: the page says so, and nothing was kept. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	ModelAndView databaseUnavailable(Exception exception) {
		return new ModelAndView("error/page", Map.of("status", 503, "page", 503), HttpStatus.SERVICE_UNAVAILABLE);
	}

	/**
	 * A NUL that no text rule caught reached the database: the request is at fault,
	 * so the page answers 400 saying which characters text may not hold. Any other broken constraint is a fault of
	 * ours and stays a 500.
	 */
	@ExceptionHandler
	ModelAndView unstorable(DataIntegrityViolationException exception) throws DataIntegrityViolationException {
		if (TextHygiene.isUnstorable(exception.getMostSpecificCause())) {
			return new ModelAndView("error/page", Map.of("status", 400, "page", 400, "message",
					problems.message(TextHygiene.CONTROL_CHARACTER, new Object[0])), HttpStatus.BAD_REQUEST);
		}
		throw exception;
	}

	@ExceptionHandler
	ModelAndView refused(DomainException refusal) {
		int status = refusal.kind().status();
		int page = PAGES.contains(status) ? status : 400;
		return new ModelAndView("error/page", Map.of("status", status, "page", page, "message",
				problems.message(refusal.messageCode(), refusal.arguments())), HttpStatus.valueOf(status));
	}
}
