package dev.kervan.identity.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import dev.kervan.identity.Role;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.Forms;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Option;
import org.springframework.stereotype.Component;

/** The choices of the user forms (languages in their own names, calendars and roles in the reader's language). */
@Component
class UserFormOptions {

	private final Forms forms;

	UserFormOptions(Forms forms) {
		this.forms = forms;
	}

	public List<Option> languages() {
		return Languages.SUPPORTED.stream().map(language -> new Option(language.getLanguage(), nativeName(language))).toList();
	}

	public List<Option> calendars() {
		return forms.options(DisplayCalendar.values(), "calendar.");
	}

	public List<Option> roles() {
		return forms.options(Role.values(), "role.");
	}

	/** The filter of the user list: active or inactive accounts. */
	public List<Option> statuses() {
		return Stream.of("active", "inactive").map(status -> new Option(status, forms.message("user.status." + status))).toList();
	}

	private static String nativeName(Locale language) {
		String name = language.getDisplayLanguage(language);
		return name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}
}
