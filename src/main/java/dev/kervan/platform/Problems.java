package dev.kervan.platform;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the API's error answers: {@code application/problem+json} (RFC 9457) with a translated {@code title}
 * and {@code detail}, the message {@code code} for programs, and {@code errors: [{field, message}]} when input
 * was invalid. Controllers get them through the API's exception handler; filters write them with
 * {@link #write}.
 */
@Component
public class Problems {

	private final MessageSource messages;
	private final JsonMapper json;

	Problems(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	public ProblemDetail of(int status, String messageCode, Object... arguments) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), message(messageCode, arguments));
		problem.setTitle(messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(),
				LocaleContextHolder.getLocale()));
		problem.setProperty("code", messageCode);
		return problem;
	}

	public ProblemDetail of(DomainException exception) {
		ProblemDetail problem = of(exception.kind().status(), exception.messageCode(), exception.arguments());
		exception.properties().forEach(problem::setProperty);
		if (!exception.violations().isEmpty()) {
			withErrors(problem, exception.violations()
				.stream()
				.map(v -> new FieldMessage(v.field(), message(v.messageCode(), v.arguments())))
				.toList());
		}
		return problem;
	}

	public ProblemDetail withErrors(ProblemDetail problem, List<FieldMessage> errors) {
		problem.setProperty("errors", errors);
		return problem;
	}

	/** Writes a problem as the whole response, for code that runs outside controllers. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}

	/** A message in the current request's language. */
	public String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	/** A refusal as one line of text in the current language, each invalid field named: for pages and reports. */
	public String describe(DomainException refusal) {
		var text = new StringBuilder(message(refusal.messageCode(), refusal.arguments()));
		refusal.violations().forEach(v -> text.append(' ').append(v.field()).append(": ")
			.append(message(v.messageCode(), v.arguments())));
		return text.toString();
	}

	/** One invalid field in {@code errors}. */
	public record FieldMessage(String field, String message) {
	}
}
