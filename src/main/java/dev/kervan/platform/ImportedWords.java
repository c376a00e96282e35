package dev.kervan.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

/**
 * The words people write in the spreadsheets they import, in English, Turkish and Persian: the other names of the
 * columns every import shares (a name, a tax number, a city, a unit…) and the values that mean the same whatever the
 * import ("Evet", "بله", "x" are yes; "Adet" and "عدد" are pieces; "Türkiye" and "ترکیه" are TR). The one place
 * these vocabularies live: each import adds the words of its own fields to them, never a list of its own for these.
 * Words match as {@link ImportedCells#headerKey} folds them: case, Turkish and Persian letter forms, accents, spaces
 * and punctuation do not count ("Vergi No", "VERGİ NO." and "vergi_no" are one word).
 */
public final class ImportedWords {

	/** Words that stand for values of one kind, in every language; built once, then only read. */
	public static final class Vocabulary<T> {

		private final Map<String, T> byWord;

		private Vocabulary(Map<String, T> byWord) {
			this.byWord = Map.copyOf(byWord);
		}

		/** A vocabulary of the words given for each value; a word given for two values means the first. */
		public static <T> Vocabulary<T> of(Map<T, ? extends Collection<String>> words) {
			var byWord = new HashMap<String, T>();
			words.forEach((value, names) -> names.forEach(name -> {
				String key = key(name);
				if (!key.isEmpty()) {
					byWord.putIfAbsent(key, value);
				}
			}));
			return new Vocabulary<>(byWord);
		}

		/**
		 * The words given, and each value's name in every language through the messages {@code prefix + value}
		 * ({@code customer.kind.COMPANY} is "Company", "Şirket" and "شرکت"), and the value's own name.
		 */
		public static <E extends Enum<E>> Vocabulary<E> of(Class<E> values, MessageSource messages, String prefix,
				Map<E, List<String>> others) {
			var words = new LinkedHashMap<E, List<String>>();
			for (E value : values.getEnumConstants()) {
				var names = new ArrayList<String>(List.of(value.name()));
				for (Locale language : Languages.SUPPORTED) {
					String name = messages.getMessage(prefix + value.name(), null, null, language);
					if (name != null) {
						names.add(name);
					}
				}
				names.addAll(others.getOrDefault(value, List.of()));
				words.put(value, names);
			}
			return of(words);
		}

		/** The value the cell's text stands for; empty for a word the vocabulary does not know. */
		public Optional<T> read(String cell) {
			return Optional.ofNullable(byWord.get(key(ImportedCells.text(cell))));
		}

		/** A word as it is looked up: folded as a header, or as written when it is a mark alone ({@code ✓ ₺ $}). */
		private static String key(String word) {
			String key = ImportedCells.headerKey(word);
			return key.isEmpty() ? word.strip() : key;
		}
	}

	/** Yes and no as spreadsheets write them: words, marks, {@code true}/{@code false}, 1 and 0. */
	public static final Vocabulary<Boolean> YES_NO = Vocabulary.of(Map.of(
			Boolean.TRUE, List.of("yes", "y", "true", "t", "1", "x", "✓", "✔", "evet", "e", "var", "doğru", "بله", "آری",
					"آره", "بلی", "هست", "دارد", "درست", "۱"),
			Boolean.FALSE, List.of("no", "n", "false", "f", "0", "hayır", "h", "yok", "yanlış", "خیر", "نه", "نیست",
					"ندارد", "نادرست", "۰")));

	/** Units of measure by the code Kervan keeps them under, as people write them. */
	public static final Vocabulary<String> UNITS = Vocabulary.of(units());

	/** Currencies by ISO code, from the words and symbols people write instead of the code. */
	private static final Vocabulary<String> CURRENCY_WORDS = Vocabulary.of(Map.of(
			"TRY", List.of("TL", "₺", "türk lirası", "lira", "لیر", "لیر ترکیه"),
			"USD", List.of("$", "dolar", "dollar", "us dollar", "amerikan doları", "دلار", "دلار آمریکا"),
			"EUR", List.of("€", "euro", "avro", "یورو"),
			"GBP", List.of("£", "sterlin", "pound", "پوند"),
			"IRR", List.of("﷼", "rial", "riyal", "ریال", "ریال ایران")));

	private static final Vocabulary<String> COUNTRIES = Vocabulary.of(countries());

	private static final Vocabulary<String> LANGUAGES = Vocabulary.of(languages());

	/** The other names of the columns several imports share, by the field they fill. */
	private static final Map<String, List<String>> HEADERS = headers();

	private ImportedWords() {
	}

	/** Yes or no for a cell; empty when it is neither. */
	public static Optional<Boolean> yesNo(String cell) {
		return YES_NO.read(cell);
	}

	/** The ISO code of a country written as its code or its name in English, Turkish or Persian. */
	public static Optional<String> country(String cell) {
		return COUNTRIES.read(cell);
	}

	/** The ISO code of a currency written as its code, its symbol or a word ("TL", "دلار"). */
	public static Optional<String> currency(String cell) {
		String text = ImportedCells.text(cell);
		if (text.length() == 3 && text.chars().allMatch(Character::isLetter)) {
			try {
				return Optional.of(Currency.getInstance(text.toUpperCase(Locale.ROOT)).getCurrencyCode());
			}
			catch (IllegalArgumentException notACode) {
				// perhaps a word
			}
		}
		return CURRENCY_WORDS.read(text);
	}

	/** The code ({@code tr}) of a language written as its code or its name in English, Turkish or Persian. */
	public static Optional<String> language(String cell) {
		return LANGUAGES.read(cell);
	}

	/** The other names of a shared column ({@code taxNumber}: "Vergi No", "کد اقتصادی"…); none for others. */
	public static List<String> headers(String field) {
		return HEADERS.getOrDefault(field, List.of());
	}

	/** The shared names of a field's column followed by the import's own. */
	public static List<String> headers(String field, String... own) {
		var names = new ArrayList<String>(headers(field));
		names.addAll(List.of(own));
		return List.copyOf(names);
	}

	private static Map<String, List<String>> units() {
		var units = new LinkedHashMap<String, List<String>>();
		units.put("PCS", List.of("pcs", "pc", "piece", "pieces", "unit", "ea", "each", "adet", "ad", "tane", "عدد", "دانه",
				"تعداد", "قطعه"));
		units.put("KG", List.of("kg", "kgs", "kilo", "kilogram", "kilogramme", "کیلو", "کیلوگرم"));
		units.put("G", List.of("g", "gr", "gram", "gramme", "گرم"));
		units.put("T", List.of("t", "ton", "tonne", "تن"));
		units.put("M", List.of("m", "metre", "meter", "mt", "متر"));
		units.put("CM", List.of("cm", "centimetre", "centimeter", "santimetre", "santim", "سانتیمتر", "سانتی متر", "سانت"));
		units.put("L", List.of("l", "lt", "litre", "liter", "لیتر"));
		units.put("ML", List.of("ml", "millilitre", "milliliter", "mililitre", "میلی لیتر", "میلیلیتر"));
		units.put("H", List.of("h", "hr", "hour", "hours", "saat", "ساعت"));
		units.put("PAIR", List.of("pair", "çift", "جفت"));
		units.put("BOX12", List.of("box of 12", "12li koli", "koli 12", "düzine", "جعبه ۱۲ تایی", "دوجین"));
		return units;
	}

	/** Every country by its ISO code and its name in each supported language (Türkiye, Turkey, ترکیه). */
	private static Map<String, List<String>> countries() {
		var countries = new LinkedHashMap<String, List<String>>();
		for (String code : Locale.getISOCountries()) {
			var names = new ArrayList<String>(List.of(code));
			for (Locale language : Languages.SUPPORTED) {
				names.add(Locale.of("", code).getDisplayCountry(language));
			}
			countries.put(code, names);
		}
		countries.get("TR").addAll(List.of("Turkey", "Türkiye Cumhuriyeti"));
		countries.get("IR").addAll(List.of("İran", "ایران"));
		return countries;
	}

	/** Kervan's languages by their code, their name in each of them ("Türkçe", "Turkish", "ترکی") and "Farsça". */
	private static Map<String, List<String>> languages() {
		var languages = new LinkedHashMap<String, List<String>>();
		for (Locale language : Languages.SUPPORTED) {
			var names = new ArrayList<String>(List.of(language.getLanguage()));
			for (Locale in : Languages.SUPPORTED) {
				names.add(language.getDisplayLanguage(in));
			}
			languages.put(language.getLanguage(), names);
		}
		languages.get("fa").addAll(List.of("Farsça", "Persian", "Farsi", "فارسی"));
		languages.get("tr").addAll(List.of("Türkçe", "ترکی استانبولی"));
		languages.get("en").addAll(List.of("İngilizce", "انگلیسی"));
		return languages;
	}

	private static Map<String, List<String>> headers() {
		var headers = new LinkedHashMap<String, List<String>>();
		headers.put("name", List.of("name", "ad", "adı", "isim", "unvan", "ünvan", "ad soyad", "ad / unvan", "نام"));
		headers.put("companyName", List.of("company", "company name", "firma", "firma adı", "firma unvanı", "şirket",
				"şirket adı", "kurum", "نام شرکت", "شرکت"));
		headers.put("contactName", List.of("contact", "contact name", "kişi", "ilgili kişi", "yetkili", "ad soyad",
				"شخص", "نام شخص", "مخاطب"));
		headers.put("email", List.of("email", "e-mail", "mail", "e-posta", "eposta", "ایمیل", "پست الکترونیک", "رایانامه"));
		headers.put("phone", List.of("phone", "telephone", "tel", "tel no", "telefon", "telefon no", "telefon numarası",
				"gsm", "cep", "cep telefonu", "تلفن", "شماره تلفن", "تلفن همراه", "موبایل"));
		headers.put("taxNumber", List.of("tax number", "tax no", "tax id", "vat number", "vkn", "tckn", "vkn/tckn",
				"vergi no", "vergi numarası", "vergi kimlik no", "vergi kimlik numarası", "tc kimlik no", "tc no",
				"کد اقتصادی", "شماره اقتصادی", "شناسه ملی", "کد ملی", "شناسه مالیاتی"));
		headers.put("taxOffice", List.of("tax office", "vergi dairesi", "vd", "اداره مالیات", "حوزه مالیاتی"));
		headers.put("address", List.of("address", "address line", "street", "adres", "açık adres", "sokak", "آدرس", "نشانی"));
		headers.put("district", List.of("district", "ilçe", "semt", "بخش", "منطقه"));
		headers.put("city", List.of("city", "town", "şehir", "il", "kent", "شهر"));
		headers.put("region", List.of("region", "state", "province", "bölge", "eyalet", "استان"));
		headers.put("postalCode", List.of("postal code", "postcode", "zip", "zip code", "posta kodu", "کد پستی"));
		headers.put("country", List.of("country", "country code", "ülke", "ülke kodu", "کشور"));
		headers.put("currency", List.of("currency", "para birimi", "döviz", "döviz cinsi", "ارز", "واحد پول"));
		headers.put("kind", List.of("kind", "type", "tür", "türü", "tip", "نوع"));
		headers.put("status", List.of("status", "durum", "وضعیت"));
		headers.put("language", List.of("language", "dil", "زبان"));
		headers.put("tags", List.of("tags", "tag", "etiket", "etiketler", "برچسب", "برچسب ها"));
		headers.put("category", List.of("category", "kategori", "grup", "دسته", "دسته بندی", "گروه"));
		headers.put("notes", List.of("notes", "note", "not", "notlar", "açıklama", "یادداشت", "توضیحات"));
		headers.put("unit", List.of("unit", "birim", "ölçü birimi", "واحد", "واحد اندازه گیری"));
		headers.put("source", List.of("source", "kaynak", "منبع"));
		headers.put("campaign", List.of("campaign", "kampanya", "کمپین"));
		headers.put("title", List.of("title", "subject", "başlık", "konu", "موضوع"));
		return Map.copyOf(headers);
	}
}
