package dev.kervan.pipeline.internal;

import dev.kervan.platform.Checks;
import org.jspecify.annotations.Nullable;

/** What a person leaves on the public "contact us" form: a name and an email address are required. */
public record WebFormLead(@Nullable String name, @Nullable String company, @Nullable String email,
		@Nullable String phone, @Nullable String message) {

	/** The same, cleaned and checked: the phone number in international form (for Turkey unless it says otherwise). */
	public WebFormLead checked() {
		var checks = new Checks();
		String checkedName = checks.required("name", checks.name("name", name, 200));
		String checkedCompany = checks.name("company", company, 200);
		String checkedEmail = checks.required("email", checks.email("email", email));
		String e164 = checks.phone("phone", phone, "TR");
		String checkedMessage = checks.freeText("message", message, 4000);
		checks.throwIfInvalid();
		return new WebFormLead(checkedName, checkedCompany, checkedEmail, e164, checkedMessage);
	}
}
