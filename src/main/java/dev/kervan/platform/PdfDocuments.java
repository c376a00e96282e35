package dev.kervan.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;

import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.bidi.support.ICUTransformers;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Renders a document (an offer, an invoice, a delivery note) as PDF from a Thymeleaf template, in the language
 * given: the template sees the model, the messages ({@code #{…}}) and the formats ({@code ${@fmt…}}) of that
 * locale, and a Persian document runs right to left. Templates are XHTML built on the frame in
 * {@code templates/fragments/pdf.html}. The fonts come from the application (Latin and Turkish letters from
 * DejaVu Sans, Arabic script from Noto Sans Arabic), so a document looks the same on every machine, and a
 * document loads nothing from outside: no stylesheet, font or image by address. Persian letters are joined as on
 * the pages ({@link ArabicShaper}) and copy, search and extract as the letters written ({@link ToUnicodeMaps}).
 */
@Service
public class PdfDocuments {

	private static final List<BundledFont> FONTS = List.of(
			new BundledFont("DejaVuSans.ttf", "Kervan Sans", 400),
			new BundledFont("DejaVuSans-Bold.ttf", "Kervan Sans", 700),
			new BundledFont("NotoSansArabic-Regular.ttf", "Kervan Arabic", 400),
			new BundledFont("NotoSansArabic-Bold.ttf", "Kervan Arabic", 700));

	private final ITemplateEngine templates;
	private final ApplicationContext application;
	private final Map<BundledFont, byte[]> fonts = new LinkedHashMap<>();

	PdfDocuments(ITemplateEngine templates, ApplicationContext application) {
		this.templates = templates;
		this.application = application;
		// openhtmltopdf writes to the console through its own java.util.logging handler; send it to our log.
		XRLog.setLoggerImpl(new Slf4jLog());
		// Read once: every document embeds its own subset, parsed from these bytes.
		for (BundledFont font : FONTS) {
			try {
				fonts.put(font, new ClassPathResource("fonts/" + font.file()).getContentAsByteArray());
			}
			catch (IOException e) {
				throw new UncheckedIOException("A bundled font is missing: " + font.file(), e);
			}
		}
	}

	/**
	 * The PDF of a template, e.g. {@code sales/invoice-pdf}, with the model's variables, in a language.
	 *
	 * @throws org.thymeleaf.exceptions.TemplateProcessingException when the template fails
	 * @throws com.openhtmltopdf.util.XRRuntimeException when the template's output is not well-formed XML (an
	 * unclosed {@code <br>}, an {@code &nbsp;})
	 */
	public byte[] render(String templateName, Map<String, Object> model, Locale locale) {
		// Stored text may hold characters XML cannot (a BEL typed into a name before the text rules, in TextHygiene,
		// refused it): they would fail the whole document, so they are left out, as are direction overrides.
		// Number formats put invisible direction marks around amounts; the bundled fonts would draw them as a bar,
		// and the bidi splitter orders the amount without them.
		String xhtml = TextHygiene.forXml(xhtml(templateName, model, locale)).replace("\u200E", "").replace("\u200F", "");
		try (var document = new PDDocument()) {
			var builder = new PdfRendererBuilder().withHtmlContent(xhtml, null)
				.usePDDocument(document)
				.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory())
				// Joins Arabic script (Persian too) and turns right-to-left runs around for drawing.
				.useUnicodeBidiReorderer(new ArabicShaper())
				.defaultTextDirection(Languages.isRightToLeft(locale) ? TextDirection.RTL : TextDirection.LTR)
				// text-transform by the language's rules: Turkish "i" becomes "İ", not "I".
				.useUnicodeToUpperTransformer(new ICUTransformers.ICUToUpperTransformer(locale))
				.useUnicodeToLowerTransformer(new ICUTransformers.ICUToLowerTransformer(locale))
				// Documents carry customers' data; none of it may make the server fetch an address.
				.useExternalResourceAccessControl((uri, type) -> false,
						ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
				.withProducer("Kervan");
			if (Languages.isRightToLeft(locale)) {
				// openhtmltopdf lays a table's columns out left to right in any direction (openhtmltopdf#90): mirror
				// the rows instead, so that a Persian table starts at the right.
				builder.addDOMMutator(PdfDocuments::mirrorTables);
			}
			fonts.forEach((font, bytes) -> builder.useFont(new BundledFontLoader(document, font, bytes), font.family(),
					font.weight(), FontStyle.NORMAL, true));
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.createPDFWithoutClosing();
			}
			var pdf = new ByteArrayOutputStream();
			// Fonts are cut down to the glyphs used, and their ToUnicode maps written, as the document is saved.
			document.save(pdf);
			return ToUnicodeMaps.toLetters(pdf.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The template's output, before it becomes a PDF. */
	String xhtml(String templateName, Map<String, Object> model, Locale locale) {
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		// @fmt and the frame take the language from here, as on a page; a document may be in another language
		// than the request that asks for it (an invoice in the customer's language).
		LocaleContextHolder.setLocale(locale);
		try {
			var context = new Context(locale, model);
			// Outside a web request nothing else gives expressions the beans (${@fmt…}).
			context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
					new ThymeleafEvaluationContext(application, null));
			return templates.process(templateName, context);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	private static void mirrorTables(Document document) {
		for (String name : List.of("tr", "colgroup")) {
			NodeList rows = document.getElementsByTagName(name);
			for (int i = 0; i < rows.getLength(); i++) {
				Node row = rows.item(i);
				List<Node> cells = new ArrayList<>();
				for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
					cells.add(cell);
				}
				cells.reversed().forEach(row::appendChild);
			}
		}
	}

	/** A font file under {@code resources/fonts} and the family and weight a stylesheet names it by. */
	private record BundledFont(String file, String family, int weight) {
	}

	/**
	 * Loads a bundled font into a document when a document first draws with it, with PDFBox's substitutions off:
	 * PDFBox would otherwise apply the font's Latin ligatures as it writes text (DejaVu's "fi" and "fl", which copy
	 * as one character and were never measured by the layout). Joining Arabic script is {@link ArabicShaper}'s.
	 */
	private static final class BundledFontLoader extends PDFontSupplier {

		private final PDDocument document;
		private final BundledFont font;
		private final byte[] bytes;

		BundledFontLoader(PDDocument document, BundledFont font, byte[] bytes) {
			super(null);
			this.document = document;
			this.font = font;
			this.bytes = bytes;
		}

		@Override
		public PDFont supply() {
			try {
				TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
				document.registerTrueTypeFontForClosing(parsed);
				parsed.setEnableGsub(false);
				return PDType0Font.load(document, parsed, true);
			}
			catch (IOException e) {
				throw new UncheckedIOException("A bundled font cannot be read: " + font.file(), e);
			}
		}
	}

	/**
	 * openhtmltopdf's log in the application's, under its own names ({@code com.openhtmltopdf.load}…), so that
	 * {@code logging.level.com.openhtmltopdf} sets how much of it shows.
	 */
	private static final class Slf4jLog implements XRLogger {

		@Override
		public void log(String where, Level level, String message) {
			log(where, level, message, null);
		}

		@Override
		public void log(String where, Level level, String message, @Nullable Throwable error) {
			Logger logger = LoggerFactory.getLogger(where);
			int severity = level.intValue();
			if (severity >= Level.SEVERE.intValue()) {
				logger.error(message, error);
			}
			else if (severity >= Level.WARNING.intValue()) {
				logger.warn(message, error);
			}
			else if (severity >= Level.INFO.intValue()) {
				logger.info(message, error);
			}
			else {
				logger.debug(message, error);
			}
		}

		@Override
		public void setLevel(String where, Level level) {
			// Levels come from the application's logging configuration.
		}

		@Override
		public boolean isLogLevelEnabled(Diagnostic diagnostic) {
			Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
			int severity = diagnostic.getLevel().intValue();
			if (severity >= Level.SEVERE.intValue()) {
				return logger.isErrorEnabled();
			}
			if (severity >= Level.WARNING.intValue()) {
				return logger.isWarnEnabled();
			}
			return severity >= Level.INFO.intValue() ? logger.isInfoEnabled() : logger.isDebugEnabled();
		}
	}
}
