package dev.kervan.platform;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.fontbox.cmap.CMap;
import org.apache.fontbox.cmap.CMapParser;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * Makes each glyph of a PDF copy, search and extract as the text it was drawn for. {@link ArabicShaper} draws a
 * joined letter through its presentation form (ﮐ for ک at the start of a word) and a ZWNJ through a stand-in, and
 * PDFBox writes those characters into the fonts' ToUnicode maps as it saves, so a reader would copy ﮐ, and find
 * «کالا» only if it folds forms itself. Their glyphs are mapped to the letters and the ZWNJ instead; the glyphs stay
 * in drawing order, as in any PDF with right-to-left text, and readers put them in reading order.
 * <p>
 * The lam-alef ligatures keep their one character (ﻻ). Readers disagree on the order of the letters of one glyph that
 * stands for two in a right-to-left word: PDFBox takes them in reading order, Poppler (Evince, Okular, pdftotext) in
 * drawing order, so «لا» reads backwards in one of them whichever order the map gives (and Poppler lays an
 * {@code /ActualText} out as it does the map). One character falls into its place in both, and each folds it to lam
 * and alef: PDFBox as it extracts, Poppler as it searches.
 */
final class ToUnicodeMaps {

	private static final int MAPPINGS_PER_BLOCK = 100;

	private ToUnicodeMaps() {
	}

	/** The PDF with its fonts' presentation forms mapped to letters; the same bytes when none is used. */
	static byte[] toLetters(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Set<COSBase> fonts = Collections.newSetFromMap(new IdentityHashMap<>());
			boolean changed = false;
			for (PDPage page : document.getPages()) {
				COSDictionary pageFonts = page.getResources().getCOSObject().getCOSDictionary(COSName.FONT);
				if (pageFonts == null) {
					continue;
				}
				for (COSName name : pageFonts.keySet()) {
					// Pages share their fonts: each is read once.
					if (pageFonts.getDictionaryObject(name) instanceof COSDictionary font && fonts.add(font)) {
						changed |= toLetters(document, font);
					}
				}
			}
			if (!changed) {
				return pdf;
			}
			var rewritten = new ByteArrayOutputStream(pdf.length);
			document.save(rewritten);
			return rewritten.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static boolean toLetters(PDDocument document, COSDictionary font) throws IOException {
		if (!(font.getDictionaryObject(COSName.TO_UNICODE) instanceof COSStream stream)) {
			return false;
		}
		CMap written;
		try (var map = stream.createView()) {
			written = new CMapParser().parse(map);
		}
		Map<Integer, String> texts = new TreeMap<>();
		boolean folded = false;
		// The bundled fonts are written as Type 0 fonts with two-byte codes: the glyph ids.
		for (int code = 0; code <= 0xFFFF; code++) {
			String text = written.toUnicode(code, 2);
			if (text == null) {
				continue;
			}
			int standsFor = text.codePointCount(0, text.length()) == 1 ? ArabicShaper.textOf(text.codePointAt(0)) : -1;
			if (standsFor >= 0) {
				text = Character.toString(standsFor);
				folded = true;
			}
			texts.put(code, text);
		}
		if (folded) {
			var map = new PDStream(document, new ByteArrayInputStream(toUnicodeMap(texts).getBytes(US_ASCII)),
					COSName.FLATE_DECODE);
			font.setItem(COSName.TO_UNICODE, map);
		}
		return folded;
	}

	/** A ToUnicode CMap (PDF 32000-1, 9.10.3) of two-byte codes. */
	private static String toUnicodeMap(Map<Integer, String> texts) {
		var map = new StringBuilder("""
				/CIDInit /ProcSet findresource begin
				12 dict begin
				begincmap
				/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
				/CMapName /Adobe-Identity-UCS def
				/CMapType 2 def
				1 begincodespacerange
				<0000> <FFFF>
				endcodespacerange
				""");
		var mappings = texts.entrySet().stream().toList();
		for (int first = 0; first < mappings.size(); first += MAPPINGS_PER_BLOCK) {
			var block = mappings.subList(first, Math.min(mappings.size(), first + MAPPINGS_PER_BLOCK));
			map.append(block.size()).append(" beginbfchar\n");
			for (var mapping : block) {
				map.append('<').append("%04X".formatted(mapping.getKey())).append("> <");
				mapping.getValue().chars().forEach(unit -> map.append("%04X".formatted(unit)));
				map.append(">\n");
			}
			map.append("endbfchar\n");
		}
		return map.append("""
				endcmap
				CMapName currentdict /CMap defineresource pop
				end
				end
				""").toString();
	}
}
