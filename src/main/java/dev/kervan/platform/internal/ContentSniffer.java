package dev.kervan.platform.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Tells what a file is from its first bytes, because the name and the type a browser claims are only hints.
 * Only documents and images a CRM needs pass; programs, archives of unknown content and anything a browser
 * could run as a page (HTML, SVG) do not.
 */
public final class ContentSniffer {

	private static final Map<String, String> ZIP_DOCUMENTS = Map.of(
			"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
			"odt", "application/vnd.oasis.opendocument.text",
			"ods", "application/vnd.oasis.opendocument.spreadsheet",
			"zip", "application/zip");

	private static final Map<String, String> OLE_DOCUMENTS = Map.of("doc", "application/msword", "xls",
			"application/vnd.ms-excel", "ppt", "application/vnd.ms-powerpoint");

	private static final Set<String> ALIASES_OF_JPEG = Set.of("image/jpg", "image/pjpeg");

	private ContentSniffer() {
	}

	/** Every content type {@link #detect} answers: the kinds of file Kervan stores and hands back. */
	public static List<String> storedTypes() {
		var types = new TreeSet<>(Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
				"text/csv", "text/plain"));
		types.addAll(ZIP_DOCUMENTS.values());
		types.addAll(OLE_DOCUMENTS.values());
		return List.copyOf(types);
	}

	/** The content type of the file, or empty when it is not a kind Kervan stores. */
	public static Optional<String> detect(byte[] content, String filename) {
		String extension = extension(filename);
		if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of("application/pdf");
		}
		if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return Optional.of("image/png");
		}
		if (startsWith(content, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of("image/gif");
		}
		if (content.length >= 12 && startsWith(content, "RIFF".getBytes(StandardCharsets.US_ASCII))
				&& new String(content, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
			return Optional.of("image/webp");
		}
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
			return Optional.ofNullable(ZIP_DOCUMENTS.get(extension));
		}
		if (startsWith(content, new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 })) {
			return Optional.ofNullable(OLE_DOCUMENTS.get(extension));
		}
		if (isPlainText(content)) {
			return Optional.of(extension.equals("csv") ? "text/csv" : "text/plain");
		}
		return Optional.empty();
	}

	/** Whether the type a client declared agrees with the detected one. */
	public static boolean agrees(@Nullable String declared, String detected) {
		if (declared == null || declared.isBlank()) {
			return true;
		}
		String type = declared.toLowerCase(Locale.ROOT).split(";")[0].trim();
		if (type.equals("application/octet-stream") || type.equals(detected)) {
			return true;
		}
		if (type.startsWith("text/") && detected.startsWith("text/")) {
			return true;
		}
		if (detected.equals("text/csv") && type.equals("application/vnd.ms-excel")) {
			return true; // what browsers on Windows claim for CSV files
		}
		if (type.equals("application/zip") || type.equals("application/x-zip-compressed")) {
			return ZIP_DOCUMENTS.containsValue(detected);
		}
		return detected.equals("image/jpeg") && ALIASES_OF_JPEG.contains(type);
	}

	private static boolean isPlainText(byte[] content) {
		if (content.length == 0) {
			return false;
		}
		byte[] head = Arrays.copyOf(content, Math.min(content.length, 8192));
		for (byte b : head) {
			if (b == 0) {
				return false;
			}
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			return false;
		}
		String start = text.stripLeading().toLowerCase(Locale.ROOT);
		// Markup a browser would render or run is not "plain text", whatever its name says.
		return !(start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<svg")
				|| start.startsWith("<script") || start.startsWith("<?xml") || start.contains("<script"));
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

	private static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}
}
