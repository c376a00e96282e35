package dev.kervan.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import de.siegmar.fastcsv.reader.FieldModifier;
import org.jspecify.annotations.Nullable;

/**
 * A spreadsheet a person uploads (CSV or XLSX) read as a header and rows of text. CSV files may be UTF-8 (with
 * or without a byte-order mark) or, as older Turkish Excel saves them, Windows-1254, and may use commas or
 * semicolons. Rows are numbered as the person sees them in their spreadsheet: the header is row 1.
 * <p>
 * A file is read within {@link Limits}, checked while it is read: a file past one is refused as soon as that is
 * known, before the rest of it is unpacked or kept, so that no file can fill the memory (an XLSX is a zip: a
 * megabyte can unpack to gigabytes).
 */
public record ImportedTable(List<String> headers, List<ImportedTable.Line> lines) {

	/** One data row with its row number in the file. */
	public record Line(int number, List<String> cells) {

		public String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}
	}

	/**
	 * How much a file may hold: data rows (the header not counted), columns, cells (every row's cells up to its last
	 * one), characters in a cell and, for XLSX, bytes once unpacked.
	 */
	public record Limits(int rows, int columns, int cells, int cellLength, long unpackedBytes) {

		/**
		 * Enough for the largest import Kervan promises (100,000 accounts with every column an export writes); a
		 * cell as long as Excel allows.
		 */
		public static final Limits DEFAULT = new Limits(100_000, 1_000, 5_000_000, 32_767, 200L * 1024 * 1024);

		public Limits withRows(int maximum) {
			return new Limits(maximum, columns, cells, cellLength, unpackedBytes);
		}
	}

	private static final Charset TURKISH_WINDOWS = Charset.forName("windows-1254");

	public static ImportedTable read(String filename, byte[] content) {
		return read(filename, content, Limits.DEFAULT);
	}

	public static ImportedTable read(String filename, byte[] content, Limits limits) {
		TextHygiene.codeProblem(filename).ifPresent(problem -> {
			throw InvalidInputException.of("file", problem);
		});
		String name = filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return xlsx(content, limits);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return csv(content, limits);
		}
		throw InvalidInputException.of("file", "error.import.file-type");
	}

	private static ImportedTable csv(byte[] content, Limits limits) {
		String text = decode(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char separator = count(firstLine, ';') > count(firstLine, ',') ? ';'
				: count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
		var rows = new Rows(limits);
		// The text is in memory already; a field as long as the whole file is refused by the check below, by name.
		int longest = Math.max(1, text.length());
		var handler = CsvRecordHandler.builder()
			.maxFields(limits.columns() + 2)
			.maxFieldSize(longest)
			.maxRecordSize(longest)
			.fieldModifier(new CheckedField(limits))
			.build();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
			.build(handler, text)) {
			for (CsvRecord record : reader) {
				rows.add((int) record.getStartingLineNumber(), record.getFields());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			throw refusalIn(e);
		}
		return rows.table();
	}

	private static ImportedTable xlsx(byte[] content, Limits limits) {
		var rows = new Rows(limits);
		try {
			XlsxSheet.read(content, limits, rows::add);
		}
		catch (IOException | RuntimeException | javax.xml.stream.XMLStreamException e) {
			throw refusalIn(e);
		}
		return rows.table();
	}

	/** The refusal behind a failure to read, or "unreadable" when the file is simply no spreadsheet. */
	private static InvalidInputException refusalIn(Exception failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidInputException refusal) {
				return refusal;
			}
		}
		return InvalidInputException.of("file", "error.import.unreadable");
	}

	/** Collects rows as they are read and refuses the file at the first limit it passes. */
	private static final class Rows {

		private final Limits limits;
		private @Nullable List<String> headers;
		private final List<Line> lines = new ArrayList<>();
		private long cells;

		Rows(Limits limits) {
			this.limits = limits;
		}

		void add(int number, List<String> row) {
			List<String> stripped = row.stream().map(String::strip).toList();
			boolean empty = stripped.stream().allMatch(String::isEmpty);
			if (headers != null && empty) {
				return;
			}
			cells += stripped.size();
			if (cells > limits.cells()) {
				throw InvalidInputException.of("file", "error.import.too-many-cells", limits.cells());
			}
			if (headers == null) {
				headers = stripped;
			}
			else if (lines.size() == limits.rows()) {
				throw InvalidInputException.of("file", "error.import.too-many-rows", limits.rows());
			}
			else {
				lines.add(new Line(number, stripped));
			}
		}

		ImportedTable table() {
			if (headers == null || headers.stream().allMatch(String::isEmpty)) {
				throw InvalidInputException.of("file", "error.import.no-header");
			}
			return new ImportedTable(headers, List.copyOf(lines));
		}
	}

	/** Refuses a CSV row with too many columns or a cell too long, field by field as they are read. */
	private static final class CheckedField implements FieldModifier {

		private final Limits limits;

		CheckedField(Limits limits) {
			this.limits = limits;
		}

		@Override
		public String modify(long startingLineNumber, int fieldIdx, boolean quoted, String field) {
			if (fieldIdx >= limits.columns()) {
				throw InvalidInputException.of("file", "error.import.too-many-columns", limits.columns());
			}
			if (field.length() > limits.cellLength()) {
				throw InvalidInputException.of("file", "error.import.cell-too-long", limits.cellLength(), startingLineNumber);
			}
			// One empty text for every empty cell: a file of commas must not cost an object per comma.
			return field.isEmpty() ? "" : field;
		}
	}

	private static String decode(byte[] content) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			return new String(content, TURKISH_WINDOWS);
		}
	}

	private static int count(String text, char c) {
		return (int) text.chars().filter(ch -> ch == c).count();
	}
}
