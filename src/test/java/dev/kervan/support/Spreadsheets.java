package dev.kervan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * Hand-made XLSX files for the tests, down to the bytes of their parts: spreadsheets a program would never write,
 * such as a zip bomb whose single cell unpacks to a gigabyte from a megabyte.
 */
public final class Spreadsheets {

	/** Packing a gigabyte takes seconds: each bomb is made once for all the tests. */
	private static final Map<String, byte[]> BOMBS = new java.util.concurrent.ConcurrentHashMap<>();

	private Spreadsheets() {
	}

	/** A one-sheet XLSX whose rows are written as inline strings; the first row is the header. */
	public static byte[] xlsx(List<List<String>> rows) {
		var sheet = new StringBuilder("<sheetData>");
		for (int r = 0; r < rows.size(); r++) {
			sheet.append("<row r=\"").append(r + 1).append("\">");
			for (String cell : rows.get(r)) {
				sheet.append("<c t=\"inlineStr\"><is><t>").append(escape(cell)).append("</t></is></c>");
			}
			sheet.append("</row>");
		}
		sheet.append("</sheetData>");
		return xlsx(sheet.toString(), null);
	}

	/**
	 * A zip bomb: a header row, then one row whose only cell is an inline string of {@code bytes} letters; a
	 * gigabyte packs into about a megabyte.
	 */
	public static byte[] inlineStringBomb(List<String> header, long bytes) {
		return BOMBS.computeIfAbsent("inline " + header + " " + bytes, key -> zip(parts(null, false),
				Map.of("xl/worksheets/sheet1.xml", new Filler(WORKSHEET + "<sheetData>" + headerRow(header)
						+ "<row r=\"2\"><c t=\"inlineStr\"><is><t>", bytes, "</t></is></c></row></sheetData></worksheet>"))))
			.clone();
	}

	/** A zip bomb in the shared strings: the second row's cell refers to one shared string of {@code bytes} letters. */
	public static byte[] sharedStringBomb(List<String> header, long bytes) {
		return BOMBS.computeIfAbsent("shared " + header + " " + bytes, key -> zip(
				parts("<sheetData>" + headerRow(header) + "<row r=\"2\"><c t=\"s\"><v>0</v></c></row></sheetData>", true),
				Map.of("xl/sharedStrings.xml", new Filler("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN
						+ "\"><si><t>", bytes, "</t></si></sst>")))).clone();
	}

	/** An XLSX whose sheet's {@code <sheetData>} is given as XML, with shared strings if not {@code null}. */
	public static byte[] xlsx(String sheetData, @Nullable String sharedStrings) {
		var parts = parts(sheetData, sharedStrings != null);
		if (sharedStrings != null) {
			parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">"
					+ sharedStrings + "</sst>");
		}
		return zip(parts, Map.of());
	}

	private static String headerRow(List<String> header) {
		var row = new StringBuilder("<row r=\"1\">");
		header.forEach(h -> row.append("<c t=\"inlineStr\"><is><t>").append(escape(h)).append("</t></is></c>"));
		return row.append("</row>").toString();
	}

	private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	private static final String WORKSHEET = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\">";

	private static Map<String, String> parts(@Nullable String sheetData, boolean sharedStrings) {
		var parts = new LinkedHashMap<String, String>();
		parts.put("[Content_Types].xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
				<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
				<Default Extension="xml" ContentType="application/xml"/>
				<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
				<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
				""" + (sharedStrings ? "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
				+ "</Types>");
		parts.put("_rels/.rels", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
				</Relationships>""");
		parts.put("xl/workbook.xml", """
				<?xml version="1.0" encoding="UTF-8"?>
				<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
				<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
		parts.put("xl/_rels/workbook.xml.rels", """
				<?xml version="1.0" encoding="UTF-8"?>
				<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
				<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
				<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
				</Relationships>""");
		if (sheetData != null) {
			parts.put("xl/worksheets/sheet1.xml", WORKSHEET + sheetData + "</worksheet>");
		}
		return parts;
	}

	/** A part written as a prefix, a number of the same letter, and a suffix; streamed, never held whole. */
	private record Filler(String prefix, long bytes, String suffix) {

		void writeTo(OutputStream out) throws IOException {
			out.write(prefix.getBytes(StandardCharsets.UTF_8));
			byte[] chunk = new byte[1 << 16];
			Arrays.fill(chunk, (byte) 'x');
			for (long left = bytes; left > 0; left -= chunk.length) {
				out.write(chunk, 0, (int) Math.min(chunk.length, left));
			}
			out.write(suffix.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static byte[] zip(Map<String, String> parts, Map<String, Filler> fillers) {
		var bytes = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			for (var part : parts.entrySet()) {
				zip.putNextEntry(new ZipEntry(part.getKey()));
				zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			for (var filler : fillers.entrySet()) {
				zip.putNextEntry(new ZipEntry(filler.getKey()));
				filler.getValue().writeTo(zip);
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}
}
