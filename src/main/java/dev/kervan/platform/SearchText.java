package dev.kervan.platform;

import java.text.Normalizer;

import org.jspecify.annotations.Nullable;

/**
 * Folds text for searching, so that what a person types finds what was stored however it was cased or
 * accented: Turkish dotted and dotless i are one letter ("istanbul" finds "İSTANBUL", "ışık" finds "IŞIK"),
 * accents and Arabic-script diacritics are dropped, and the Arabic forms of Persian letters (ي ك ة) match the
 * Persian ones (ی ک ه), and Persian and Arabic digits match ASCII ones. Store the folded text beside the original and fold the query the same way.
 */
public final class SearchText {

	private SearchText() {
	}

	public static String fold(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		var folded = new StringBuilder(text.length());
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		for (int i = 0; i < decomposed.length(); i++) {
			char c = decomposed.charAt(i);
			switch (Character.getType(c)) {
				case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> {
					if (c == '\u200c') {
						folded.append(' '); // the Persian half-space separates words
					}
					continue;
				}
				default -> {
				}
			}
			folded.append(switch (c) {
				case 'I', 'İ', 'ı' -> 'i';
				case 'ي', 'ى' -> 'ی';
				case 'ك' -> 'ک';
				case 'ة' -> 'ه';
				case 'ـ' -> '\0';
				default -> Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : Character.toLowerCase(c);
			});
		}
		return folded.toString().replace("\0", "").replaceAll("\\s+", " ").strip();
	}

	/** Text to put in a LIKE pattern: its own % and _ match themselves, not any text. */
	public static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
