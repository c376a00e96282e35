package dev.kervan.platform;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.view.FragmentsRendering;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page refuses a form. A form the person can correct is shown again with each message beside its
 * field ({@code templates/fragments/fields.html}) and the rest above the form, answered 422 for invalid input and
 * 409 when the record changed meanwhile or a rule about its state refused; anything else (403, 404, 429) is no
 * matter of the form and goes on to the friendly error page. Small forms on a record's page go back to it instead
 * (post-redirect-get) and say there what happened. An action a page sends with htmx (a card dropped on the board)
 * answers in place, the refusal's text included.
 */
@Component
public class Forms {

	/** The flash attribute with the text of a change that went through. */
	public static final String MESSAGE = "message";

	/** The flash attribute with the text of a change that was refused. */
	public static final String PROBLEM = "problem";

	/** Labels for a form whose refusals need no field names: its only field is the file it sends. */
	public static final String WITHOUT_NAMES = "";

	private final MessageSource messages;

	Forms(MessageSource messages) {
		this.messages = messages;
	}

	/** The status a page answers a refusal with: the one place where a page decides it. */
	public static HttpStatus status(DomainException refusal) {
		return switch (refusal.kind()) {
			case INVALID, UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CONFLICT, PRECONDITION_FAILED, PRECONDITION_REQUIRED -> HttpStatus.CONFLICT;
			default -> HttpStatus.valueOf(refusal.kind().status());
		};
	}

	/** Whether the person can answer the refusal on the form: invalid input, or a conflict with the record. */
	public static boolean belongsOnForm(DomainException refusal) {
		HttpStatus status = status(refusal);
		return status == HttpStatus.UNPROCESSABLE_CONTENT || status == HttpStatus.CONFLICT;
	}

	/**
	 * Runs a form's change and answers where it leads (a redirect); when refused, puts the refusal on the form
	 * (model attribute {@code form}), sets the status and answers the form again.
	 */
	public String submit(FormState form, Model model, Supplier<String> change, Supplier<String> formAgain) {
		try {
			return change.get();
		}
		catch (DomainException refusal) {
			if (!belongsOnForm(refusal)) {
				throw refusal;
			}
			model.addAttribute("form", form.reject(refusal, messages));
			currentResponse().setStatus(status(refusal).value());
			return formAgain.get();
		}
	}

	/**
	 * Runs the change of a small form on a record's page and goes back to {@code back}, saying there that it went
	 * through ({@code done}, a message code, in {@link #MESSAGE}) or why not (in {@link #PROBLEM}). A refusal that
	 * does not belong on a form goes on to the error page, as with {@link #submit}.
	 */
	public String andBack(String back, RedirectAttributes redirect, @Nullable String done, Runnable change) {
		return andBack(back, redirect, done, null, change);
	}

	/**
	 * As {@link #andBack(String, RedirectAttributes, String, Runnable)}, naming refused fields by their labels: the
	 * message under {@code labels} + the field's name (a field without one is not named: its internal name would mean
	 * nothing to the reader); {@link #WITHOUT_NAMES} for a form of one field (a file).
	 */
	public String andBack(String back, RedirectAttributes redirect, @Nullable String done, @Nullable String labels,
			Runnable change) {
		try {
			change.run();
			if (done != null) {
				redirect.addFlashAttribute(MESSAGE, message(done));
			}
		}
		catch (DomainException refusal) {
			if (!belongsOnForm(refusal)) {
				throw refusal;
			}
			redirect.addFlashAttribute(PROBLEM, describe(refusal, labels));
		}
		return "redirect:" + back;
	}

	/**
	 * Runs an action a page sends with htmx and answers the fragments it changed; when refused, answers what
	 * {@code refused} builds from the refusal's text (the page stays, so every refusal is said there, 403 and 404
	 * too), with the status {@link #status} chooses.
	 */
	public FragmentsRendering inPlace(Supplier<FragmentsRendering> action,
			Function<String, FragmentsRendering.Builder> refused) {
		try {
			return action.get();
		}
		catch (DomainException refusal) {
			return refused.apply(reason(refusal)).status(status(refusal)).build();
		}
	}

	/**
	 * A form with nothing typed and nothing refused, for a small form on a record's page that posts back with
	 * {@link #andBack} and draws its fields with {@code fragments/fields.html} (a picker):
	 * {@code th:with="form=${@forms.blank()}"}.
	 */
	public FormState blank() {
		return FormState.empty();
	}

	/** The constants of an enum as the choices of a drop-down, each labelled by the message {@code prefix} + its name. */
	public List<Option> options(Enum<?>[] values, String prefix) {
		return Arrays.stream(values).map(value -> new Option(value.name(), message(prefix + value.name()))).toList();
	}

	/**
	 * A refusal as one line of text in the reader's language: its message, then each refused field with its
	 * label ({@code labels} + the field's name, when the bundle has it) or its name.
	 */
	public String describe(DomainException refusal, @Nullable String labels) {
		if (WITHOUT_NAMES.equals(labels)) {
			return reason(refusal);
		}
		var text = new StringBuilder(message(refusal.messageCode(), refusal.arguments()));
		for (FieldViolation violation : refusal.violations()) {
			// A field's internal name means nothing to the reader: without a label the message stands alone.
			String label = labels == null ? null
					: messages.getMessage(labels + violation.field(), null, null, LocaleContextHolder.getLocale());
			text.append(' ').append(label == null ? "" : label + ": ").append(message(violation.messageCode(), violation.arguments()));
		}
		return text.toString();
	}

	/** Each of a refusal's messages without the names of the fields: for a form with one field, a file. */
	public String reason(DomainException refusal) {
		if (refusal.violations().isEmpty()) {
			return message(refusal.messageCode(), refusal.arguments());
		}
		return String.join(" ", refusal.violations().stream().map(v -> message(v.messageCode(), v.arguments())).toList());
	}

	public String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	private static HttpServletResponse currentResponse() {
		var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletResponse response = attributes.getResponse();
		if (response == null) {
			throw new IllegalStateException("A form is submitted inside a web request");
		}
		return response;
	}
}
