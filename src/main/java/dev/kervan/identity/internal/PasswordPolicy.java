package dev.kervan.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.kervan.platform.FieldViolation;
import org.jspecify.annotations.Nullable;

/**
 * What makes a password acceptable: long enough to resist guessing (at least 10 characters), not longer than
 * a hash function should be fed, not one of the passwords every attacker tries first, and not the user's own
 * name or email. Composition rules (a digit, a symbol…) are left out on purpose: they make passwords harder to
 * remember, not harder to guess.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;
	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = Set.of("1234567890", "0123456789", "12345678910", "1q2w3e4r5t",
			"qwertyuiop", "password123", "password1234", "passw0rd123", "iloveyou123", "qwerty1234", "abcdefghij",
			"administrator", "welcome123", "letmein123", "1111111111", "0000000000", "123123123123", "asdfghjkl1",
			"sifre12345", "sifresifre", "parola1234", "kervan1234", "kervankervan", "changeme123", "trustno1234");

	private PasswordPolicy() {
	}

	static List<FieldViolation> check(String field, @Nullable String password, String username, @Nullable String email) {
		var violations = new ArrayList<FieldViolation>();
		if (password == null || password.isEmpty()) {
			violations.add(new FieldViolation(field, "error.value.required"));
			return violations;
		}
		if (!isWellFormed(password)) {
			violations.add(new FieldViolation(field, "error.password.malformed"));
			return violations;
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			violations.add(new FieldViolation(field, "error.password.too-short", MIN_LENGTH));
		}
		else if (length > MAX_LENGTH) {
			violations.add(new FieldViolation(field, "error.password.too-long", MAX_LENGTH));
		}
		else {
			String lower = password.toLowerCase(Locale.ROOT);
			if (COMMON.contains(lower) || password.codePoints().distinct().count() < 4) {
				violations.add(new FieldViolation(field, "error.password.too-common"));
			}
			else if (lower.contains(username.toLowerCase(Locale.ROOT))
					|| (email != null && !email.isBlank() && lower.contains(email.toLowerCase(Locale.ROOT)))) {
				violations.add(new FieldViolation(field, "error.password.contains-name"));
			}
		}
		return violations;
	}

	/**
	 * Whether a password is text at all: half of a surrogate pair (which JSON's {@code "\ud83d"} can send) has no UTF-8
	 * form, so no hash, and can be no one's password.
	 */
	static boolean isWellFormed(CharSequence password) {
		for (int i = 0; i < password.length(); i++) {
			char c = password.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < password.length() && Character.isLowSurrogate(password.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}
}
