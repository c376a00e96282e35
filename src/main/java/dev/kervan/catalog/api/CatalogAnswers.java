package dev.kervan.catalog.api;

import java.util.List;
import java.util.function.Function;

import dev.kervan.platform.Created;
import dev.kervan.platform.KeysetPage;
import org.springframework.http.ResponseEntity;

/** What the catalog's operations answer alike: a whole list as one page, and a record made, at its address. */
final class CatalogAnswers {

	private CatalogAnswers() {
	}

	/** A list short enough to answer whole (units, categories, a product's parts): one page, no cursor. */
	static <T> KeysetPage<T> all(List<T> items) {
		return new KeysetPage<>(items, null);
	}

	/** 201 with the record made and its address, {@code collection/id}. */
	static <T> ResponseEntity<T> created(String collection, T record, Function<? super T, ?> id) {
		return Created.at(collection, id.apply(record), record);
	}
}
