package dev.kervan.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A spreadsheet a person uploads (CSV or XLSX) read as a header and rows of text. CSV files may be UTF-8 (with
 * or without a byte-order mark) or, as older Turkish Excel saves them, Windows-1254, and may use commas or
 * semicolons. Rows are numbered as the person sees them in their spreadsheet: the header is row 1.
 */
public record ImportedTable(List<String> headers, List<ImportedTable.Line> lines) {

	/** One data row with its row number in the file. */
	public record Line(int number, List<String> cells) {

		public String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}
	}

	private static final Charset TURKISH_WINDOWS = Charset.forName("windows-1254");

	public static ImportedTable read(String filename, byte[] content) {
		String name = filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			return xlsx(content);
		}
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return csv(content);
		}
		throw InvalidInputException.of("file", "error.import.file-type");
	}

	private static ImportedTable csv(byte[] content) {
		String text = decode(content);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char separator = count(firstLine, ';') > count(firstLine, ',') ? ';'
				: count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
		List<String> headers = null;
		var lines = new ArrayList<Line>();
		try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator).skipEmptyLines(true)
			.ofCsvRecord(new StringReader(text))) {
			for (CsvRecord record : reader) {
				List<String> cells = record.getFields().stream().map(String::strip).toList();
				if (headers == null) {
					headers = cells;
				}
				else if (!cells.stream().allMatch(String::isEmpty)) {
					lines.add(new Line((int) record.getStartingLineNumber(), cells));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			throw InvalidInputException.of("file", "error.import.unreadable");
		}
		if (headers == null || headers.stream().allMatch(String::isEmpty)) {
			throw InvalidInputException.of("file", "error.import.no-header");
		}
		return new ImportedTable(headers, lines);
	}

	private static ImportedTable xlsx(byte[] content) {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getFirstSheet();
			List<String> headers = null;
			var lines = new ArrayList<Line>();
			for (Row row : sheet.read()) {
				var cells = new ArrayList<String>();
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(text(row.getCell(i)));
				}
				if (headers == null) {
					headers = cells;
				}
				else if (!cells.stream().allMatch(String::isEmpty)) {
					lines.add(new Line(row.getRowNum(), cells));
				}
			}
			if (headers == null || headers.stream().allMatch(String::isEmpty)) {
				throw InvalidInputException.of("file", "error.import.no-header");
			}
			return new ImportedTable(headers, lines);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of("file", "error.import.unreadable");
		}
	}

	private static String text(Cell cell) {
		if (cell == null || cell.getValue() == null) {
			return "";
		}
		return switch (cell.getType()) {
			case NUMBER -> {
				BigDecimal number = cell.asNumber();
				yield number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
			}
			case BOOLEAN -> String.valueOf(cell.asBoolean());
			default -> cell.getText().strip();
		};
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
