package dev.kervan.pipeline.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Problems;
import dev.kervan.platform.SearchText;
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

	/** Header words, folded, that name each field. */
	private static final Map<String, String> HEADERS = headers();

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
		var columns = new HashMap<String, Integer>();
		for (int i = 0; i < table.headers().size(); i++) {
			String field = HEADERS.get(SearchText.fold(table.headers().get(i)).replace(" ", ""));
			if (field != null) {
				columns.putIfAbsent(field, i);
			}
		}
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

	private static Map<String, String> headers() {
		var headers = new HashMap<String, String>();
		for (String[] names : new String[][] {
				{ "title", "title", "baslik", "عنوان", "konu" },
				{ "contactName", "contactname", "contact", "name", "ad", "adsoyad", "kisi", "نام", "شخص" },
				{ "companyName", "companyname", "company", "sirket", "firma", "شرکت" },
				{ "email", "email", "e-mail", "eposta", "e-posta", "ایمیل" },
				{ "phone", "phone", "telefon", "tel", "تلفن" },
				{ "source", "source", "kaynak", "منبع" },
				{ "campaign", "campaign", "kampanya", "کمپین" },
				{ "notes", "notes", "not", "notlar", "یادداشت" } }) {
			for (int i = 1; i < names.length; i++) {
				headers.put(SearchText.fold(names[i]).replace(" ", "").toLowerCase(Locale.ROOT), names[0]);
			}
		}
		return Map.copyOf(headers);
	}
}
