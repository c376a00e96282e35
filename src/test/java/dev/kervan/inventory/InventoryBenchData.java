package dev.kervan.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.platform.SearchText;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills the catalog and the stock ledger for the benchmark, for a scale of N customers: N / 10 products (a hardware
 * and building-supplies wholesaler's: Turkish names, a tenth with a Persian name beside, some named in Persian;
 * 2% services; paints, chemicals and cleaning goods tracked by lot) in 30 categories under 9 groups, 5 warehouses,
 * 10 × N stock move lines in moves of 10 lines (numbers {@code SM-BENCH-…}: an opening receipt of every product in
 * every warehouse, then two years of receipts, issues, transfers and adjustments), the lot balances and stock
 * levels summed from those lines as the ledger keeps them, and price lists of every kind (for customers, for
 * customer classes, for everyone; rules for a product, a category, every product, with quantity tiers, an expired
 * list and an inactive one) with 10,000 of the sample accounts given classes and lists.
 * <p>
 * Plain SQL with generate_series, deterministic, into the application's own tables with their indexes, foreign
 * keys and checks in place; the lines go in by the million, each million sorted by product so that the indexes
 * grow in order. The search text is what {@code Products.refreshSearchText} writes: every word of the vocabulary is
 * folded here with {@link SearchText#fold} and SQL only joins folded words, and after the load every product's
 * search text is read back and compared with the application's recipe.
 */
public final class InventoryBenchData {

	/** How much to load for a scale: a million customers means 100,000 products and 10,000,000 move lines. */
	public record Size(int products, long lines) {

		public static Size of(long scale) {
			// Products in multiples of 500, so that the 2% services and the goods split into whole moves of 10.
			int products = (int) Math.max(500, Math.round(scale / 10.0 / 500) * 500);
			return new Size(products, Math.max(10L * products, scale * 10 / LINES_PER_MOVE * LINES_PER_MOVE));
		}

		/** Products 0 … goods − 1 are goods, the rest services. */
		public int goods() {
			return products - products / 50;
		}

		public long moves() {
			return lines / LINES_PER_MOVE;
		}
	}

	public static final int WAREHOUSES = 5;
	public static final int LINES_PER_MOVE = 10;
	/** Sample accounts (from the first on) that get customer classes and price lists. */
	public static final int PRICED_CUSTOMERS = 10_000;
	/** The reference every reservation the benchmark makes starts with. */
	public static final String RESERVATION_PREFIX = "bench-res-";
	private static final long CHUNK = 1_000_000;
	private static final int CUSTOMER_LISTS = 20;

	private InventoryBenchData() {
	}

	// --- the vocabulary ---------------------------------------------------------------------------------------------

	/** A top category: its code, name, the sizes its products' names end in, and its categories. */
	record Group(String code, String name, List<String> sizes, List<Sub> subs) {
	}

	/** A category under a group, its unit, whether it is tracked by lot, and the nouns its products are named by. */
	record Sub(String code, String name, String unit, boolean lots, List<String> nouns, List<String> persian) {
	}

	static final List<Group> GROUPS = List.of(
			new Group("ELK", "Elektrik", List.of("3x1,5 mm²", "3x2,5 mm²", "2x0,75 mm²", "16 A", "25 A", "10 A", "IP44", "IP65",
					"5'li", "3'lü"), List.of(
					new Sub("KBL", "Kablolar", "M", false, List.of("NYM Kablo", "NYAF Kablo", "TTR Kablo", "Koaksiyel Kablo",
							"Cat6 Ağ Kablosu", "Uzatma Kablosu"), List.of("کابل برق", "سیم افشان", "كابل شبكه")),
					new Sub("PRZ", "Anahtar ve Prizler", "PCS", false, List.of("Topraklı Priz", "Vavien Anahtar", "Komütatör",
							"Çocuk Korumalı Priz", "USB'li Priz", "Grup Priz"), List.of("پریز ارت دار", "کلید تبدیل", "پریز یو اس بی")),
					new Sub("SGT", "Sigortalar", "PCS", false, List.of("Otomatik Sigorta", "Kaçak Akım Rölesi", "Şalter",
							"Sigorta Kutusu", "Parafudr"), List.of("فیوز مینیاتوری", "کلید محافظ جان", "جعبه فیوز")),
					new Sub("KNL", "Kablo Kanalları", "M", false, List.of("Kablo Kanalı", "Spiral Boru", "Kablo Bağı", "Buat",
							"Klemens"), List.of("داکت کابل", "بست کمربندی", "ترمینال")))),
			new Group("AYD", "Aydınlatma", List.of("9 W", "12 W", "18 W", "50 W", "100 W", "E27", "GU10", "6500 K", "3000 K",
					"4000 K"), List.of(
					new Sub("LED", "LED Ampuller", "PCS", false, List.of("LED Ampul", "Mum Ampul", "Spot Ampul", "Filament Ampul"),
							List.of("لامپ ال ای دی", "لامپ شمعی", "لامپ هالوژن")),
					new Sub("ARM", "Armatürler", "PCS", false, List.of("Panel Armatür", "Sıva Üstü Armatür", "Etanj Armatür",
							"Aplik", "Avize", "Sarkıt"), List.of("چراغ سقفی", "لوستر", "چراغ دیواری")),
					new Sub("PRJ", "Projektörler", "PCS", false, List.of("LED Projektör", "Işıldak", "Sensörlü Projektör",
							"Solar Işıldak"), List.of("پروژکتور", "پروژکتور خورشیدی")))),
			new Group("HRD", "Hırdavat", List.of("M6x40", "M8x60", "4x40 mm", "6x150 mm", "8 mm", "10 mm", "100'lü", "200 g",
					"1 kg", "12 parça"), List.of(
					new Sub("VID", "Vidalar ve Dübeller", "PCS", false, List.of("Sunta Vidası", "Akıllı Vida", "Trifon Vida",
							"Çelik Dübel", "Plastik Dübel", "Somun", "Pul"), List.of("پیچ", "رول\u200cپلاک", "مهره", "واشر")),
					new Sub("ELA", "El Aletleri", "PCS", false, List.of("Çekiç", "Tornavida", "Pense", "Yan Keski",
							"Kombine Anahtar", "Lokma Takımı", "Şerit Metre", "Su Terazisi", "Maket Bıçağı"),
							List.of("چکش", "پیچ\u200cگوشتی", "انبردست", "متر نواری", "تراز")),
					new Sub("ELE", "Elektrikli Aletler", "PCS", false, List.of("Darbeli Matkap", "Akülü Vidalama", "Avuç Taşlama",
							"Kırıcı Delici", "Dekupaj Testere", "Sıcak Hava Tabancası"),
							List.of("دریل چکشی", "پیچ\u200cگوشتی شارژی", "فرز سنگ", "هویه")),
					new Sub("UCL", "Matkap Uçları", "PCS", false, List.of("Beton Matkap Ucu", "Metal Matkap Ucu",
							"Ahşap Matkap Ucu", "Kesme Diski", "Zımpara"), List.of("مته بتن", "مته فلز", "صفحه برش", "سنباده")))),
			new Group("TES", "Tesisat", List.of("1/2\"", "3/4\"", "1\"", "Ø20", "Ø25", "Ø32", "Ø50", "Ø100", "DN15", "DN25"),
					List.of(
					new Sub("BRU", "Borular", "M", false, List.of("PPR Boru", "PVC Boru", "Pis Su Borusu", "Galvaniz Boru",
							"Kompozit Boru"), List.of("لوله پلی\u200cپروپیلن", "لوله پی وی سی", "لوله فاضلاب")),
					new Sub("VNA", "Vanalar", "PCS", false, List.of("Küresel Vana", "Kelebek Vana", "Çekvalf", "Radyatör Vanası",
							"Pislik Tutucu"), List.of("شیر توپی", "شیر پروانه\u200cای", "شیر یک\u200cطرفه")),
					new Sub("BAG", "Bağlantı Parçaları", "PCS", false, List.of("Dirsek", "Manşon", "Te", "Rakor", "Nipel",
							"Redüksiyon"), List.of("زانو", "بوشن", "سه\u200cراهی", "مهره ماسوره")),
					new Sub("BAT", "Bataryalar", "PCS", false, List.of("Lavabo Bataryası", "Eviye Bataryası", "Duş Seti",
							"Musluk", "Ankastre Batarya"), List.of("شیر روشویی", "شیر ظرفشویی", "دوش")))),
			new Group("BOY", "Boya", List.of("0,75 L", "2,5 L", "7,5 L", "15 L", "20 kg", "RAL 9010", "RAL 7016", "Mat",
					"İpek Mat", "Parlak"), List.of(
					new Sub("ICB", "İç Cephe Boyaları", "L", true, List.of("Silikonlu İç Cephe Boyası", "Plastik Boya",
							"Tavan Boyası", "Antibakteriyel Boya"), List.of("رنگ داخلی", "رنگ سقف", "رنگ پلاستیک")),
					new Sub("DCB", "Dış Cephe Boyaları", "L", true, List.of("Dış Cephe Boyası", "Elastomerik Boya",
							"Silikonlu Dış Cephe Boyası"), List.of("رنگ نما", "رنگ الاستومری")),
					new Sub("AST", "Astar ve Vernikler", "L", true, List.of("Astar", "Ahşap Verniği", "Sentetik Boya", "Tiner",
							"Selülozik Tiner"), List.of("آستر", "روغن جلا", "تینر")),
					new Sub("BBY", "Boya Malzemeleri", "PCS", false, List.of("Boya Fırçası", "Boya Rulosu", "Maskeleme Bandı",
							"Boya Teknesi", "Spatula"), List.of("قلم\u200cمو", "غلتک رنگ", "نوار چسب کاغذی")))),
			new Group("YKM", "Yapı Kimyasalları", List.of("280 ml", "310 ml", "500 ml", "750 ml", "5 kg", "25 kg", "Beyaz",
					"Şeffaf", "Gri", "Antrasit"), List.of(
					new Sub("SLK", "Silikon ve Mastikler", "PCS", true, List.of("Silikon", "Akrilik Mastik", "Poliüretan Mastik",
							"Montaj Yapıştırıcısı"), List.of("چسب سیلیکون", "چسب آکریلیک")),
					new Sub("YPS", "Yapıştırıcılar", "KG", true, List.of("Seramik Yapıştırıcısı", "Fayans Yapıştırıcısı",
							"Derz Dolgusu", "Tamir Harcı"), List.of("چسب کاشی", "پودر بندکشی", "ملات تعمیری")),
					new Sub("YLT", "Su Yalıtımı", "KG", true, List.of("Su Yalıtım Harcı", "Likit Membran", "Bitümlü Örtü",
							"Su Tutucu Bant"), List.of("عایق رطوبتی", "ایزوگام", "نوار آب\u200cبند")),
					new Sub("KPK", "Köpükler", "PCS", true, List.of("Poliüretan Köpük", "Yangın Köpüğü", "Köpük Temizleyici"),
							List.of("اسپری فوم", "فوم ضد حریق")))),
			new Group("BAH", "Bahçe", List.of("1/2\" 25 m", "3/4\" 50 m", "15 m", "30 cm", "Teleskopik", "Ahşap Saplı",
					"Fiberglas Saplı", "5 L", "10 L", "16 L"), List.of(
					new Sub("SUL", "Sulama", "PCS", false, List.of("Bahçe Hortumu", "Fıskiye", "Damla Sulama Borusu",
							"Hortum Makarası", "Sulama Tabancası"), List.of("شلنگ باغبانی", "آبپاش", "قرقره شلنگ")),
					new Sub("BAL", "Bahçe Aletleri", "PCS", false, List.of("Budama Makası", "Kürek", "Tırmık", "Çapa",
							"Çim Makası", "El Arabası", "Basınçlı Pompa"), List.of("قیچی باغبانی", "بیل", "شن\u200cکش", "فرغون")))),
			new Group("TMZ", "Temizlik", List.of("500 ml", "750 ml", "1 L", "2,5 L", "4 L", "5 L", "Lavanta", "Limon", "Okyanus",
					"Sabun Kokulu"), List.of(
					new Sub("DZT", "Deterjanlar", "L", true, List.of("Çamaşır Suyu", "Yüzey Temizleyici", "Bulaşık Deterjanı",
							"Sıvı Sabun", "Cam Temizleyici", "Kireç Çözücü"),
							List.of("سفیدکننده", "مایع ظرفشویی", "صابون مایع", "شیشه\u200cپاک\u200cکن")),
					new Sub("KGT", "Kağıt Ürünleri", "PCS", false, List.of("Islak Mendil", "Kağıt Havlu", "Tuvalet Kağıdı", "Peçete"),
							List.of("دستمال مرطوب", "دستمال کاغذی", "دستمال توالت")))),
			new Group("HZM", "Hizmetler", List.of("Saatlik", "Günlük", "Yerinde", "Uzaktan", "İstanbul", "Ankara", "İzmir", "Acil",
					"Standart", "Yıllık"), List.of(
					new Sub("MNT", "Montaj ve Kurulum", "H", false, List.of("Montaj Hizmeti", "Kurulum Hizmeti", "Keşif Hizmeti",
							"Devreye Alma"), List.of("خدمات نصب", "راه\u200cاندازی")),
					new Sub("BKM", "Bakım", "H", false, List.of("Periyodik Bakım", "Bakım Sözleşmesi", "Arıza Servisi",
							"Kalibrasyon"), List.of("سرویس دوره\u200cای", "قرارداد نگهداری")),
					new Sub("NKL", "Nakliye", "H", false, List.of("Nakliye", "Kargo", "Vinç Hizmeti"),
							List.of("حمل و نقل", "باربری")))));

	/** The group whose categories hold the services; every other group holds goods. */
	static final String SERVICES = "HZM";

	/** What tells products of one noun apart: colour, material, finish. */
	static final List<String> ADJECTIVES = List.of("Beyaz", "Siyah", "Gri", "Antrasit", "Paslanmaz", "Galvaniz", "Krom Kaplı",
			"Sarı", "Kırmızı", "Yeşil", "Lacivert", "Şeffaf", "Işıklı", "Profesyonel", "Ekonomik", "Endüstriyel", "Çift Taraflı",
			"Sıva Altı", "Sıva Üstü", "Suya Dayanıklı", "Ağır Hizmet", "Kompakt", "Yüksek Performanslı", "Güçlendirilmiş");

	/** The same in Persian, some typed with the Arabic forms of the letters or with diacritics, as people type them. */
	static final List<String> PERSIAN_ADJECTIVES = List.of("سفید", "مشکی", "طوسی", "ضدّ آب", "صنعتي", "حرفه\u200cای", "اقتصادی",
			"فولادی", "ضدزنگ", "شفاف", "مقاوِم", "كامل");

	static final List<String> BRANDS = List.of("Kervan", "Yıldız", "Anadolu", "Özdemir", "Ege Teknik", "Marmara", "Karadeniz",
			"Doğan", "Şahin", "Aslan Pro", "Ilgaz", "Çınar", "Pars", "Tunç", "Güneş");

	/** Code, name; the fifth is in Tehran and named in Persian. */
	static final List<List<String>> WAREHOUSE_NAMES = List.of(List.of("IST-MRK", "İstanbul Merkez Depo"),
			List.of("IST-AND", "İstanbul Anadolu Yakası Depo"), List.of("ANK", "Ankara Bölge Depo"),
			List.of("IZM", "İzmir Bölge Depo"), List.of("THR", "انبار مرکزی تهران"));

	/** Customer classes: name, default discount. */
	static final List<List<String>> CLASSES = List.of(List.of("Bayi", "10"), List.of("Ana Bayi", "15"),
			List.of("Kurumsal", "5"), List.of("Perakende", "0"));

	/** What the benchmark searches products for, as people type it. */
	public record SearchWords(List<String> names, List<String> unaccented) {
	}

	/**
	 * Words of the names (Turkish as written, brands, Persian, some in the Arabic forms of the letters), and Turkish
	 * words typed without their accents and dotless i.
	 */
	public static SearchWords searchWords() {
		return new SearchWords(List.of("tornavida", "Silikon", "Küresel Vana", "Çekiç", "LED Ampul", "Şalter", "Işıldak",
				"priz beyaz", "boru", "Matkap", "hortum", "Yıldız", "Kervan", "dübel", "Sıva Altı", "پیچ", "کابل", "كابل", "لوله",
				"چسب کاشی", "شیر"),
				List.of("isildak", "seffaf", "camasir suyu", "sivi sabun", "kirici delici", "islak mendil", "kacak akim", "fiskiye",
						"tirmik", "cekic", "sigorta kutusu", "kuresel vana", "dis cephe", "yapistiricisi", "gunes", "akulu vidalama",
						"kirec cozucu", "agir hizmet"));
	}

	// --- loading ----------------------------------------------------------------------------------------------------

	public static void load(Connection connection, long firstCustomer, long lastCustomer, Size size)
			throws SQLException {
		connection.setAutoCommit(false);
		try (var statement = connection.createStatement()) {
			statement.execute("set work_mem = '256MB'");
			forgetEarlierLoad(connection);
			vocabulary(connection);
			statement.execute("""
					insert into customer_class (name, default_discount)
					select name, discount from bench_class on conflict do nothing""");
			statement.execute("""
					insert into warehouse (code, name, address)
					select code, name, null from bench_warehouse_name order by n on conflict do nothing""");
			statement.execute("""
					create temp table bench_warehouse on commit drop as
					select w.id, b.n from warehouse w join bench_warehouse_name b on lower(b.code) = lower(w.code)""");
			statement.execute("""
					insert into product_category (name) select distinct group_name from bench_sub on conflict do nothing""");
			statement.execute("""
					insert into product_category (parent, name)
					select g.id, s.name from bench_sub s join product_category g on g.parent is null and g.name = s.group_name
					on conflict do nothing""");
			statement.execute("""
					update bench_sub s set category = c.id, group_category = g.id, unit = u.id
					from product_category g, product_category c, unit_of_measure u
					where g.parent is null and g.name = s.group_name and c.parent = g.id and c.name = s.name and u.code = s.unit_code""");
			products(connection, size);
			prices(connection, size, firstCustomer, lastCustomer);
			long start = System.nanoTime();
			moves(connection, size, firstCustomer, lastCustomer);
			balances(connection);
			System.out.printf("  %,d stock move lines and their balances in %.0f s (%.0f s per million lines)%n", size.lines(),
					(System.nanoTime() - start) / 1e9, (System.nanoTime() - start) / 1e9 / (size.lines() / 1e6));
			checkSearchText(connection);
			checkLedger(connection);
			connection.commit();
		}
		catch (SQLException | RuntimeException e) {
			connection.rollback();
			throw e;
		}
		finally {
			connection.setAutoCommit(true);
		}
		try (var statement = connection.createStatement()) {
			for (String table : List.of("product", "product_category", "warehouse", "stock_level", "stock_lot_balance",
					"stock_reservation", "price_list", "price_list_customer", "price_list_class", "price_rule", "customer_class")) {
				statement.execute("vacuum analyze " + table);
			}
			// Vacuumed now rather than by autovacuum during the first cases; then written out, so that the cases do not
			// share the disk with the checkpoint that would write the load.
			statement.execute("vacuum analyze stock_move");
			statement.execute("vacuum analyze stock_move_line");
			statement.execute("vacuum analyze customer");
			statement.execute("checkpoint");
			statement.execute("reset work_mem");
		}
	}

	/** What an earlier load of another size, or an interrupted one, left behind; nothing when there is none. */
	private static void forgetEarlierLoad(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("create temp table bench_old_product on commit drop as select id from product where created_by = 'bench'");
			statement.execute("create temp table bench_old_move on commit drop as select id from stock_move where number like 'SM-BENCH-%'");
			statement.execute("delete from stock_reservation where product in (select id from bench_old_product)");
			statement.execute("delete from stock_level where product in (select id from bench_old_product)");
			statement.execute("delete from stock_lot_balance where product in (select id from bench_old_product)");
			statement.execute("delete from stock_move_line where move in (select id from bench_old_move)");
			statement.execute("delete from stock_move where id in (select id from bench_old_move)");
			statement.execute("update customer set price_list = null where price_list in (select id from price_list where notes = 'bench')");
			statement.execute("delete from price_list where notes = 'bench'"); // rules, customers and classes cascade
			statement.execute("delete from product where id in (select id from bench_old_product)");
		}
	}

	/** The words names are made of, each beside its folded form, as temporary tables SQL joins by number. */
	private static void vocabulary(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("""
					create temp table bench_sub (sub int primary key, group_code text, group_name text, code text, name text,
					  unit_code text, lots boolean, service boolean, nouns int, persian int, sizes int, category bigint,
					  group_category bigint, unit bigint) on commit drop""");
			statement.execute("create temp table bench_word (list text, i int, word text, folded text, primary key (list, i)) on commit drop");
			statement.execute("create temp table bench_warehouse_name (n int, code text, name text) on commit drop");
			statement.execute("create temp table bench_class (n int, name text, discount numeric) on commit drop");
		}
		try (var sub = connection.prepareStatement("insert into bench_sub (sub, group_code, group_name, code, name, unit_code, lots, "
				+ "service, nouns, persian, sizes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
				var word = connection.prepareStatement("insert into bench_word values (?, ?, ?, ?)")) {
			// Goods first, so that sub-categories 0 … goodsSubs − 1 hold the goods.
			int n = 0;
			for (boolean services : new boolean[] { false, true }) {
				for (Group group : GROUPS) {
					if (group.code().equals(SERVICES) != services) {
						continue;
					}
					for (Sub s : group.subs()) {
						sub.setInt(1, n);
						sub.setString(2, group.code());
						sub.setString(3, group.name());
						sub.setString(4, s.code());
						sub.setString(5, s.name());
						sub.setString(6, s.unit());
						sub.setBoolean(7, s.lots());
						sub.setBoolean(8, services);
						sub.setInt(9, s.nouns().size());
						sub.setInt(10, s.persian().size());
						sub.setInt(11, group.sizes().size());
						sub.addBatch();
						words(word, "noun:" + n, s.nouns());
						words(word, "persian:" + n, s.persian());
						words(word, "size:" + n, group.sizes());
						words(word, "prefix:" + n, List.of(group.code() + "-" + s.code() + "-"));
						n++;
					}
				}
			}
			words(word, "adjective", ADJECTIVES);
			words(word, "persian-adjective", PERSIAN_ADJECTIVES);
			words(word, "brand", BRANDS);
			sub.executeBatch();
			word.executeBatch();
		}
		try (var warehouse = connection.prepareStatement("insert into bench_warehouse_name values (?, ?, ?)");
				var customerClass = connection.prepareStatement("insert into bench_class values (?, ?, ?)")) {
			for (int i = 0; i < WAREHOUSE_NAMES.size(); i++) {
				warehouse.setInt(1, i);
				warehouse.setString(2, WAREHOUSE_NAMES.get(i).get(0));
				warehouse.setString(3, WAREHOUSE_NAMES.get(i).get(1));
				warehouse.addBatch();
			}
			for (int i = 0; i < CLASSES.size(); i++) {
				customerClass.setInt(1, i);
				customerClass.setString(2, CLASSES.get(i).get(0));
				customerClass.setBigDecimal(3, new java.math.BigDecimal(CLASSES.get(i).get(1)));
				customerClass.addBatch();
			}
			warehouse.executeBatch();
			customerClass.executeBatch();
		}
	}

	private static void words(PreparedStatement insert, String list, List<String> words) throws SQLException {
		for (int i = 0; i < words.size(); i++) {
			insert.setString(1, list);
			insert.setInt(2, i);
			insert.setString(3, words.get(i));
			insert.setString(4, SearchText.fold(words.get(i)));
			insert.addBatch();
		}
	}

	static int goodsSubs() {
		return (int) GROUPS.stream().filter(g -> !g.code().equals(SERVICES)).mapToLong(g -> g.subs().size()).sum();
	}

	static int serviceSubs() {
		return (int) GROUPS.stream().filter(g -> g.code().equals(SERVICES)).mapToLong(g -> g.subs().size()).sum();
	}

	/**
	 * Product n: goods spread over the goods' categories, services over theirs; named noun + adjective + size (a
	 * service: noun + size) with a brand; every tenth with a Persian name as a translation, every fortieth named in
	 * Persian with the Turkish name as a translation. Code {@code GRP-SUB-nnnnnn}.
	 */
	private static void products(Connection connection, Size size) throws SQLException {
		try (var statement = connection.createStatement()) {
			statement.execute("""
					create temp table bench_name on commit drop as
					select n, s.sub, s.category, s.unit, s.lots, s.service,
					  pre.word || lpad((n + 1)::text, 6, '0') as code, pre.folded || lpad((n + 1)::text, 6, '0') as code_folded,
					  concat_ws(' ', noun.word, adj.word, sz.word) as turkish, concat_ws(' ', noun.folded, adj.folded, sz.folded) as turkish_folded,
					  concat_ws(' ', fa.word, fadj.word, sz.word) as persian, concat_ws(' ', fa.folded, fadj.folded, sz.folded) as persian_folded,
					  brand.word as brand, brand.folded as brand_folded
					from generate_series(0::bigint, %1$d - 1) as n
					cross join lateral (select hashint8extended(n, 1) & 2147483647 as h1, hashint8extended(n, 2) & 2147483647 as h2) as h
					join bench_sub s on s.sub = case when n < %2$d then n %% %3$d else %3$d + n %% %4$d end
					join bench_word pre on pre.list = 'prefix:' || s.sub and pre.i = 0
					join bench_word noun on noun.list = 'noun:' || s.sub and noun.i = h.h1 %% s.nouns
					left join bench_word adj on not s.service and adj.list = 'adjective' and adj.i = (h.h1 / 100) %% %5$d
					join bench_word sz on sz.list = 'size:' || s.sub and sz.i = h.h2 %% s.sizes
					join bench_word fa on fa.list = 'persian:' || s.sub and fa.i = (h.h2 / 100) %% s.persian
					join bench_word fadj on fadj.list = 'persian-adjective' and fadj.i = (h.h2 / 10000) %% %6$d
					join bench_word brand on brand.list = 'brand' and brand.i = (h.h1 / 10000) %% %7$d""".formatted(size.products(),
					size.goods(), goodsSubs(), serviceSubs(), ADJECTIVES.size(), PERSIAN_ADJECTIVES.size(), BRANDS.size()));
			statement.execute("""
					insert into product (code, name, translations, kind, category, unit, brand, vat_rate, standard_cost, sale_price,
					  stage, shelf_life_days, min_stock, max_stock, tracking, search_text, created_at, updated_at, created_by)
					select code,
					  case when n %% 40 = 7 then persian else turkish end,
					  case when n %% 40 = 7 then jsonb_build_object('tr', turkish) when n %% 10 = 0 then jsonb_build_object('fa', persian)
					       else '{}' end,
					  case when service then 'SERVICE' else 'GOOD' end, category, unit, brand,
					  20,
					  round((5 + (n * 7919) %% 200000 / 100.0) * 0.7, 2), 5 + (n * 7919) %% 200000 / 100.0,
					  case when n %% 97 = 0 then 'END_OF_LIFE' else 'ACTIVE' end,
					  case when lots then 730 end,
					  case when n %% 5 = 0 and not service then 20 end, case when n %% 5 = 0 and not service then 400 end,
					  case when lots then 'LOT' else 'NONE' end,
					  concat_ws(' ', code_folded,
					    case when n %% 40 = 7 then persian_folded else turkish_folded end,
					    case when n %% 40 = 7 then turkish_folded when n %% 10 = 0 then persian_folded end,
					    brand_folded),
					  now() - (%1$d - n) * interval '1 minute', now(), 'bench'
					from bench_name order by n""".formatted(size.products()));
			statement.execute("""
					create temp table bench_product on commit drop as
					select b.n, p.id, p.unit, b.lots, p.sale_price from bench_name b join product p on p.code = b.code and p.created_by = 'bench'""");
			statement.execute("alter table bench_product add primary key (n)");
			statement.execute("analyze bench_product");
		}
	}

	/**
	 * Customer classes and lists for the first {@value #PRICED_CUSTOMERS} sample accounts, and the price lists: two
	 * for everyone (one with product, quantity-tier and category rules, a running campaign for two categories), an
	 * expired and an inactive one that must never apply, one per class, and twenty negotiated ones given to
	 * accounts (by assignment, or as the account's own list).
	 */
	private static void prices(Connection connection, Size size, long firstCustomer, long lastCustomer) throws SQLException {
		long pool = Math.min(PRICED_CUSTOMERS, lastCustomer - firstCustomer + 1);
		try (var statement = connection.createStatement()) {
			statement.execute("""
					insert into price_list (name, currency, active, valid_from, valid_to, notes) values
					  ('Genel Fiyat Listesi 2026', 'TRY', true, null, null, 'bench'),
					  ('Kış Kampanyası', 'TRY', true, current_date - 30, current_date + 60, 'bench'),
					  ('Fiyat Listesi 2024', 'TRY', true, date '2024-01-01', date '2024-12-31', 'bench'),
					  ('Eski Bayi Listesi', 'TRY', false, null, null, 'bench'),
					  ('Bayi Fiyat Listesi', 'TRY', true, null, null, 'bench'),
					  ('Ana Bayi Fiyat Listesi', 'TRY', true, null, null, 'bench'),
					  ('Kurumsal Fiyat Listesi', 'TRY', true, current_date - 365, null, 'bench')""");
			statement.execute("""
					insert into price_list (name, currency, notes)
					select 'Özel Fiyat Listesi ' || lpad(i::text, 2, '0'), 'TRY', 'bench' from generate_series(1, %d) as i"""
				.formatted(CUSTOMER_LISTS));
			statement.execute("""
					create temp table bench_list on commit drop as
					select id, name, case when name like 'Özel Fiyat Listesi %' then substring(name from 20)::int - 1 end as special
					from price_list where notes = 'bench'""");
			statement.execute("""
					insert into price_list_class (price_list, customer_class)
					select l.id, k.id from bench_list l join customer_class k on k.name = case l.name
					  when 'Bayi Fiyat Listesi' then 'Bayi' when 'Ana Bayi Fiyat Listesi' then 'Ana Bayi'
					  when 'Kurumsal Fiyat Listesi' then 'Kurumsal' when 'Eski Bayi Listesi' then 'Bayi' end""");
			// Rules for everyone: a price for one product in twenty, quantity tiers for one in a hundred, percentages off
			// for categories (a group's applies to its sub-categories), a campaign for two categories for a month. No
			// rule for every product: the goods it leaves out get their class's discount, or the sale price.
			statement.execute("""
					insert into price_rule (price_list, product, category, type, value, min_quantity, valid_from, valid_to)
					select (select id from bench_list where name = 'Genel Fiyat Listesi 2026'), p.id, null::bigint, 'FIXED', round(p.sale_price * 0.95, 2), 0,
					  null::date, null::date
					from bench_product p where p.n % 20 = 1
					union all
					select (select id from bench_list where name = 'Genel Fiyat Listesi 2026'), p.id, null, 'FIXED', round(p.sale_price * t.factor, 2), t.quantity, null, null
					from bench_product p, (values (10, 0.92), (100, 0.88)) as t (quantity, factor) where p.n % 100 = 2
					union all
					select (select id from bench_list where name = 'Genel Fiyat Listesi 2026'), null, s.category, 'PERCENT_OFF', 5, 0, null, null
					from bench_sub s where s.code in ('KBL', 'BRU', 'VID')
					union all
					select (select id from bench_list where name = 'Genel Fiyat Listesi 2026'), null, s.group_category, 'PERCENT_OFF', 7, 0, null, null
					from (select distinct group_category from bench_sub where group_code = 'TMZ') s
					union all
					select (select id from bench_list where name = 'Kış Kampanyası'), null, s.category, 'PERCENT_OFF', 10, 0, current_date - 10, current_date + 20
					from bench_sub s where s.code in ('SUL', 'BAL')
					union all
					select (select id from bench_list where name = 'Fiyat Listesi 2024'), null, null, 'FIXED', 1, 0, null, null
					union all
					select (select id from bench_list where name = 'Eski Bayi Listesi'), null, null, 'PERCENT_OFF', 90, 0, null, null""");
			// Rules for the classes.
			statement.execute("""
					insert into price_rule (price_list, product, category, type, value, min_quantity)
					select (select id from bench_list where name = 'Bayi Fiyat Listesi'), null::bigint, null::bigint, 'PERCENT_OFF', 12, 0
					union all
					select (select id from bench_list where name = 'Bayi Fiyat Listesi'), null, c.group_category, 'PERCENT_OFF', v.off, 0
					from (select distinct group_code, group_category from bench_sub) c join (values ('ELK', 15), ('HRD', 14)) as v (code, off) on v.code = c.group_code
					union all
					select (select id from bench_list where name = 'Bayi Fiyat Listesi'), p.id, null, 'FIXED', round(p.sale_price * 0.8, 2), 0
					from bench_product p where p.n % 50 = 3
					union all
					select (select id from bench_list where name = 'Ana Bayi Fiyat Listesi'), null, null, 'PERCENT_OFF', t.off, t.quantity
					from (values (0, 18), (50, 22)) as t (quantity, off)
					union all
					select (select id from bench_list where name = 'Ana Bayi Fiyat Listesi'), p.id, null, 'FIXED', round(p.sale_price * 0.75, 2), 0
					from bench_product p where p.n % 100 = 4
					union all
					select (select id from bench_list where name = 'Kurumsal Fiyat Listesi'), null, s.category, 'PERCENT_OFF', 10, 0
					from bench_sub s where s.code in ('PRZ', 'SGT', 'LED', 'ARM', 'MNT', 'BKM')""");
			// Negotiated lists: one product in 200 each (a different one per list) at its own price, 8% off the rest.
			statement.execute("""
					insert into price_rule (price_list, product, category, type, value, min_quantity)
					select l.id, p.id, null::bigint, 'FIXED', round(p.sale_price * (0.7 + l.special / 100.0), 2), 0
					from bench_list l join bench_product p on p.n % 200 = 5 + l.special
					union all
					select l.id, null, null, 'PERCENT_OFF', 8, 0 from bench_list l where l.special is not null""");
			// The accounts: classes, negotiated lists by assignment and as the account's own list.
			statement.execute("""
					update customer c set customer_class = k.id
					from customer_class k
					where c.id between %1$d and %1$d + %2$d - 1 and k.name = case (c.id - %1$d) %% 10
					  when 0 then 'Bayi' when 1 then 'Bayi' when 2 then 'Bayi' when 3 then 'Ana Bayi' when 4 then 'Kurumsal'
					  when 5 then 'Perakende' end""".formatted(firstCustomer, pool));
			statement.execute("""
					insert into price_list_customer (price_list, customer)
					select l.id, c.id from customer c join bench_list l on l.special = (c.id - %1$d) / 20 %% %3$d
					where c.id between %1$d and %1$d + %2$d - 1 and (c.id - %1$d) %% 20 = 7""".formatted(firstCustomer, pool,
					CUSTOMER_LISTS));
			statement.execute("""
					update customer c set price_list = l.id from bench_list l
					where c.id between %1$d and %1$d + %2$d - 1 and (c.id - %1$d) %% 50 = 9 and l.special = (c.id - %1$d) / 50 %% %3$d"""
				.formatted(firstCustomer, pool, CUSTOMER_LISTS));
		}
	}

	/**
	 * The ledger: first an opening receipt of every good in every warehouse (ten products a move), then two years of
	 * moves: 45% receipts, 40% issues (to sample accounts), 10% transfers, 5% adjustments, each of ten products.
	 * Goods tracked by lot receive into the month's lot and are taken from the opening lot, which no outflow can
	 * empty: an opening receipt holds 1,000 to 1,999 and a product and warehouse sees about twenty lines.
	 */
	private static void moves(Connection connection, Size size, long firstCustomer, long lastCustomer) throws SQLException {
		long moves = size.moves();
		long opening = size.goods() * (long) WAREHOUSES / LINES_PER_MOVE;
		long perWarehouse = size.goods() / LINES_PER_MOVE;
		long customers = lastCustomer - firstCustomer + 1;
		try (var statement = connection.createStatement()) {
			// Per move: its type (t in 0…99), its warehouse, its date; the same expressions serve the lines below.
			statement.execute("""
					create temp table bench_move_plan on commit drop as
					select m, case when m < %2$d then 'RECEIPT' when t < 45 then 'RECEIPT' when t < 85 then 'ISSUE'
					                when t < 95 then 'TRANSFER' else 'ADJUSTMENT' end as type,
					  case when m < %2$d then m / %3$d else w end as w, case when t >= 85 and t < 95 and m >= %2$d then (w + 1 + (h / 500) %% 4) %% 5 end as to_w,
					  current_date - 730 + (730 * m / %1$d)::int as day, h, h2
					from generate_series(0::bigint, %1$d - 1) as m,
					  lateral (select hashint8extended(m, 1) & 2147483647 as h, hashint8extended(m, 2) & 2147483647 as h2) as r,
					  lateral (select h %% 100 as t, (h / 100) %% 5 as w) as x""".formatted(moves, opening, perWarehouse));
			statement.execute("alter table bench_move_plan add primary key (m)");
			long start = System.nanoTime();
			statement.execute("""
					insert into stock_move (number, type, warehouse, to_warehouse, reason, reference, customer, moved_at, created_by)
					select 'SM-BENCH-' || lpad(m::text, 8, '0'), type, w.id, t.id,
					  case type when 'ADJUSTMENT' then (array['Sayım farkı', 'Hasarlı ürün', 'Fire'])[1 + h %% 3]
					            when 'RECEIPT' then case when m < %2$d then 'Açılış stoku' end end,
					  case type when 'RECEIPT' then 'Alış faturası ' || (100000 + m) when 'ISSUE' then 'İrsaliye ' || (200000 + m)
					            when 'TRANSFER' then 'Transfer ' || (300000 + m) end,
					  case when type = 'ISSUE' then %3$d + (h * 7919) %% %4$d end,
					  day + time '08:00' + (h %% 600) * interval '1 minute', 'bench'
					from bench_move_plan p join bench_warehouse w on w.n = p.w left join bench_warehouse t on t.n = p.to_w
					order by m""".formatted(moves, opening, firstCustomer, customers));
			statement.execute("""
					create temp table bench_move on commit drop as
					select substring(number from 10)::bigint as m, id from stock_move where number like 'SM-BENCH-%'""");
			statement.execute("alter table bench_move add primary key (m)");
			statement.execute("analyze bench_move");
			statement.execute("analyze bench_move_plan");
			System.out.printf("  %,d stock moves in %.0f s%n", moves, (System.nanoTime() - start) / 1e9);
			String openingLot = "'LOT-' || to_char(current_date - 730, 'YYYY-MM')";
			for (long from = 0; from < size.lines(); from += CHUNK) {
				long to = Math.min(size.lines(), from + CHUNK);
				long chunk = System.nanoTime();
				// Line j is line j % 10 of move j / 10. Opening: product (m % perWarehouse) * 10 + k; later: ten
				// products G/10 apart from a random one.
				statement.execute("""
						insert into stock_move_line (move, product, quantity, unit, base_quantity, lot, expiry)
						select bm.id, p.id, q.quantity, p.unit, q.quantity, lot.lot,
						  case when p.lots then to_date(substring(lot.lot from 5), 'YYYY-MM') + 730 end
						from generate_series(%1$d::bigint, %2$d - 1) as j
						join bench_move_plan mp on mp.m = j / 10
						join bench_move bm on bm.m = mp.m
						join bench_product p on p.n = case when mp.m < %3$d then (mp.m %% %4$d) * 10 + j %% 10
						                                  else (mp.h2 + (j %% 10) * %5$d) %% %6$d end,
						  lateral (select hashint8extended(j, 3) & 2147483647 as h) as r,
						  lateral (select case when mp.m < %3$d then 1000 + (p.n * 7 + mp.w * 13) %% 1000
						                       when mp.type = 'RECEIPT' then 10 + r.h %% 91
						                       when mp.type = 'ISSUE' then -(1 + r.h %% 10)
						                       when mp.type = 'TRANSFER' then 1 + r.h %% 5
						                       else (1 + r.h %% 3) * (case when r.h / 3 %% 2 = 0 then 1 else -1 end) end as quantity) as q,
						  lateral (select case when not p.lots then ''
						                       when mp.type = 'RECEIPT' and mp.m >= %3$d then 'LOT-' || to_char(mp.day, 'YYYY-MM')
						                       else %7$s end as lot) as lot
						order by p.id, bm.id""".formatted(from, to, opening, perWarehouse, size.goods() / LINES_PER_MOVE,
						size.goods(), openingLot));
				System.out.printf("  lines %,d to %,d in %.0f s%n", from + 1, to, (System.nanoTime() - chunk) / 1e9);
			}
		}
	}

	/**
	 * The figures the ledger keeps, summed from its lines: per lot (a transfer takes from its warehouse and puts into
	 * the other, an issue's line is negative already), and per product and warehouse the sum of the lots. The first
	 * expiry a lot was received with stays, as {@code StockBalances.add} keeps it; a lot's lines all have the same.
	 */
	private static void balances(Connection connection) throws SQLException {
		long start = System.nanoTime();
		try (var statement = connection.createStatement()) {
			statement.execute("""
					insert into stock_lot_balance (product, warehouse, lot, expiry, on_hand)
					select l.product, x.warehouse, l.lot, min(l.expiry), sum(x.quantity)
					from stock_move_line l join stock_move m on m.id = l.move
					cross join lateral (values (m.warehouse, case when m.type = 'TRANSFER' then -l.base_quantity else l.base_quantity end),
					                           (m.to_warehouse, l.base_quantity)) as x (warehouse, quantity)
					where m.number like 'SM-BENCH-%' and x.warehouse is not null
					group by l.product, x.warehouse, l.lot""");
			statement.execute("""
					insert into stock_level (product, warehouse, on_hand)
					select product, warehouse, sum(on_hand) from stock_lot_balance
					where product in (select id from bench_product) group by product, warehouse""");
		}
		System.out.printf("  lot balances and stock levels in %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	/**
	 * Every product's search text against what the application writes ({@code Products.refreshSearchText}): code,
	 * name, the names in other languages, brand, model, manufacturer code and barcodes, folded with
	 * {@link SearchText#fold}. The load fails when one differs.
	 */
	private static void checkSearchText(Connection connection) throws SQLException {
		var json = JsonMapper.builder().build();
		long checked = 0;
		var differing = new ArrayList<String>();
		try (var statement = connection.createStatement()) {
			statement.setFetchSize(10_000);
			var rs = statement.executeQuery("""
					select p.code, p.name, p.translations::text, coalesce(p.brand, ''), coalesce(p.model, ''),
					  coalesce(p.manufacturer_code, ''), array_to_string(array(select barcode from product_barcode where product = p.id), ' '),
					  p.search_text
					from product p where p.created_by = 'bench'""");
			while (rs.next()) {
				var parts = new ArrayList<String>();
				parts.add(rs.getString(1));
				parts.add(rs.getString(2));
				@SuppressWarnings("unchecked")
				Map<String, String> names = new LinkedHashMap<String, String>(json.readValue(rs.getString(3), Map.class));
				parts.addAll(names.values());
				for (int column = 4; column <= 7; column++) {
					parts.add(rs.getString(column));
				}
				String expected = searchText(parts);
				checked++;
				if (!expected.equals(rs.getString(8)) && differing.size() < 5) {
					differing.add(rs.getString(1) + ": stored \"" + rs.getString(8) + "\", the application writes \"" + expected + "\"");
				}
			}
		}
		if (!differing.isEmpty()) {
			throw new IllegalStateException("Search text differs from the application's: " + String.join("; ", differing));
		}
		System.out.printf("  search text of all %,d products equals the application's folding%n", checked);
	}

	/** {@code Products.searchText}: the parts joined, folded, spaces collapsed. */
	static String searchText(List<String> parts) {
		return SearchText.fold(String.join(" ", parts)).replaceAll("\\s+", " ").strip();
	}

	/** A sample of products: the stock levels and lot balances equal the sums of their ledger lines. */
	private static void checkLedger(Connection connection) throws SQLException {
		try (var statement = connection.createStatement()) {
			var rs = statement.executeQuery("""
					with sample as (select id from bench_product where n %% 97 = 0),
					ledger as (
					    select l.product, x.warehouse, l.lot, sum(x.quantity) as on_hand
					    from stock_move_line l join stock_move m on m.id = l.move
					    cross join lateral (values (m.warehouse, case when m.type = 'TRANSFER' then -l.base_quantity else l.base_quantity end),
					                               (m.to_warehouse, l.base_quantity)) as x (warehouse, quantity)
					    where l.product in (select id from sample) and x.warehouse is not null
					    group by l.product, x.warehouse, l.lot),
					levels as (select product, warehouse, sum(on_hand) as on_hand from ledger group by product, warehouse)
					select (select count(*) from levels),
					  (select count(*) from levels v full join (select * from stock_level where product in (select id from sample)) s
					     using (product, warehouse) where v.on_hand is distinct from s.on_hand),
					  (select count(*) from ledger v full join (select * from stock_lot_balance where product in (select id from sample)) s
					     using (product, warehouse, lot) where v.on_hand is distinct from s.on_hand),
					  (select min(on_hand) from stock_level where product in (select id from bench_product))""".formatted());
			rs.next();
			if (rs.getLong(2) != 0 || rs.getLong(3) != 0) {
				throw new IllegalStateException("Stock figures differ from the ledger: " + rs.getLong(2) + " levels, " + rs.getLong(3)
						+ " lot balances");
			}
			System.out.printf("  ledger check: %,d product/warehouse pairs sampled, levels and lots equal the ledger; least on hand %s%n",
					rs.getLong(1), rs.getBigDecimal(4).stripTrailingZeros().toPlainString());
		}
	}

	/**
	 * Deletes the reservations benchmark runs made, giving the quantity still reserved back to the stock levels as a
	 * release does; answers how many there were.
	 */
	public static int forgetReservations(Connection connection) throws SQLException {
		try (var statement = connection.prepareStatement("""
				with gone as (delete from stock_reservation where reference like ? returning product, warehouse, quantity, status),
				     held as (select product, warehouse, sum(quantity) as quantity from gone where status = 'ACTIVE' group by product, warehouse),
				     levels as (update stock_level s set reserved = s.reserved - h.quantity, updated_at = now() from held h
				                where s.product = h.product and s.warehouse = h.warehouse)
				select count(*) from gone""")) {
			statement.setString(1, RESERVATION_PREFIX + "%");
			var rs = statement.executeQuery();
			rs.next();
			return rs.getInt(1);
		}
	}
}
