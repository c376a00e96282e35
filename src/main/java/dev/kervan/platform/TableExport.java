package dev.kervan.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Writes a list as a spreadsheet (XLSX) or CSV, row by row, so that exporting a long list needs no more memory
 * than a short one. CSV is UTF-8 with a byte-order mark (so Excel shows Turkish and Persian letters right) and
 * defuses cells that a spreadsheet would run as formulas.
 */
public final class TableExport {

	/** The two formats every list exports to. */
	public enum Format {
		XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"), CSV("text/csv", "csv");

		private final String contentType;
		private final String extension;

		Format(String contentType, String extension) {
			this.contentType = contentType;
			this.extension = extension;
		}

		public String contentType() {
			return contentType;
		}

		public String extension() {
			return extension;
		}

		/** The format named by a request parameter; XLSX when none is named. */
		public static Format of(@Nullable String name) {
			if (name == null || name.isBlank()) {
				return XLSX;
			}
			return switch (name.strip().toLowerCase(Locale.ROOT)) {
				case "xlsx" -> XLSX;
				case "csv" -> CSV;
				default -> throw InvalidInputException.of("format", "error.export.format", name);
			};
		}
	}

	/** Receives the rows of an export, one call per row, in column order. */
	public interface Rows {
		void add(List<?> cells);
	}

	private TableExport() {
	}

	/** Makes the answer a download of the file {@code baseName.xlsx} (or {@code .csv}), before anything is written. */
	public static void startDownload(jakarta.servlet.http.HttpServletResponse response, Format format, String baseName) {
		response.setContentType(format.contentType());
		response.setHeader(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition
			.attachment()
			.filename(baseName + "." + format.extension(), StandardCharsets.UTF_8)
			.build()
			.toString());
	}

	public static void write(Format format, OutputStream out, String sheetName, List<String> headers,
			Consumer<Rows> rows) {
		try {
			if (format == Format.XLSX) {
				xlsx(out, sheetName, headers, rows);
			}
			else {
				csv(out, headers, rows);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void xlsx(OutputStream out, String sheetName, List<String> headers, Consumer<Rows> rows)
			throws IOException {
		var workbook = new Workbook(out, "Kervan", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
		for (int column = 0; column < headers.size(); column++) {
			sheet.value(0, column, headers.get(column));
			sheet.style(0, column).bold().set();
		}
		int[] row = { 1 };
		rows.accept(cells -> {
			for (int column = 0; column < cells.size(); column++) {
				Object cell = cells.get(column);
				switch (cell) {
					case null -> {
					}
					case Number number -> sheet.value(row[0], column, number);
					case Boolean bool -> sheet.value(row[0], column, bool);
					case LocalDate date -> {
						sheet.value(row[0], column, date);
						sheet.style(row[0], column).format("yyyy-mm-dd").set();
					}
					case Instant instant -> sheet.value(row[0], column, instant.toString());
					default -> sheet.value(row[0], column, cell.toString());
				}
			}
			row[0]++;
		});
		workbook.finish();
	}

	private static void csv(OutputStream out, List<String> headers, Consumer<Rows> rows) throws IOException {
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writeCsvLine(writer, headers);
		rows.accept(cells -> {
			try {
				writeCsvLine(writer, cells);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
		writer.flush();
	}

	private static void writeCsvLine(Writer writer, List<?> cells) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(csvCell(cells.get(i)));
		}
		writer.write("\r\n");
	}

	private static String csvCell(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
		if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			text = "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
