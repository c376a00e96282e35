package dev.kervan.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerStatus;

/**
 * Realistic Turkish and Iranian companies and people, the same ones for the same number every time: the
 * demonstration data and the benchmark data are built from it. Two accounts in three are Turkish.
 */
public final class SampleAccounts {

	private static final String[] TR_FIRST = { "Ahmet", "Mehmet", "Mustafa", "Ayşe", "Fatma", "Emine", "Zeynep", "Elif",
			"Murat", "Hüseyin", "İbrahim", "Hasan", "Ali", "Ömer", "Yusuf", "Emre", "Burak", "Cem", "Deniz", "Gül", "Şule",
			"Özlem", "Işıl", "Çağla", "Ebru", "Serkan", "Tolga", "Kemal", "Oğuz", "Gökhan", "Selin", "Büşra", "Kübra",
			"Tuğba", "İrem", "Ümit", "Şükrü", "Nurcan", "Sevgi", "Onur" };
	private static final String[] TR_LAST = { "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk",
			"Aydın", "Özdemir", "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek",
			"Polat", "Erdoğan", "Güneş", "Aksoy", "Işık", "Çakır", "Uçar", "Ilıcak", "Karaca", "Bulut" };
	private static final String[] TR_TRADES = { "Gıda", "Tekstil", "Makina", "Lojistik", "İnşaat", "Elektrik",
			"Otomotiv", "Mobilya", "Kimya", "Plastik", "Ambalaj", "Enerji", "Tarım", "Medikal", "Yazılım", "Turizm",
			"Boya", "Yapı Malzemeleri", "Beyaz Eşya", "Hırdavat" };
	private static final String[] TR_PLACES = { "Anadolu", "Ege", "Marmara", "Karadeniz", "Akdeniz", "Boğaziçi", "Toros",
			"Kapadokya", "Trakya", "Uludağ", "Erciyes", "Palandöken" };
	private static final String[] TR_SUFFIXES = { "A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "Tic. Ltd. Şti." };
	private static final String[][] TR_CITIES = { { "İstanbul", "Kadıköy", "212" }, { "İstanbul", "Ümraniye", "216" },
			{ "İstanbul", "Şişli", "212" }, { "Ankara", "Çankaya", "312" }, { "Ankara", "Sincan", "312" },
			{ "İzmir", "Bornova", "232" }, { "İzmir", "Karşıyaka", "232" }, { "Bursa", "Nilüfer", "224" },
			{ "Antalya", "Muratpaşa", "242" }, { "Konya", "Selçuklu", "332" }, { "Kayseri", "Melikgazi", "352" },
			{ "Gaziantep", "Şahinbey", "342" }, { "Adana", "Seyhan", "322" }, { "Eskişehir", "Tepebaşı", "222" } };
	private static final String[] TR_STREETS = { "Atatürk Cad.", "Cumhuriyet Mah.", "İstiklal Cad.", "Organize Sanayi Bölgesi",
			"Bağdat Cad.", "Gazi Bulvarı", "Fevzi Çakmak Cad.", "Mimar Sinan Mah." };

	private static final String[] IR_FIRST = { "محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "سارا", "مریم", "فاطمه", "زهرا",
			"نرگس", "لیلا", "پریسا", "نیلوفر", "کاوه", "بهرام", "داریوش", "شیرین", "سعید", "مجید" };
	private static final String[] IR_LAST = { "احمدی", "محمدی", "حسینی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی",
			"رحیمی", "کاظمی", "نوری", "تهرانی", "اصفهانی", "شیرازی", "قاسمی", "یزدانی" };
	private static final String[] IR_TRADES = { "صنایع غذایی", "بازرگانی", "پخش", "فولاد", "نساجی", "پتروشیمی", "داروسازی",
			"ساختمانی", "حمل و نقل", "لوازم خانگی", "کاشی و سرامیک", "فرش" };
	private static final String[] IR_NAMES = { "پارس", "البرز", "سپاهان", "کاوه", "آریا", "زاگرس", "خلیج فارس", "دماوند",
			"کوروش", "نگین", "مهر", "آسیا" };
	private static final String[][] IR_CITIES = { { "تهران", "سعادت‌آباد", "21" }, { "تهران", "ونک", "21" },
			{ "اصفهان", "مرکزی", "31" }, { "مشهد", "احمدآباد", "51" }, { "شیراز", "زند", "71" }, { "تبریز", "ولیعصر", "41" },
			{ "کرج", "گوهردشت", "26" }, { "یزد", "صفائیه", "35" }, { "رشت", "گلسار", "13" } };
	private static final String[] IR_STREETS = { "خیابان ولیعصر", "بلوار کشاورز", "خیابان آزادی", "شهرک صنعتی",
			"خیابان انقلاب", "بلوار میرداماد" };
	private static final String[] TAGS = { "vip", "ihracat", "bayi", "kampanya", "kurumsal", "perakende", "toptan",
			"عمده‌فروش", "نمایندگی", "fuar", "yeni" };

	private SampleAccounts() {
	}

	/** One sample account with the people and places that come with it. */
	public record Sample(CustomerKind kind, String name, String country, String taxNumber, String email, String phone,
			CustomerStatus status, String language, String currency, List<String> tags, List<SampleContact> contacts,
			List<SampleAddress> addresses, int paymentTermDays) {
	}

	public record SampleContact(String name, String email, String phone, String department) {
	}

	public record SampleAddress(String purpose, String line1, String district, String city, String postalCode,
			String country) {
	}

	/** The {@code n}-th sample account; the same {@code n} gives the same account. */
	public static Sample of(long n) {
		var random = new SplittableRandom(n * 7919 + 17);
		boolean iranian = n % 3 == 2;
		boolean person = random.nextInt(5) == 0;
		return iranian ? iranian(n, random, person) : turkish(n, random, person);
	}

	private static Sample turkish(long n, SplittableRandom random, boolean person) {
		String[] city = pick(random, TR_CITIES);
		String name;
		String taxNumber;
		if (person) {
			name = pick(random, TR_FIRST) + " " + pick(random, TR_LAST);
			taxNumber = "1" + pad(n, 10);
		}
		else {
			String base = random.nextBoolean() ? pick(random, TR_LAST) : pick(random, TR_PLACES);
			name = base + " " + pick(random, TR_TRADES) + " " + pick(random, TR_SUFFIXES);
			taxNumber = "2" + pad(n, 9);
		}
		String domain = ascii(name.split(" ")[0]) + n + ".example.com.tr";
		String phone = "+90" + city[2] + (200 + random.nextInt(700)) + pad(random.nextInt(10_000), 4);
		var contacts = new ArrayList<SampleContact>();
		int count = person ? 0 : 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String contact = pick(random, TR_FIRST) + " " + pick(random, TR_LAST);
			contacts.add(new SampleContact(contact, ascii(contact.split(" ")[0]) + "@" + domain,
					"+905" + (30 + random.nextInt(26)) + pad(random.nextInt(10_000_000), 7),
					pick(random, new String[] { "Satın alma", "Muhasebe", "Yönetim", "Satış", "Lojistik" })));
		}
		var addresses = new ArrayList<SampleAddress>();
		addresses.add(new SampleAddress("CONTACT", pick(random, TR_STREETS) + " No:" + (1 + random.nextInt(200)), city[1],
				city[0], String.valueOf(10_000 + random.nextInt(80_000)), "TR"));
		if (random.nextBoolean()) {
			addresses.add(new SampleAddress("DELIVERY", "Depo " + pick(random, TR_STREETS) + " No:" + (1 + random.nextInt(90)),
					city[1], city[0], String.valueOf(10_000 + random.nextInt(80_000)), "TR"));
		}
		return new Sample(person ? CustomerKind.PERSON : CustomerKind.COMPANY, name, "TR", taxNumber, "info@" + domain, phone,
				status(random), "tr", "TRY", tags(random), contacts, addresses, new int[] { 0, 15, 30, 45, 60, 90 }[random.nextInt(6)]);
	}

	private static Sample iranian(long n, SplittableRandom random, boolean person) {
		String[] city = pick(random, IR_CITIES);
		String name = person ? pick(random, IR_FIRST) + " " + pick(random, IR_LAST)
				: pick(random, IR_TRADES) + " " + pick(random, IR_NAMES);
		String taxNumber = person ? "0" + pad(n, 9) : "1" + pad(n, 10);
		String domain = "co" + n + ".example.ir";
		String phone = "+98" + city[2] + pad(2_000_000 + random.nextInt(7_999_999), 8);
		var contacts = new ArrayList<SampleContact>();
		int count = person ? 0 : 1 + random.nextInt(3);
		for (int i = 0; i < count; i++) {
			contacts.add(new SampleContact(pick(random, IR_FIRST) + " " + pick(random, IR_LAST), "person" + i + "@" + domain,
					"+989" + (10 + random.nextInt(30)) + pad(random.nextInt(10_000_000), 7),
					pick(random, new String[] { "خرید", "حسابداری", "مدیریت", "فروش" })));
		}
		var addresses = new ArrayList<SampleAddress>();
		addresses.add(new SampleAddress("CONTACT", pick(random, IR_STREETS) + "، پلاک " + (1 + random.nextInt(200)),
				city[1], city[0], pad(1_000_000_000L + random.nextInt(900_000_000), 10), "IR"));
		return new Sample(person ? CustomerKind.PERSON : CustomerKind.COMPANY, name, "IR", taxNumber, "info@" + domain, phone,
				status(random), "fa", "IRR", tags(random), contacts, addresses, new int[] { 0, 30, 60 }[random.nextInt(3)]);
	}

	private static CustomerStatus status(SplittableRandom random) {
		int roll = random.nextInt(10);
		return roll < 7 ? CustomerStatus.ACTIVE : roll < 9 ? CustomerStatus.POTENTIAL : CustomerStatus.PASSIVE;
	}

	private static List<String> tags(SplittableRandom random) {
		var tags = new ArrayList<String>();
		int count = random.nextInt(3);
		for (int i = 0; i < count; i++) {
			String tag = pick(random, TAGS);
			if (!tags.contains(tag)) {
				tags.add(tag);
			}
		}
		return tags;
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String pad(long value, int digits) {
		String text = String.valueOf(Math.abs(value));
		return text.length() >= digits ? text.substring(text.length() - digits) : "0".repeat(digits - text.length()) + text;
	}

	private static String ascii(String text) {
		return dev.kervan.platform.SearchText.fold(text).replaceAll("[^a-z0-9]", "");
	}
}
