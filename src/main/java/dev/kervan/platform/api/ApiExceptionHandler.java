package dev.kervan.platform.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.kervan.platform.Dates;
import dev.kervan.platform.Commands;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Problems;
import dev.kervan.platform.Problems.FieldMessage;
import dev.kervan.platform.TextHygiene;
import dev.kervan.platform.TooManyRequestsException;
import dev.kervan.platform.VersionConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of a JSON endpoint into problem+json: bad input is a 4xx naming what was wrong and never
 * a 500; an unexpected failure is a 500 that names an incident id to find in the log, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);


	private final Problems problems;
	private final MessageSource messages;

	ApiExceptionHandler(Problems problems, MessageSource messages) {
		this.problems = problems;
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<Object> domain(DomainException exception) {
		var response = ResponseEntity.status(exception.kind().status());
		if (exception instanceof TooManyRequestsException throttled) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, throttled.retryAfter().toSeconds())));
		}
		if (exception instanceof VersionConflictException conflict) {
			response.eTag(ExpectedVersion.etag(conflict.currentVersion()));
		}
		return response.body(problems.of(exception));
	}

	@ExceptionHandler
	ResponseEntity<Object> accessDenied(AccessDeniedException exception) {
		return ResponseEntity.status(403).body(problems.of(403, "error.forbidden"));
	}

	@ExceptionHandler
	ResponseEntity<Object> unauthenticated(AuthenticationException exception) {
		return ResponseEntity.status(401).body(problems.of(401, "error.unauthenticated"));
	}

	@ExceptionHandler
	ResponseEntity<Object> staleWrite(OptimisticLockingFailureException exception) {
		return ResponseEntity.status(409).body(problems.of(409, "error.concurrent-change"));
	}

	/** Two writes waited on each other and the database ended one: nothing of it was kept, it may be sent again. */
	@ExceptionHandler
	ResponseEntity<Object> deadlock(org.springframework.dao.PessimisticLockingFailureException exception) {
		return ResponseEntity.status(409).body(problems.of(409, "error.concurrent-change"));
	}

	@ExceptionHandler
	ResponseEntity<Object> integrity(DataIntegrityViolationException exception) {
		// The database's message may quote the refused values; keep them out of the log below debug level.
		log.debug("Refused a write that broke a database constraint: {}", exception.getMostSpecificCause().getMessage());
		if (TextHygiene.isUnstorable(exception.getMostSpecificCause())) {
			// A NUL that no text rule caught (a query parameter, say): the request is at fault, not the data.
			return ResponseEntity.status(400).body(problems.of(400, TextHygiene.CONTROL_CHARACTER));
		}
		return ResponseEntity.status(409).body(problems.of(409, "error.integrity"));
	}

	/** The database went away during the request: nothing was kept, and it may be sent again once it is back. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			CannotCreateTransactionException.class })
	ResponseEntity<Object> databaseUnavailable(Exception exception) {
		log.warn("The database did not answer: {}", exception.getMessage());
		return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "5").body(problems.of(503, "error.database-unavailable"));
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception exception) {
		String incident = UUID.randomUUID().toString();
		log.error("Unexpected failure, incident {}", incident, exception);
		ProblemDetail problem = problems.of(500, "error.internal", incident);
		problem.setProperty("incident", incident);
		return ResponseEntity.status(500).body(problem);
	}

	/** The framework's own refusals (malformed JSON, wrong method, media type…), reworded in our terms. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = switch (exception) {
			case BindException invalid -> problems.withErrors(problems.of(400, "error.validation"),
					invalid.getFieldErrors()
						.stream()
						.map(e -> new FieldMessage(e.getField(), messages.getMessage(e, LocaleContextHolder.getLocale())))
						.toList());
			case HandlerMethodValidationException invalid -> problems.withErrors(problems.of(400, "error.validation"),
					invalid.getParameterValidationResults()
						.stream()
						.flatMap(result -> result.getResolvableErrors()
							.stream()
							.map(e -> new FieldMessage(result.getMethodParameter().getParameterName() + "",
									messages.getMessage(e, LocaleContextHolder.getLocale()))))
						.toList());
			case HttpMessageNotReadableException unreadable -> unreadable(unreadable);
			case TypeMismatchException mismatch -> problems.withErrors(problems.of(400, "error.validation"),
					List.of(new FieldMessage(String.valueOf(mismatch.getPropertyName()), mismatched(mismatch))));
			case MissingServletRequestParameterException missing -> problems.withErrors(problems.of(400, "error.validation"),
					List.of(new FieldMessage(missing.getParameterName(), problems.message("error.value.required"))));
			case MissingRequestHeaderException missing -> problems.withErrors(problems.of(400, "error.validation"),
					List.of(new FieldMessage(missing.getHeaderName(), problems.message("error.value.required"))));
			case MissingServletRequestPartException missing -> problems.withErrors(problems.of(400, "error.validation"),
					List.of(new FieldMessage(missing.getRequestPartName(), problems.message("error.value.required"))));
			case ServletRequestBindingException binding -> problems.of(400, "error.bad-request");
			case HttpRequestMethodNotSupportedException method -> problems.of(405, "error.method-not-allowed", method.getMethod());
			case HttpMediaTypeNotSupportedException media -> problems.of(415, "error.media-type", String.valueOf(media.getContentType()));
			case HttpMediaTypeNotAcceptableException media -> problems.of(406, "error.not-acceptable");
			case MaxUploadSizeExceededException tooLarge -> problems.of(413, "error.too-large");
			case MultipartException multipart -> problems.of(400, "error.bad-request");
			case NoResourceFoundException notFound -> problems.of(404, "error.not-found.path", notFound.getResourcePath());
			default -> problems.of(status.value(), status.is4xxClientError() ? "error.bad-request" : "error.internal", "");
		};
		return new ResponseEntity<>(problem, headers, status);
	}

	private ProblemDetail unreadable(HttpMessageNotReadableException exception) {
		Throwable cause = exception.getMostSpecificCause();
		boolean badValue = cause instanceof InputCoercionException
				|| cause instanceof DatabindException && !(cause instanceof StreamReadException);
		if (badValue) {
			JacksonException value = (JacksonException) cause;
			if (value.getPath().isEmpty()) {
				return problems.of(400, "error.body-shape");
			}
			FieldViolation violation = Commands.violation(value);
			return problems.withErrors(problems.of(400, "error.validation"), List.of(new FieldMessage(violation.field(),
					problems.message(violation.messageCode(), violation.arguments()))));
		}
		if (exception.getCause() == null && exception.getMessage() != null
				&& exception.getMessage().startsWith("Required request body is missing")) {
			return problems.of(400, "error.body-missing");
		}
		return problems.of(400, "error.malformed-body");
	}

	/** Why a parameter could not be converted: a date names the accepted range, anything else echoes the value. */
	private String mismatched(TypeMismatchException mismatch) {
		return mismatch.getRequiredType() == LocalDate.class ? problems.message(Dates.OUT_OF_RANGE, Dates.range())
				: problems.message("error.value.invalid", String.valueOf(mismatch.getValue()));
	}

}
