package dev.kervan.platform;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The countries a form offers, named in the reader's language. */
public final class Countries {

	/** The countries Kervan's users trade with most, offered first. */
	private static final List<String> FIRST = List.of("TR", "IR");

	private Countries() {
	}

	/** Every ISO 3166 country as an option (code, name in {@code language}), Türkiye and Iran first, then by name. */
	public static List<Option> options(Locale language) {
		Collator collator = Collator.getInstance(language);
		var countries = new ArrayList<Option>();
		for (String code : Locale.getISOCountries()) {
			countries.add(new Option(code, Locale.of("", code).getDisplayCountry(language)));
		}
		countries.sort(Comparator.comparing((Option option) -> {
			int first = FIRST.indexOf(option.value());
			return first < 0 ? FIRST.size() : first;
		}).thenComparing(Option::label, collator));
		return countries;
	}
}
