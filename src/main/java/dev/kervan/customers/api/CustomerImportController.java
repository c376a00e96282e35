package dev.kervan.customers.api;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.kervan.customers.internal.CustomerImport;
import dev.kervan.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/customers/import")
@Tag(name = "Customers")
class CustomerImportController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String TABLE_FILE = "A CSV (UTF-8, comma or semicolon separated) or XLSX file with a "
			+ "header row.";

	private final CustomerImport imports;

	CustomerImportController(CustomerImport imports) {
		this.imports = imports;
	}

	record Started(UUID id, String status) {
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import accounts from a CSV or XLSX file (multipart field 'file')",
			description = "Answers 202 with the job to poll. Optional part 'mapping': a JSON object of account field "
					+ "to column header; without it columns are matched by their headers. Rows matching an account by "
					+ "externalRef or tax number (same country) update it in the cells they fill: an empty cell leaves the "
					+ "stored value alone, a filled name renames the account. Headers and values may be English, "
					+ "Turkish or Persian; city, district, address, region and postalCode fill the contact address.")
	@ApiResponse(responseCode = "202", description = "Started; Location names the job to poll.", useReturnTypeSchema = true)
	ResponseEntity<Started> start(
			@Parameter(description = TABLE_FILE) @RequestPart("file") MultipartFile file,
			@Parameter(description = "A JSON object of account field to column header, such as {\"name\": \"Firma\"}.") @RequestPart(name = "mapping", required = false) @Nullable String mapping) throws IOException {
		UUID id = imports.start(String.valueOf(file.getOriginalFilename()), file.getBytes(), mapping(mapping));
		return ResponseEntity.accepted().location(URI.create("/api/v1/customers/import/" + id)).body(new Started(id, "RUNNING"));
	}

	@PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "The file's columns, a suggested mapping, its first rows and what importing it would do",
			description = "Changes nothing. With the mapping given (or guessed), counts and lists the accounts the "
					+ "import would add (toCreate), the accounts it would change with each field's value before and "
					+ "after in words (toChange), and the rows it would refuse with their reasons (refused); each list "
					+ "holds at most 100 rows, the counts all of them.")
	CustomerImport.Preview preview(
			@Parameter(description = TABLE_FILE) @RequestPart("file") MultipartFile file,
			@Parameter(description = "As for the import: a JSON object of account field to column header.") @RequestPart(name = "mapping", required = false) @Nullable String mapping) throws IOException {
		return imports.preview(String.valueOf(file.getOriginalFilename()), file.getBytes(), mapping(mapping));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An import's progress: status RUNNING, DONE or FAILED, counts and refused rows")
	CustomerImport.Job status(@PathVariable UUID id) {
		return imports.status(id);
	}

	private static Map<String, String> mapping(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Map.of();
		}
		Map<String, String> mapping;
		try {
			mapping = JSON.readValue(text, new TypeReference<Map<String, String>>() {
			});
		}
		catch (JacksonException e) {
			throw InvalidInputException.of("mapping", "error.value.invalid-type");
		}
		if (mapping == null) {
			return Map.of();
		}
		if (mapping.values().stream().anyMatch(java.util.Objects::isNull)) {
			throw InvalidInputException.of("mapping", "error.value.invalid-type");
		}
		return mapping;
	}
}
