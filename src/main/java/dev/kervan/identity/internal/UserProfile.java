package dev.kervan.identity.internal;

import java.util.Locale;

import dev.kervan.platform.DisplayCalendar;
import org.jspecify.annotations.Nullable;

/** The descriptive data of a user, checked by {@link UserRules}. */
record UserProfile(String username, String displayName, @Nullable String email, Locale language,
		DisplayCalendar calendar) {
}
