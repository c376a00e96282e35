package dev.kervan.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.kervan.identity.Role;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.TextHygiene;
import org.jspecify.annotations.Nullable;

/**
 * The field rules of a user, shared by the pages and the API so both refuse the same things the same way.
 */
final class UserRules {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

	private UserRules() {
	}

	static List<FieldViolation> checkProfile(UserProfile profile) {
		var violations = new ArrayList<FieldViolation>();
		if (!USERNAME.matcher(profile.username()).matches()) {
			violations.add(new FieldViolation("username", "error.user.username-format"));
		}
		checkDescription(profile.displayName(), profile.email(), violations);
		return violations;
	}

	static void checkDescription(String displayName, @Nullable String email, List<FieldViolation> violations) {
		if (displayName.isBlank()) {
			violations.add(new FieldViolation("displayName", "error.value.required"));
		}
		else if (displayName.length() > 200) {
			violations.add(new FieldViolation("displayName", "error.value.too-long", 200));
		}
		else {
			TextHygiene.nameProblem(displayName).ifPresent(problem -> violations.add(new FieldViolation("displayName", problem)));
		}
		if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			violations.add(new FieldViolation("email", "error.user.email-format"));
		}
		else if (email != null) {
			TextHygiene.codeProblem(email).ifPresent(problem -> violations.add(new FieldViolation("email", problem)));
		}
	}

	static List<FieldViolation> checkRoles(Set<Role> roles) {
		if (roles.isEmpty()) {
			return List.of(new FieldViolation("roles", "error.user.roles-required"));
		}
		if (roles.contains(Role.PORTAL) && roles.size() > 1) {
			return List.of(new FieldViolation("roles", "error.user.portal-exclusive"));
		}
		return List.of();
	}

	/** Usernames are kept in lower case, trimmed. */
	static String normalizeUsername(@Nullable String username) {
		return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** A blank email means none. */
	static @Nullable String normalizeEmail(@Nullable String email) {
		return email == null || email.isBlank() ? null : email.strip();
	}
}
