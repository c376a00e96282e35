package dev.kervan.identity.internal;

import java.util.Map;

import dev.kervan.platform.FieldReading;
import dev.kervan.platform.HistoryDescriber;
import org.springframework.stereotype.Component;

/** How a user reads in their history: the fields of {@link UserAccount#auditSnapshot()}, and a new password said so. */
@Component
class UserHistory implements HistoryDescriber {

	private static final Map<String, FieldReading> FIELDS = FieldReading.labelled("field.user.")
		.yesNo("active").said("history.user.active")
		.hidden("password").said("history.user.password")
		.text("username")
		.text("displayName")
		.text("email")
		.choices("roles", "role.")
		.language("language")
		.choice("calendar", "calendar.")
		.build();

	@Override
	public String recordType() {
		return UserAdministration.RECORD_TYPE;
	}

	@Override
	public Map<String, FieldReading> fields() {
		return FIELDS;
	}
}
