package dev.kervan.identity.internal;

import java.util.Locale;

import dev.kervan.platform.Actor;
import dev.kervan.platform.LanguagePreference;
import org.springframework.stereotype.Component;

/** The language a user picks with {@code ?lang=} becomes their own, for every later session. */
@Component
class UserLanguagePreference implements LanguagePreference {

	private final UserAdministration administration;

	UserLanguagePreference(UserAdministration administration) {
		this.administration = administration;
	}

	@Override
	public void remember(Actor actor, Locale language) {
		administration.rememberLanguage(actor.id(), language);
	}
}
