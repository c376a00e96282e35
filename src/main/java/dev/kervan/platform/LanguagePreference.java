package dev.kervan.platform;

import java.util.Locale;

/**
 * Remembers the language a logged-in person chose with {@code ?lang=}, so it follows them to their next
 * session. Implemented by the module that owns users.
 */
public interface LanguagePreference {

	void remember(Actor actor, Locale language);
}
