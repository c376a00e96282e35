package dev.kervan.platform;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kervan.support.KervanIntegrationTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PdfDocumentsIntegrationTests extends KervanIntegrationTest {

	private static final String TURKISH = "İğdır Şişe Çağrı ÖZGÜR";
	private static final String PERSIAN = "فاکتور فروش شماره ۱۲۳";

	@Autowired
	PdfDocuments documents;

	@Autowired
	Mailer mailer;

	@Test
	void writesTurkishLeftToRightWithTheBundledFontsInTheReadersNumbersAndWords() throws IOException {
		byte[] pdf = documents.render("test/pdf-sample", sample(), Languages.TURKISH);

		assertThat(pdf).startsWith("%PDF-".getBytes(US_ASCII));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(text(document)).contains(TURKISH, PERSIAN, "1.234,5", "₺1.234,50", "Sayfa 1 / 1", "Kervan")
				// A character that no bundled font has would come out as the replacement "#".
				.doesNotContain("#");
			assertThat(fonts(document)).allMatch(PDFont::isEmbedded, "embedded")
				.extracting(PDFont::getName)
				.anyMatch(name -> name.endsWith("+DejaVuSans"))
				.anyMatch(name -> name.endsWith("+DejaVuSans-Bold"))
				.anyMatch(name -> name.endsWith("+NotoSansArabic-Regular"));
			assertThat(start(document, "ÖZGÜR")).isLessThan(halfWidth(document));
			assertThat(start(document, "Item")).isLessThan(start(document, "Amount"));
			assertThat(start(document, "فروش")).as("Persian in an element whose direction follows its text")
				.isGreaterThan(halfWidth(document));
		}
	}

	@Test
	void storedTextWithControlAndDirectionCharactersNeverFailsADocument() throws IOException {
		String odd = "Zil\u0007 boş\u0000 yalnız\uD800 \u202Egnp.exe\u202C ters\uFFFE \u2066ayrık\u2069 son";
		var model = Map.<String, Object>of("turkish", odd, "persian", "\u202Eفاکتور\u0007", "amount", BigDecimal.ONE);
		assertThat(documents.xhtml("test/pdf-sample", model, Languages.TURKISH)).contains("\u0007");

		for (var language : List.of(Languages.TURKISH, Languages.PERSIAN)) {
			byte[] pdf = documents.render("test/pdf-sample", model, language);
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(text(document)).contains("Zil boş yalnız gnp.exe ters ayrık son", "فاکتور")
					.doesNotContain("\u0007", "\u202E", "\u2066", "#");
			}
		}
	}

	@Test
	void writesPersianRightToLeft() throws IOException {
		assertThat(documents.xhtml("test/pdf-sample", sample(), Languages.PERSIAN)).contains("lang=\"fa\" dir=\"rtl\"");

		byte[] pdf = documents.render("test/pdf-sample", sample(), Languages.PERSIAN);

		assertThat(pdf).startsWith("%PDF-".getBytes(US_ASCII));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(text(document)).contains(PERSIAN, TURKISH, "۱٬۲۳۴٫۵", "صفحه 1 / 1").doesNotContain("#");
			assertThat(fonts(document)).allMatch(PDFont::isEmbedded, "embedded")
				.extracting(PDFont::getName)
				.anyMatch(name -> name.endsWith("+NotoSansArabic-Regular"))
				.anyMatch(name -> name.endsWith("+DejaVuSans-Bold"));
			assertThat(start(document, "ÖZGÜR")).as("lines start at the right").isGreaterThan(halfWidth(document));
			assertThat(start(document, "Item")).as("the first column is on the right")
				.isGreaterThan(start(document, "Amount"));
			assertThat(start(document, "فروش")).isGreaterThan(halfWidth(document));
		}
	}

	@Test
	void persianTextExtractsAsWrittenInReadingOrder() throws IOException {
		List<String> lines = persianLines();
		byte[] pdf = documents.render("test/pdf-lines", Map.of("lines", lines), Languages.PERSIAN);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			var stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			String text = stripper.getText(document);
			List<String> expected = new ArrayList<>(List.of("Kervan"));
			expected.addAll(lines);
			expected.add("صفحه 1 / 1");
			assertThat(text.lines().map(line -> line.strip().replaceAll("\\s+", " ")).filter(line -> !line.isEmpty()))
				.containsExactlyElementsOf(expected);
			assertThat(text.codePoints().filter(PdfDocumentsIntegrationTests::isPresentationForm).toArray())
				.as("presentation forms in the text").isEmpty();
			// Each glyph reads as its letter, not only after PDFBox folds the text: a reader that copies the
			// glyphs' text as it is (Poppler, a viewer's search) finds the words. The lam-alef ligature keeps its
			// one character, which every reader puts in its place and folds to lam and alef.
			assertThat(glyphs(document)).extracting(TextPosition::getUnicode)
				.filteredOn(glyph -> glyph.codePoints().anyMatch(PdfDocumentsIntegrationTests::isPresentationForm))
				.containsOnly("\uFEFB", "\uFEFC"); // لا alone and joined to the letter before it
		}
	}

	@Test
	void everyPersianLetterIsDrawnJoinedToTheLettersBesideIt() throws IOException {
		byte[] pdf = documents.render("test/pdf-lines", Map.of("lines", persianLines()), Languages.PERSIAN);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			// The glyph ids drawn for each letter: one alone, one at the start of a word, one inside, one at the end.
			Map<String, Set<Integer>> glyphIds = new HashMap<>();
			for (TextPosition glyph : glyphs(document)) {
				if (glyph.getFont().getName().endsWith("+NotoSansArabic-Regular")) {
					glyphIds.computeIfAbsent(glyph.getUnicode(), letter -> new HashSet<>()).add(glyph.getCharacterCodes()[0]);
				}
			}
			ArabicShaperTests.DUAL_JOINING.codePoints().mapToObj(Character::toString).forEach(letter ->
					assertThat(glyphIds.get(letter)).as("the glyphs of %s", letter).hasSize(4));
			ArabicShaperTests.RIGHT_JOINING.codePoints().mapToObj(Character::toString).forEach(letter ->
					assertThat(glyphIds.get(letter)).as("the glyphs of %s", letter).hasSize(2));
		}
	}

	@Test
	void turkishFiAndFlAreDrawnAsTwoLetters() throws IOException {
		var lines = List.of("Fiyat listesi: fiyat, fıstık, flüt, ofis, afiş");
		byte[] pdf = documents.render("test/pdf-lines", Map.of("lines", lines), Languages.TURKISH);

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains(lines.getFirst());
			// PDFBox folds a ligature's text back to "fi" as it extracts; the glyphs themselves show the ligature.
			assertThat(glyphs(document)).extracting(TextPosition::getUnicode).doesNotContain("\uFB01", "\uFB02")
				.containsSubsequence("f", "i", "y", "a", "t");
		}
	}

	@Test
	void mailsADocumentAsAnAttachment() throws Exception {
		String address = "pdf-" + UUID.randomUUID() + "@example.com";
		byte[] pdf = documents.render("test/pdf-sample", sample(), Languages.TURKISH);

		mailer.send(address, "Fatura " + TURKISH, "Faturanız ektedir.",
				List.of(new MailAttachment("Fatura-Çağrı-123.pdf", "application/pdf", pdf)));

		List<MimeMessage> mails = mailsTo(address);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.getFirst();
		assertThat(mail.getSubject()).isEqualTo("Fatura " + TURKISH);
		assertThat(mail.isMimeType("multipart/mixed")).as(mail.getContentType()).isTrue();
		var parts = (MimeMultipart) mail.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		Part text = parts.getBodyPart(0);
		assertThat(text.isMimeType("text/plain")).isTrue();
		assertThat(text.getContentType()).containsIgnoringCase("charset=UTF-8");
		assertThat(text.getContent()).isEqualTo("Faturanız ektedir.");
		Part attachment = parts.getBodyPart(1);
		assertThat(attachment.isMimeType("application/pdf")).as(attachment.getContentType()).isTrue();
		assertThat(attachment.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
		assertThat(MimeUtility.decodeText(attachment.getFileName())).isEqualTo("Fatura-Çağrı-123.pdf");
		try (InputStream content = attachment.getInputStream()) {
			assertThat(content.readAllBytes()).isEqualTo(pdf);
		}
	}

	@Test
	void mailsPlainTextWithoutAttachmentsAsBefore() throws Exception {
		String address = "plain-" + UUID.randomUUID() + "@example.com";

		mailer.send(address, "Hatırlatma", "Çağrı yarın.");

		MimeMessage mail = mailsTo(address).getFirst();
		assertThat(mail.isMimeType("text/plain")).as(mail.getContentType()).isTrue();
		assertThat(mail.getContent()).isEqualTo("Çağrı yarın.");
	}

	/**
	 * Persian as it is stored: words with lam-alef and the non-joiner, a Latin name inside, Persian digits, and each
	 * letter alone and at the start, inside and at the end of a word (ببب), or after a letter it joins (با).
	 */
	private static List<String> persianLines() {
		List<String> lines = new ArrayList<>(List.of(
				"فهرست قیمت کالاها پس از اصلاح برای مشتری‌ها",
				"کاتالوگ ماشین ظرفشویی Trakya İnşaat تاریخ ارسال",
				"شماره ۱۲۳۴۵۶۷۸۹۰ ژاله گچپژ مؤسسه"));
		var letters = new StringBuilder();
		ArabicShaperTests.DUAL_JOINING.codePoints().mapToObj(Character::toString)
			.forEach(letter -> letters.append(letter).append(' ').append(letter.repeat(3)).append(' '));
		ArabicShaperTests.RIGHT_JOINING.codePoints().mapToObj(Character::toString)
			.forEach(letter -> letters.append(letter).append(" ب").append(letter).append(' '));
		String[] tokens = letters.toString().strip().split(" ");
		for (int i = 0; i < tokens.length; i += 8) {
			lines.add(String.join(" ", Arrays.copyOfRange(tokens, i, Math.min(tokens.length, i + 8))));
		}
		return lines;
	}

	/** Every glyph drawn, with the text its font maps it to. */
	private static List<TextPosition> glyphs(PDDocument document) throws IOException {
		List<TextPosition> glyphs = new ArrayList<>();
		var stripper = new PDFTextStripper() {
			@Override
			protected void processTextPosition(TextPosition glyph) {
				glyphs.add(glyph);
				super.processTextPosition(glyph);
			}
		};
		stripper.getText(document);
		return glyphs;
	}

	private static boolean isPresentationForm(int c) {
		return c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF;
	}

	private static Map<String, Object> sample() {
		return Map.of("turkish", TURKISH, "persian", PERSIAN, "amount", new BigDecimal("1234.5"));
	}

	/** The text in reading order. */
	private static String text(PDDocument document) throws IOException {
		var stripper = new PDFTextStripper();
		// In the order of the page, not of drawing: the page number is drawn before the count it precedes.
		stripper.setSortByPosition(true);
		return stripper.getText(document);
	}

	/** The fonts the pages use; an embedded subset is named like {@code ABCDEF+DejaVuSans}. */
	private static List<PDFont> fonts(PDDocument document) throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getFontNames()) {
				fonts.add(page.getResources().getFont(name));
			}
		}
		return fonts;
	}

	/** How far from the page's left edge the first run of text with the word starts. */
	private static float start(PDDocument document, String word) throws IOException {
		float[] start = { -1 };
		var stripper = new PDFTextStripper() {
			@Override
			protected void writeString(String text, List<TextPosition> positions) throws IOException {
				if (start[0] < 0 && text.contains(word)) {
					start[0] = positions.stream().map(TextPosition::getXDirAdj).min(Float::compare).orElseThrow();
				}
				super.writeString(text, positions);
			}
		};
		stripper.setSortByPosition(true);
		stripper.getText(document);
		assertThat(start[0]).as("text with " + word).isNotNegative();
		return start[0];
	}

	private static float halfWidth(PDDocument document) {
		return document.getPage(0).getMediaBox().getWidth() / 2;
	}
}
