package dev.kervan.pipeline.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ImportedCells;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.ImportedWords;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

/**
 * Leads from a CSV or XLSX file, such as the contacts collected at a fair: columns are found by their header
 * (English, Turkish or Persian), every row goes through the same rules as a lead entered by hand, good rows are
 * kept and each refused row is reported with its number and reason.
 */
@Service
public class LeadImport {

	/** What an import did; serializable, since pages hand it over a redirect in the session. */
	@Schema(name = "LeadImportResult")
	public record Result(int imported, List<RowError> errors) implements Serializable {

		public Result {
			errors = List.copyOf(errors);
		}
	}

	@Schema(name = "LeadImportRowError")
	public record RowError(int row, String message) implements Serializable {
	}

	private static final int MAX_ROWS = 5_000;

	/** The names each field's column goes by, in English, Turkish and Persian. */
	private static final Map<String, List<String>> HEADERS = headers();

	private final Leads leads;
	private final PipelinePolicy policy;
	private final Problems messages;

	LeadImport(Leads leads, PipelinePolicy policy, Problems messages) {
		this.leads = leads;
		this.policy = policy;
		this.messages = messages;
	}

	public Result run(String filename, byte[] content) {
		policy.requireLeads();
		ImportedTable table = ImportedTable.read(filename, content, ImportedTable.Limits.DEFAULT.withRows(MAX_ROWS));
		Map<String, Integer> columns = ImportedCells.columns(table.headers(), HEADERS);
		if (!columns.containsKey("title") && !columns.containsKey("companyName") && !columns.containsKey("contactName")) {
			throw InvalidInputException.of("file", "error.lead.import-columns");
		}
		int imported = 0;
		var errors = new ArrayList<RowError>();
		for (ImportedTable.Line line : table.lines()) {
			var cells = new HashMap<String, String>();
			columns.forEach((field, column) -> {
				String value = line.cell(column).strip();
				if (!value.isEmpty()) {
					cells.put(field, value);
				}
			});
			String title = cells.getOrDefault("title", cells.getOrDefault("companyName", cells.getOrDefault("contactName", "")));
			try {
				leads.create(new NewLead(title, cells.get("contactName"), cells.get("companyName"), cells.get("email"),
						cells.get("phone"), null, cells.get("source"), cells.get("campaign"), null, null, null, null, null, null,
						cells.get("notes")));
				imported++;
			}
			catch (DomainException refusal) {
				errors.add(new RowError(line.number(), messages.describe(refusal)));
			}
		}
		return new Result(imported, errors);
	}

	/** The other names of each column: the ones imports share ({@link ImportedWords}) and the lead's own. */
	private static Map<String, List<String>> headers() {
		var headers = new LinkedHashMap<String, List<String>>();
		headers.put("title", ImportedWords.headers("title", "عنوان"));
		headers.put("contactName", ImportedWords.headers("contactName", "name", "ad", "adı", "isim", "adsoyad", "نام"));
		headers.put("companyName", ImportedWords.headers("companyName"));
		for (String shared : List.of("email", "phone", "source", "campaign", "notes")) {
			headers.put(shared, ImportedWords.headers(shared));
		}
		return headers;
	}
}
