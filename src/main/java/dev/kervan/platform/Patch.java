package dev.kervan.platform;

import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One field of a change (a PATCH), as the client sent it: not at all (the field keeps its value), as {@code null}
 * (the field is cleared) or with a value. Change records declare their fields as {@code Patch<T>}; JSON binds a
 * missing property to {@link #absent()} and {@code null} to {@link #cleared()}, and the API document shows the field
 * as an optional, nullable {@code T}.
 */
public final class Patch<T> {

	private static final Patch<?> ABSENT = new Patch<>(false, null);
	private static final Patch<?> CLEARED = new Patch<>(true, null);

	private final boolean given;
	private final @Nullable T value;

	private Patch(boolean given, @Nullable T value) {
		this.given = given;
		this.value = value;
	}

	@SuppressWarnings("unchecked")
	public static <T> Patch<T> absent() {
		return (Patch<T>) ABSENT;
	}

	@SuppressWarnings("unchecked")
	public static <T> Patch<T> cleared() {
		return (Patch<T>) CLEARED;
	}

	/** A field sent with a value; {@code null} means sent as {@code null}. */
	public static <T> Patch<T> of(@Nullable T value) {
		return value == null ? cleared() : new Patch<>(true, value);
	}

	/** A field of a new record, as a change of the defaults: absent when not given. */
	public static <T> Patch<T> unlessNull(@Nullable T value) {
		return value == null ? absent() : of(value);
	}

	/** Whether the field was sent at all, as a value or as {@code null}. */
	public boolean isGiven() {
		return given;
	}

	/** The value sent; {@code null} when absent or cleared. */
	public @Nullable T value() {
		return value;
	}

	/** The field's value after the change: the current one when absent, else what was sent. */
	public @Nullable T applyTo(@Nullable T current) {
		return given ? value : current;
	}

	/** The same change with its value converted (an absent or cleared field stays so). */
	public <R> Patch<R> map(Function<? super T, ? extends @Nullable R> conversion) {
		return value == null ? (given ? cleared() : absent()) : of(conversion.apply(value));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Patch<?> patch && given == patch.given && Objects.equals(value, patch.value);
	}

	@Override
	public int hashCode() {
		return Objects.hash(given, value);
	}

	@Override
	public String toString() {
		return !given ? "absent" : value == null ? "cleared" : "set " + value;
	}
}
