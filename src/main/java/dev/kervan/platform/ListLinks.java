package dev.kervan.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The addresses a list page links to, each keeping the filters the list was asked with: the first page, the next
 * page, and the list as a file. {@code templates/fragments/list.html} draws the filter bar, table, pager and export
 * menu from it.
 */
public final class ListLinks {

	private final String path;
	private final @Nullable String exportPath;
	private final Map<String, String> filters;
	private final boolean firstPage;

	private ListLinks(String path, @Nullable String exportPath, Map<String, String> filters, boolean firstPage) {
		this.path = path;
		this.exportPath = exportPath;
		this.filters = filters;
		this.firstPage = firstPage;
	}

	/** The links of the list at {@code path}, on its first page and without filters. */
	public static ListLinks to(String path) {
		return new ListLinks(path, null, new LinkedHashMap<>(), true);
	}

	/** Keeps a filter in every link; nothing, a blank text, is no filter. Enums are kept by their names. */
	public ListLinks with(String name, @Nullable Object value) {
		var copy = new LinkedHashMap<>(filters);
		String text = value instanceof Enum<?> constant ? constant.name() : value == null ? "" : value.toString();
		if (text.isBlank()) {
			copy.remove(name);
		}
		else {
			copy.put(name, text);
		}
		return new ListLinks(path, exportPath, copy, firstPage);
	}

	/** Where the list is downloaded from, with the same filters and {@code format=xlsx|csv}. */
	public ListLinks exportedAt(String exportPath) {
		return new ListLinks(path, exportPath, filters, firstPage);
	}

	/** The list was asked for at {@code cursor}; none or a blank one is its first page. */
	public ListLinks at(@Nullable String cursor) {
		return new ListLinks(path, exportPath, filters, cursor == null || cursor.isBlank());
	}

	public String path() {
		return path;
	}

	/** A filter's value as asked, for the filter bar's inputs; blank when not given. */
	public String value(String name) {
		return filters.getOrDefault(name, "");
	}

	public boolean isFirstPage() {
		return firstPage;
	}

	public String first() {
		return link(path, Map.of());
	}

	public String next(String cursor) {
		return link(path, Map.of("cursor", cursor));
	}

	public String export(String format) {
		if (exportPath == null) {
			throw new IllegalStateException("The list at " + path + " has no export");
		}
		return link(exportPath, Map.of("format", format));
	}

	private String link(String target, Map<String, String> extra) {
		var builder = UriComponentsBuilder.fromPath(target);
		filters.forEach(builder::queryParam);
		extra.forEach(builder::queryParam);
		return builder.build().encode().toUriString();
	}
}
