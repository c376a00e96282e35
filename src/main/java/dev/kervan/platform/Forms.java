package dev.kervan.platform;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Shows a refusal on the form that caused it: each invalid field gets its message beside it, anything else
 * (a conflict, a rule about the whole record) a message above the form.
 */
public final class Forms {

	private Forms() {
	}

	public static void reject(DomainException refusal, BindingResult form) {
		var target = form.getTarget() == null ? null : new BeanWrapperImpl(form.getTarget());
		if (refusal.violations().isEmpty()) {
			form.reject(refusal.messageCode(), refusal.arguments(), refusal.messageCode());
			return;
		}
		for (FieldViolation violation : refusal.violations()) {
			if (target != null && target.isReadableProperty(violation.field())) {
				form.rejectValue(violation.field(), violation.messageCode(), violation.arguments(), violation.messageCode());
			}
			else {
				form.reject(violation.messageCode(), violation.arguments(), violation.messageCode());
			}
		}
	}
}
