package dev.kervan.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The languages Kervan speaks. Persian is written right to left.
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;
	public static final Locale TURKISH = Locale.forLanguageTag("tr");
	public static final Locale PERSIAN = Locale.forLanguageTag("fa");
	public static final List<Locale> SUPPORTED = List.of(ENGLISH, TURKISH, PERSIAN);

	private Languages() {
	}

	/** The supported language for a tag such as {@code tr}, {@code tr-TR} or {@code FA}, if any. */
	public static Optional<Locale> supported(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		String language = Locale.forLanguageTag(tag.trim().replace('_', '-')).getLanguage();
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
	}

	public static boolean isRightToLeft(Locale locale) {
		return PERSIAN.getLanguage().equals(locale.getLanguage());
	}
}
