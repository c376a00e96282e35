package dev.kervan.customers.internal;

import dev.kervan.platform.Patch;
import org.jspecify.annotations.Nullable;

/**
 * A record that creates (an account, a part) read as a change of a blank row, so that creating and changing go
 * through the same rules: a field left out or sent as {@code null} is not given, and the row keeps its default.
 */
final class CreateFields {

	private CreateFields() {
	}

	static <T> Patch<T> given(@Nullable T value) {
		return value == null ? Patch.absent() : Patch.of(value);
	}
}
