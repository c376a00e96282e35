package dev.kervan.platform;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything one page shows, built in one call by its module's page-model component in {@code internal/}
 * ({@code CustomerPageModels.account(id, tab)}), so that a page controller only reads the request, asks for the
 * model and names the template. Implemented by records: each component becomes a template variable of its name.
 */
public interface PageModel {

	/** The template's variables: the record's components by name, plus {@link #more()}. */
	default Map<String, @Nullable Object> toModel() {
		var attributes = new LinkedHashMap<String, @Nullable Object>();
		if (getClass().isRecord()) {
			for (RecordComponent component : getClass().getRecordComponents()) {
				try {
					attributes.put(component.getName(), component.getAccessor().invoke(this));
				}
				catch (ReflectiveOperationException e) {
					throw new IllegalStateException("Cannot read " + component.getName() + " of " + getClass(), e);
				}
			}
		}
		attributes.putAll(more());
		return attributes;
	}

	/** Variables whose names are not known before the page is built (one per kind of an account's parts). */
	default Map<String, @Nullable Object> more() {
		return Map.of();
	}
}
