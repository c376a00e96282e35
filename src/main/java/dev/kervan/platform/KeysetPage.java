package dev.kervan.platform;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One page of a list, answered as {@code {"items": [...], "nextCursor": "..."}}; {@code nextCursor} is
 * {@code null} on the last page.
 */
public record KeysetPage<T>(List<T> items, @Nullable String nextCursor) {

	/**
	 * Builds a page from rows fetched with {@link PageLimit#probe()}: the extra row, when present, only proves
	 * that another page exists and is not answered.
	 */
	public static <T> KeysetPage<T> of(List<T> probed, PageLimit limit, Function<T, String> cursorOf) {
		if (probed.size() <= limit.value()) {
			return new KeysetPage<>(List.copyOf(probed), null);
		}
		List<T> items = List.copyOf(probed.subList(0, limit.value()));
		return new KeysetPage<>(items, cursorOf.apply(items.getLast()));
	}

	public <R> KeysetPage<R> map(Function<T, R> mapper) {
		return new KeysetPage<>(items.stream().map(mapper).toList(), nextCursor);
	}
}
