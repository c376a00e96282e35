package dev.kervan.platform;

import java.net.URI;

import org.springframework.http.ResponseEntity;

/** The answer to a POST that made a record: 201, with the record and its address in {@code Location}. */
public final class Created {

	private Created() {
	}

	/** 201 with the record made, at {@code collection/id} ({@code /api/v1/warehouses/7}). */
	public static <T> ResponseEntity<T> at(String collection, Object id, T record) {
		String separator = collection.endsWith("/") ? "" : "/";
		return ResponseEntity.created(URI.create(collection + separator + id)).body(record);
	}
}
