package dev.kervan.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * A record's history as a page shows it ({@code fragments/history}), read back as a person reads it: its sentences,
 * the values they show (names and amounts, each isolated in its own {@code <bdi>}), the values listed under them as
 * "label: value", the texts of notes and activities, and the kinds of its entries, newest first. Spaces that do not
 * break (between an amount and its currency) read as spaces.
 */
public record HistoryFeed(List<String> lines, List<String> values, List<String> details, List<String> texts,
		List<String> kinds, String html) {

	private static final Pattern SECTION = Pattern.compile("<section id=\"history\".*?</section>", Pattern.DOTALL);
	private static final Pattern LINE = Pattern.compile("<p class=\"kervan-feed-line\">(.*?)</p>", Pattern.DOTALL);
	private static final Pattern VALUE = Pattern.compile("<bdi class=\"kervan-feed-value\"[^>]*>(.*?)</bdi>", Pattern.DOTALL);
	private static final Pattern DETAIL = Pattern.compile("<dt>(.*?)</dt>\\s*<dd><bdi[^>]*>(.*?)</bdi></dd>", Pattern.DOTALL);
	private static final Pattern TEXT = Pattern.compile("<p class=\"kervan-feed-text\"[^>]*>(.*?)</p>", Pattern.DOTALL);
	private static final Pattern KIND = Pattern.compile("<li class=\"kervan-feed-entry\" data-kind=\"([A-Z_]+)\"");

	/** The history on the page; fails when the page has none. */
	public static HistoryFeed of(String page) {
		Matcher section = SECTION.matcher(page);
		if (!section.find()) {
			throw new AssertionError("The page shows no history");
		}
		String html = section.group();
		var details = new ArrayList<String>();
		Matcher detail = DETAIL.matcher(html);
		while (detail.find()) {
			details.add(text(detail.group(1)) + ": " + text(detail.group(2)));
		}
		return new HistoryFeed(all(LINE, html), all(VALUE, html), details, all(TEXT, html), all(KIND, html), html);
	}

	/**
	 * What of the audit trail's raw lines (the items {@code GET …/history} answers) shows through on the page: a field's
	 * code name ({@code expectedRevenue}, {@code contacts[12].phone}), the id of a record a field names, an enum's code.
	 * Empty when the history reads in words.
	 *
	 * @param references the fields whose values are ids of other records ({@code salespersonId}, {@code stage})
	 */
	public List<String> codesShown(JsonNode auditLines, Set<String> references) {
		String text = text();
		var shown = new ArrayList<String>(values);
		details.forEach(detail -> shown.add(detail.substring(detail.indexOf(": ") + 2)));
		var codes = new ArrayList<String>();
		for (JsonNode line : auditLines) {
			String field = line.get("field").asString();
			String name = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
			if (field.contains("[") && text.contains(field.substring(0, field.indexOf(']') + 1))) {
				codes.add(field);
			}
			if (!name.equals(name.toLowerCase(Locale.ROOT)) && text.contains(name)) {
				codes.add(name);
			}
			for (String value : new String[] { line.path("oldValue").stringValue(null), line.path("newValue").stringValue(null) }) {
				if (value == null) {
					continue;
				}
				if (references.contains(name) && value.matches("\\d+") && shown.contains(value)) {
					codes.add(field + " = " + value);
				}
				if (value.matches("[A-Z][A-Z_]{3,}") && Pattern.compile("\\b" + value + "\\b").matcher(text).find()) {
					codes.add(field + " = " + value);
				}
			}
		}
		return codes;
	}

	/** Everything the history says, as one text. */
	public String text() {
		return text(html);
	}

	private static List<String> all(Pattern pattern, String html) {
		var found = new ArrayList<String>();
		Matcher matcher = pattern.matcher(html);
		while (matcher.find()) {
			found.add(text(matcher.group(1)));
		}
		return found;
	}

	private static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", "")).replaceAll("[\\s\\u00a0\\u202f]+", " ").strip();
	}
}
