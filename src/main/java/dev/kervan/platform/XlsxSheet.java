package dev.kervan.platform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * The first sheet of an XLSX file, read row by row within an import's {@link ImportedTable.Limits}. An XLSX is a zip
 * of XML parts, and both can be made to explode: a part that unpacks a thousandfold, a cell, attribute or comment of
 * a gigabyte, elements nested a million deep. So every byte is counted as it is unpacked, no part may unpack to more
 * than a hundred times its packed size, markup (a tag, a comment) is refused past a length before the XML parser
 * keeps it, text is taken in the parser's chunks and refused once a cell passes its length, and nesting is limited.
 * Nothing is unpacked that the sheet does not need.
 */
final class XlsxSheet {

	/** Receives each row: its number as the spreadsheet shows it and its cells, empty ones included. */
	interface Rows {
		void add(int number, List<String> cells);
	}

	/** An XLSX holds a dozen parts, a few hundred with pictures and charts. */
	private static final int MAX_PARTS = 1_000;

	/** Spreadsheet XML packs about ten to one; a part that unpacks a hundredfold is made to explode. */
	private static final int MAX_RATIO = 100;

	/** Small parts may pack better than that (a sheet of one repeated value); their size is harmless anyway. */
	private static final long RATIO_GRACE_BYTES = 1024 * 1024;

	/** A spreadsheet nests a handful of elements deep; each level costs the parser memory. */
	private static final int MAX_DEPTH = 64;

	private static final Set<String> WORKBOOK_TYPES = Set.of(
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
			"application/vnd.ms-excel.sheet.macroEnabled.main+xml");

	private static final String SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";

	private final ZipFile zip;
	private final ImportedTable.Limits limits;
	private final XMLInputFactory xml = xmlInputFactory();
	private long unpacked;

	private XlsxSheet(ZipFile zip, ImportedTable.Limits limits) {
		this.zip = zip;
		this.limits = limits;
	}

	/** Reads the first sheet of the file's bytes into {@code rows}; throws the refusal of the first limit passed. */
	static void read(byte[] content, ImportedTable.Limits limits, Rows rows) throws IOException, XMLStreamException {
		// The JDK reads a zip's directory without making an object of every entry, but only from a file.
		Path file = Files.createTempFile("kervan-import-", ".xlsx");
		try {
			Files.write(file, content);
			try (var zip = new ZipFile(file.toFile())) {
				if (zip.size() > MAX_PARTS) {
					throw refusal("error.import.too-many-parts", MAX_PARTS);
				}
				new XlsxSheet(zip, limits).readFirstSheet(rows);
			}
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void readFirstSheet(Rows rows) throws IOException, XMLStreamException {
		String workbook = "/xl/workbook.xml";
		String sharedStrings = null;
		try (Part types = open("[Content_Types].xml")) {
			XMLStreamReader reader = types.reader();
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Override")) {
					String type = reader.getAttributeValue(null, "ContentType");
					String name = reader.getAttributeValue(null, "PartName");
					if (WORKBOOK_TYPES.contains(type)) {
						workbook = name;
					}
					else if (SHARED_STRINGS_TYPE.equals(type)) {
						sharedStrings = name;
					}
				}
			}
		}
		String sheetId = firstSheetId(workbook);
		String relationships = workbook.substring(0, workbook.lastIndexOf('/') + 1) + "_rels/"
				+ workbook.substring(workbook.lastIndexOf('/') + 1) + ".rels";
		String sheet = null;
		try (Part part = open(relationships)) {
			XMLStreamReader reader = part.reader();
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("Relationship")) {
					String target = resolve(workbook, reader.getAttributeValue(null, "Target"));
					String type = String.valueOf(reader.getAttributeValue(null, "Type"));
					if (sheetId.equals(reader.getAttributeValue(null, "Id"))) {
						sheet = target;
					}
					else if (sharedStrings == null && type.endsWith("/sharedStrings")) {
						sharedStrings = target;
					}
				}
			}
		}
		if (sheet == null) {
			throw new IOException("The workbook names no part for its first sheet");
		}
		List<String> shared = sharedStrings == null || entry(sharedStrings) == null ? List.of() : sharedStrings(sharedStrings);
		readSheet(sheet, shared, rows);
	}

	private String firstSheetId(String workbook) throws IOException, XMLStreamException {
		try (Part part = open(workbook)) {
			XMLStreamReader reader = part.reader();
			while (reader.hasNext()) {
				if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals("sheet")) {
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						// r:id, in the transitional or the strict relationships namespace
						if (reader.getAttributeLocalName(i).equals("id") && !reader.getAttributeNamespace(i).isEmpty()) {
							return reader.getAttributeValue(i);
						}
					}
				}
			}
		}
		throw new IOException("The workbook has no sheet");
	}

	/** The texts cells refer to by number: each {@code <si>}'s runs, without the phonetic guides. */
	private List<String> sharedStrings(String partName) throws IOException, XMLStreamException {
		var strings = new ArrayList<String>();
		var text = new StringBuilder();
		try (Part part = open(partName)) {
			XMLStreamReader reader = part.reader();
			boolean inText = false;
			int phonetic = 0;
			while (reader.hasNext()) {
				switch (reader.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						switch (reader.getLocalName()) {
							case "si" -> text.setLength(0);
							case "rPh" -> phonetic++;
							case "t" -> inText = phonetic == 0;
							default -> {
							}
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (inText) {
							if (text.length() + reader.getTextLength() > limits.cellLength()) {
								throw refusal("error.import.text-too-long", limits.cellLength());
							}
							text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						switch (reader.getLocalName()) {
							case "t" -> inText = false;
							case "rPh" -> phonetic--;
							case "si" -> {
								if (strings.size() == limits.cells()) {
									throw refusal("error.import.too-many-cells", limits.cells());
								}
								strings.add(text.isEmpty() ? "" : text.toString());
							}
							default -> {
							}
						}
					}
					default -> {
					}
				}
			}
		}
		return strings;
	}

	private void readSheet(String partName, List<String> shared, Rows rows) throws IOException, XMLStreamException {
		try (Part part = open(partName)) {
			XMLStreamReader reader = part.reader();
			var value = new StringBuilder();
			List<String> cells = null;
			int row = 0;
			int nextColumn = 0;
			int column = 0;
			String type = null;
			boolean inValue = false;
			boolean inInline = false;
			boolean inText = false;
			int phonetic = 0;
			while (reader.hasNext()) {
				switch (reader.next()) {
					case XMLStreamConstants.START_ELEMENT -> {
						switch (reader.getLocalName()) {
							case "row" -> {
								String number = reader.getAttributeValue(null, "r");
								row = number == null ? row + 1 : Integer.parseInt(number.strip());
								cells = new ArrayList<>();
								nextColumn = 0;
							}
							case "c" -> {
								column = column(reader.getAttributeValue(null, "r"), nextColumn);
								nextColumn = column + 1;
								type = reader.getAttributeValue(null, "t");
								value.setLength(0);
							}
							case "v" -> inValue = true;
							case "is" -> inInline = true;
							case "rPh" -> phonetic++;
							case "t" -> inText = inInline && phonetic == 0;
							default -> {
							}
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
						if (inValue || inText) {
							if (value.length() + reader.getTextLength() > limits.cellLength()) {
								throw refusal("error.import.cell-too-long", limits.cellLength(), row);
							}
							value.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
						}
					}
					case XMLStreamConstants.END_ELEMENT -> {
						switch (reader.getLocalName()) {
							case "v" -> inValue = false;
							case "t" -> inText = false;
							case "rPh" -> phonetic--;
							case "is" -> inInline = false;
							case "c" -> {
								if (cells != null) {
									put(cells, column, valueOf(type, value.toString(), shared));
								}
							}
							case "row" -> {
								if (cells != null) {
									rows.add(row, cells);
								}
								cells = null;
							}
							case "sheetData" -> {
								return;
							}
							default -> {
							}
						}
					}
					default -> {
					}
				}
			}
		}
	}

	/** The column of a cell reference such as {@code AB12} (0 for A), or the next one when it has none. */
	private int column(@Nullable String reference, int next) {
		if (reference == null) {
			return checked(next);
		}
		int column = 0;
		for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
			column = column * 26 + (Character.toUpperCase(reference.charAt(i)) - 'A' + 1);
			checked(column - 1);
		}
		return column == 0 ? checked(next) : column - 1;
	}

	private int checked(int column) {
		if (column >= limits.columns()) {
			throw refusal("error.import.too-many-columns", limits.columns());
		}
		return column;
	}

	private static void put(List<String> cells, int column, String value) {
		while (cells.size() < column) {
			cells.add("");
		}
		if (column < cells.size()) {
			cells.set(column, value);
		}
		else {
			cells.add(value);
		}
	}

	/** A cell's text by its type: shared, inline or formula text, a boolean, or a number written out plainly. */
	private static String valueOf(@Nullable String type, String raw, List<String> shared) {
		String text = raw.strip();
		if (text.isEmpty()) {
			return "";
		}
		return switch (type == null ? "n" : type) {
			case "s" -> {
				int index = Integer.parseInt(text);
				if (index < 0 || index >= shared.size()) {
					throw new IllegalStateException("A cell refers to shared text " + index + " of " + shared.size());
				}
				yield shared.get(index);
			}
			case "b" -> text.equals("1") ? "true" : text.equals("0") ? "false" : text;
			case "n" -> number(text);
			default -> text;
		};
	}

	private static String number(String text) {
		try {
			BigDecimal number = new BigDecimal(text);
			// 1E999999999 is a valid number; written out it would be a billion digits.
			if (Math.abs((long) number.scale()) > 400) {
				return text;
			}
			return number.stripTrailingZeros().scale() <= 0 ? number.toBigInteger().toString() : number.toPlainString();
		}
		catch (NumberFormatException e) {
			return text;
		}
	}

	private @Nullable ZipEntry entry(String partName) {
		String name = partName.startsWith("/") ? partName.substring(1) : partName;
		ZipEntry entry = zip.getEntry(name);
		if (entry != null) {
			return entry;
		}
		// Part names are case-insensitive.
		return zip.stream().filter(e -> e.getName().equalsIgnoreCase(name)).findFirst().orElse(null);
	}

	private Part open(String partName) throws IOException, XMLStreamException {
		ZipEntry entry = entry(partName);
		if (entry == null) {
			throw new IOException("The file has no part " + partName);
		}
		InputStream in = new MarkupLimit(new Unpacked(zip.getInputStream(entry), entry.getCompressedSize()),
				limits.cellLength());
		try {
			return new Part(in, xml.createXMLStreamReader(in));
		}
		catch (XMLStreamException | RuntimeException e) {
			in.close();
			throw e;
		}
	}

	/** A part being read: closing it closes the parser and the unpacking. */
	private record Part(InputStream in, XMLStreamReader reader) implements AutoCloseable {

		@Override
		public void close() throws IOException {
			try {
				reader.close();
			}
			catch (XMLStreamException e) {
				throw new IOException(e);
			}
			finally {
				in.close();
			}
		}
	}

	/** A target of a relationship as a part name: relative to the workbook's folder unless it starts with a slash. */
	private static String resolve(String workbook, @Nullable String target) {
		if (target == null) {
			return "";
		}
		String path = target.startsWith("/") ? target : workbook.substring(0, workbook.lastIndexOf('/') + 1) + target;
		var segments = new ArrayList<String>();
		for (String segment : path.split("/")) {
			if (segment.equals("..")) {
				if (!segments.isEmpty()) {
					segments.removeLast();
				}
			}
			else if (!segment.isEmpty() && !segment.equals(".")) {
				segments.add(segment);
			}
		}
		return "/" + String.join("/", segments);
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, false);
		factory.setProperty("jdk.xml.maxElementDepth", MAX_DEPTH);
		return factory;
	}

	private static InvalidInputException refusal(String messageCode, Object... arguments) {
		return InvalidInputException.of("file", messageCode, arguments);
	}

	/** Counts the bytes of a part as they are unpacked, against the file's budget and the part's packed size. */
	private final class Unpacked extends FilterInputStream {

		private final long packedSize;
		private long read;

		Unpacked(InputStream in, long packedSize) {
			super(in);
			this.packedSize = Math.max(1, packedSize);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count(skipped);
			return skipped;
		}

		private void count(long bytes) {
			read += bytes;
			unpacked += bytes;
			if (unpacked > limits.unpackedBytes()) {
				throw refusal("error.import.unpacked-too-large", limits.unpackedBytes() / (1024 * 1024));
			}
			if (read > RATIO_GRACE_BYTES && read > MAX_RATIO * packedSize) {
				throw refusal("error.import.packed-too-tightly", MAX_RATIO);
			}
		}
	}

	/**
	 * Refuses XML whose tag, comment, CDATA section or processing instruction runs longer than a limit, as the bytes
	 * pass: the parser keeps each of these whole before it hands it on, whereas it hands text on in chunks. Reads
	 * UTF-8 (and anything ASCII-compatible) byte by byte, UTF-16 by its byte-order mark.
	 */
	static final class MarkupLimit extends FilterInputStream {

		private enum State {
			TEXT, OPENED, TAG, QUOTED, DECLARATION, COMMENT, CDATA, INSTRUCTION
		}

		private enum ByteOrder {
			UNKNOWN, SINGLE, LITTLE_ENDIAN, BIG_ENDIAN
		}

		private final int cellLength;
		private final long limit;
		private State state = State.TEXT;
		private ByteOrder order = ByteOrder.UNKNOWN;
		private int first = -1;
		private int pending = -1;
		private int quote;
		private int previous;
		private int beforePrevious;
		private long length;

		/** Markup may be as long as a cell in CDATA, written in the longest UTF-8, and some. */
		MarkupLimit(InputStream in, int cellLength) {
			super(in);
			this.cellLength = cellLength;
			this.limit = 4L * cellLength + 4096;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				feed(b);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			for (int i = 0; i < n; i++) {
				feed(buffer[offset + i] & 0xFF);
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			// Every byte must pass the checks.
			return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
		}

		private void feed(int b) {
			switch (order) {
				case UNKNOWN -> {
					if (first < 0) {
						first = b;
						return;
					}
					if (first == 0xFF && b == 0xFE) {
						order = ByteOrder.LITTLE_ENDIAN;
						return;
					}
					if (first == 0xFE && b == 0xFF) {
						order = ByteOrder.BIG_ENDIAN;
						return;
					}
					order = ByteOrder.SINGLE;
					unit(first);
					unit(b);
				}
				case SINGLE -> unit(b);
				case LITTLE_ENDIAN, BIG_ENDIAN -> {
					if (pending < 0) {
						pending = b;
						return;
					}
					unit(order == ByteOrder.LITTLE_ENDIAN ? (b << 8) | pending : (pending << 8) | b);
					pending = -1;
				}
			}
		}

		private void unit(int c) {
			state = switch (state) {
				case TEXT -> c == '<' ? State.OPENED : State.TEXT;
				case OPENED -> c == '!' ? State.DECLARATION : c == '?' ? State.INSTRUCTION : inTag(c);
				case DECLARATION -> c == '-' ? State.COMMENT : c == '[' ? State.CDATA : inTag(c);
				case TAG -> inTag(c);
				case QUOTED -> c == quote ? State.TAG : State.QUOTED;
				case COMMENT -> c == '>' && previous == '-' && beforePrevious == '-' ? State.TEXT : State.COMMENT;
				case CDATA -> c == '>' && previous == ']' && beforePrevious == ']' ? State.TEXT : State.CDATA;
				case INSTRUCTION -> c == '>' && previous == '?' ? State.TEXT : State.INSTRUCTION;
			};
			beforePrevious = previous;
			previous = c;
			length = state == State.TEXT ? 0 : length + 1;
			if (length > limit) {
				throw refusal("error.import.text-too-long", cellLength);
			}
		}

		private State inTag(int c) {
			if (c == '"' || c == '\'') {
				quote = c;
				return State.QUOTED;
			}
			return c == '>' ? State.TEXT : State.TAG;
		}
	}
}
