package dev.kervan.platform;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Names that read in the reader's language: the seeded stages, team, lost reasons, activity types, units and
 * categories arrive in English, Turkish and Persian, and stay renameable. A table whose records are named so has,
 * beside its {@code name}, a column {@code name_translations jsonb not null default '{}'} holding names by language
 * code ({@code {"tr": "Yeni", "fa": "جدید"}}). A reader sees the translation for their language, else the name.
 * <p>
 * A rename replaces the name its author saw, and only that: in a language the record has a translation for, that
 * translation; otherwise the name, which every reader without a translation of their own sees too. A Turkish user
 * renaming the seeded stage "Yeni" leaves "New" and "جدید" as they were; a stage someone created as "Teklif" has no
 * translation, and its rename is what everyone sees.
 * <p>
 * The SQL below names only the language codes of {@link Languages#SUPPORTED}, never a text from a request.
 */
public final class TranslatedNames {

	private TranslatedNames() {
	}

	/** The language code whose names the current reader sees: {@code en}, {@code tr} or {@code fa}. */
	public static String language() {
		return language(LocaleContextHolder.getLocale());
	}

	static String language(Locale locale) {
		return Languages.supported(locale.toLanguageTag()).orElse(Languages.ENGLISH).getLanguage();
	}

	/**
	 * SQL for the name of the record a query calls {@code alias}, in the current reader's language:
	 * {@code coalesce(s.name_translations ->> 'tr', s.name)}.
	 */
	public static String shown(String alias) {
		return shownIn(alias, "'" + language() + "'");
	}

	/**
	 * SQL for the name of the record a query calls {@code alias} in the language an SQL expression names, for texts
	 * written for someone else than the reader (a reminder in its recipient's language: {@code u.language}).
	 */
	public static String shownIn(String alias, String languageSql) {
		return "coalesce(" + alias + ".name_translations ->> " + languageSql + ", " + alias + ".name)";
	}

	/**
	 * The assignments of an {@code update … set} that rename a record to the named parameter {@code parameter} (as
	 * {@code name}) in the current reader's language, by the rule above.
	 */
	public static String renameTo(String parameter) {
		String language = language();
		String translated = "name_translations ->> '" + language + "' is not null";
		return "name = case when " + translated + " then name else :" + parameter + " end, "
				+ "name_translations = case when " + translated + " then jsonb_set(name_translations, '{" + language
				+ "}', to_jsonb(cast(:" + parameter + " as text))) else name_translations end";
	}
}
