package dev.kervan.catalog.internal;

import java.io.Serializable;
import java.util.List;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an import of products or prices did: records added, records changed, and each refused row with its number
 * in the file (the header is row 1) and the reasons. Serializable, since pages hand it over a redirect in the
 * session.
 */
public record ImportResult(int imported, int updated, List<ImportResult.RowError> errors) implements Serializable {

	public ImportResult {
		errors = List.copyOf(errors);
	}

	@Schema(name = "CatalogImportRowError")
	public record RowError(int row, String message) implements Serializable {
	}
}
