package dev.kervan.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kervan.customers.internal.CustomerBenchData;
import dev.kervan.customers.internal.SampleAccounts;
import dev.kervan.inventory.InventoryBenchData;
import dev.kervan.pipeline.PipelineBenchData;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * {@code ./kervan bench [--scale N]}: loads N sample customers (once per scale) into a data directory of its
 * own, starts Kervan with at most 1 GB of heap, and measures each case over real HTTP against a plain-SQL
 * baseline where one exists. Results: a table on the console and {@code target/bench/results.json}.
 */
public final class Bench {

	/** A request that takes longer means Kervan hangs: the run stops and says so instead of waiting forever. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private final List<Stats> results = new ArrayList<>();
	private final long scale;
	private final List<String> cases;
	private App app;
	private Connection database;
	private String token;
	private long firstId;
	private long lastId;

	private Bench(long scale, List<String> cases) {
		this.scale = scale;
		this.cases = cases;
	}

	public static void main(String[] args) throws Exception {
		long scale = 100_000;
		Path jar = Path.of("target", "kervan.jar");
		List<String> cases = List.of();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--scale" -> scale = Long.parseLong(args[++i].replace("_", ""));
				case "--jar" -> jar = Path.of(args[++i]);
				case "--cases" -> cases = List.of(args[++i].split(","));
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ "; use --scale N and --cases search,page,api,pipeline,import,inventory");
			}
		}
		new Bench(scale, cases).run(jar);
	}

	private void run(Path jar) throws Exception {
		Path folder = Files.createDirectories(Path.of("target", "bench"));
		Path data = folder.resolve("data-" + scale);
		boolean fresh = !Files.exists(data.resolve("loaded"));
		if (fresh && Files.exists(data)) {
			try (var walk = Files.walk(data)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		long started = System.nanoTime();
		try (App running = App.start(jar, data, folder.resolve("app.log"))) {
			app = running;
			database = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + app.databasePort() + "/kervan", "postgres", app.databasePassword());
			if (fresh) {
				System.out.printf("Loading %,d customers with contacts and addresses…%n", scale);
				long load = System.nanoTime();
				CustomerBenchData.load(database, scale);
				Files.writeString(data.resolve("loaded"), String.valueOf(scale));
				System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - load) / 1e9);
			}
			database.setAutoCommit(true);
			try (var rs = database.createStatement().executeQuery(
					"select min(id), max(id) from customer where external_ref like 'bench-%'")) {
				rs.next();
				firstId = rs.getLong(1);
				lastId = rs.getLong(2);
			}
			forgetEarlierRuns();
			if (runs("pipeline") && !Files.exists(data.resolve("pipeline-loaded"))) {
				System.out.printf("Loading %,d opportunities and %,d activities…%n", OPPORTUNITIES, ACTIVITIES);
				long load = System.nanoTime();
				PipelineBenchData.load(database, firstId, lastId, OPPORTUNITIES, ACTIVITIES);
				Files.writeString(data.resolve("pipeline-loaded"), OPPORTUNITIES + " " + ACTIVITIES);
				System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - load) / 1e9);
			}
			var size = InventoryBenchData.Size.of(scale);
			Path inventoryLoaded = data.resolve("inventory-loaded");
			// The marker names what was loaded: another size (or an interrupted load, which leaves none) loads again.
			if (runs("inventory") && !(Files.exists(inventoryLoaded)
					&& Files.readString(inventoryLoaded).equals(size.products() + " " + size.lines()))) {
				System.out.printf("Loading %,d products, %d warehouses, %,d stock moves of %,d lines and price lists…%n",
						size.products(), InventoryBenchData.WAREHOUSES, size.moves(), size.lines());
				long load = System.nanoTime();
				InventoryBenchData.load(database, firstId, lastId, size);
				Files.writeString(inventoryLoaded, size.products() + " " + size.lines());
				System.out.printf("Loaded in %.0f s%n", (System.nanoTime() - load) / 1e9);
			}
			token = token();
			logIn();
			System.out.printf("Kervan at rest after loading: %d MB resident%n", app.residentMegabytes());
			customerCases();
			System.out.printf("Kervan after the run: %d MB resident%n", app.residentMegabytes());
		}
		finally {
			if (database != null) {
				database.close();
			}
		}
		report(folder.resolve("results.json"), (System.nanoTime() - started) / 1e9);
	}

	/**
	 * Deletes the accounts earlier runs created and imported, so that every run measures the scale asked for
	 * and not a table that grows with each run.
	 */
	private void forgetEarlierRuns() throws Exception {
		try (var statement = database.prepareStatement("""
				with gone as (select id from customer where id > ?),
				     addresses as (delete from customer_address where customer in (select id from gone)),
				     contacts as (delete from customer_contact where customer in (select id from gone)),
				     branches as (delete from customer_branch where customer in (select id from gone)),
				     banks as (delete from customer_bank_account where customer in (select id from gone)),
				     cards as (delete from customer_payment_card where customer in (select id from gone)),
				     notes as (delete from customer_note where customer in (select id from gone)),
				     agreements as (delete from customer_agreement where customer in (select id from gone)),
				     relations as (delete from customer_relation where customer in (select id from gone) or related in (select id from gone))
				delete from customer where id in (select id from gone)""")) {
			statement.setLong(1, lastId);
			int deleted = statement.executeUpdate();
			if (deleted > 0) {
				System.out.printf("Deleted %,d accounts earlier runs created%n", deleted);
				database.createStatement().execute("vacuum analyze customer");
			}
		}
		int reservations = InventoryBenchData.forgetReservations(database);
		if (reservations > 0) {
			System.out.printf("Deleted %,d reservations earlier runs made%n", reservations);
		}
	}

	// --- the customer cases -----------------------------------------------------------------------------------------

	private void customerCases() throws Exception {
		var random = new SplittableRandom(2026);
		int samples = 512;
		List<String> names = new ArrayList<>();
		List<String> typos = new ArrayList<>();
		List<String> phones = new ArrayList<>();
		List<String> taxes = new ArrayList<>();
		List<String> persian = new ArrayList<>();
		while (names.size() < samples || persian.size() < samples) {
			var sample = SampleAccounts.of(random.nextLong(scale));
			String[] words = sample.name().split(" ");
			String query = words[0] + " " + words[1];
			if (sample.country().equals("IR")) {
				if (persian.size() < samples) {
					persian.add(query);
				}
				continue;
			}
			if (names.size() >= samples) {
				continue;
			}
			names.add(query);
			String second = SearchText.fold(words[1]);
			typos.add(SearchText.fold(words[0]) + " " + (second.length() > 4 ? second.substring(0, 2) + second.substring(3) : second));
			String national = PhoneNumbers.display(sample.phone()).replace("+90 ", "0");
			phones.add(national);
			taxes.add(sample.taxNumber());
		}
		if (runs("search")) {
			// Latency targets are for one person searching; one case shows the same search under concurrent use.
			searchCase("search: name (\"yilmaz gida\")", names, names, "search_text", 1);
			searchCase("search: name (\"yilmaz gida\")", names, names, "search_text", 4);
			// Against finding the name as meant, so the column shows what forgiving the typo costs.
			searchCase("search: misspelt name", typos, names, "search_text", 1);
			searchCase("search: phone in national format", phones, phones, "search_digits", 1);
			searchCase("search: tax number", taxes, taxes, "search_digits", 1);
			searchCase("search: persian name", persian, persian, "search_text", 1);
			globalSearchCase(names, persian);
		}
		if (runs("page")) {
			pageCases();
		}
		if (runs("api")) {
			apiCases();
		}
		if (runs("pipeline")) {
			pipelineCases();
		}
		if (runs("inventory")) {
			inventoryCases();
		}
		if (runs("import")) {
			importCase((int) Math.min(100_000, Math.max(10_000, scale / 10)));
		}
	}

	private void pageCases() throws Exception {
		var random = new SplittableRandom(7);
		var pages = new ArrayList<String>();
		for (int i = 0; i < 20_000; i++) {
			pages.add("/customers/" + (firstId + random.nextLong(lastId - firstId + 1)));
		}
		measureGets("customer page (HTML, 1 client)", pages, false, 1, 1000, null);
		measureGets("customer page (HTML, 4 clients)", pages, false, 4, 1000, null);
		measureGets("list page with filters (HTML, 1 client)", List.of("/customers?status=ACTIVE&tag=vip",
				"/customers?role=SUPPLIER&sort=newest", "/customers?status=POTENTIAL&kind=PERSON", "/customers?tag=ihracat"),
				false, 1, 500, null);
	}

	private void apiCases() throws Exception {
		var ids = new ArrayList<String>();
		for (int i = 0; i < 20_000; i++) {
			ids.add("/api/v1/customers/" + (firstId + i * 7919L % (lastId - firstId + 1)));
		}
		Double getBaseline = sqlRate(16, 20_000, "select * from customer where id = ?",
				(statement, i) -> statement.setLong(1, firstId + i * 7919L % (lastId - firstId + 1)));
		// A minute of warm-up: until then the JIT, compiling on the same two cores, holds the rate down.
		measureGets("GET /api/v1/customers/{id} (16 clients)", ids, true, 16, 20_000, getBaseline, 60);

		var counter = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);
		var createRun = Load.run(500, 2000, 4, i -> api("POST", "/api/v1/customers", """
				{"kind":"COMPANY","name":"Bench %1$d Ticaret A.Ş.","country":"TR","taxNumber":"%2$d","email":"b%1$d@example.com","phone":"0212 555 %3$02d %4$02d","tags":["bench"]}"""
			.formatted(i, 9_000_000_000L + counter.incrementAndGet(), i % 100, (i / 100) % 100)));
		Double createBaseline = sqlRate(4, 1000, """
				insert into customer (kind, name, country, tax_number, search_text, sort_name) values ('COMPANY', ?, 'TR', ?, ?, ?)""",
				(statement, i) -> {
					statement.setString(1, "Baseline " + i);
					statement.setString(2, String.valueOf(8_000_000_000L + counter.incrementAndGet()));
					statement.setString(3, "baseline " + i);
					statement.setString(4, "baseline " + i);
				});
		record(Stats.of("create (POST, 4 clients)", createRun.nanos(), createRun.seconds(), createBaseline, null));

		var updateRun = Load.run(500, 2000, 4, i -> api("PATCH", "/api/v1/customers/" + (firstId + i * 104729L % (lastId - firstId + 1)),
				"{\"website\":\"https://bench" + i + ".example.com\"}"));
		Double updateBaseline = sqlRate(4, 1000, "update customer set website = ?, version = version + 1 where id = ?",
				(statement, i) -> {
					statement.setString(1, "https://baseline" + i + ".example.com");
					statement.setLong(2, firstId + i * 15485863L % (lastId - firstId + 1));
				});
		record(Stats.of("update (PATCH, 4 clients)", updateRun.nanos(), updateRun.seconds(), updateBaseline, null));
	}

	// --- the pipeline cases -----------------------------------------------------------------------------------------

	private static final int OPPORTUNITIES = 100_000;
	private static final int ACTIVITIES = 500_000;

	/** The board of a team with 100,000 open opportunities, a card's move, and a salesperson's day among 500,000 activities. */
	private void pipelineCases() throws Exception {
		long team;
		long firstOpportunity;
		var stages = new ArrayList<Long>();
		try (var statement = database.createStatement()) {
			var rs = statement.executeQuery("select id from sales_team where name = 'Bench team'");
			rs.next();
			team = rs.getLong(1);
			rs = statement.executeQuery("select id from pipeline_stage where team = " + team + " and not won order by sequence");
			while (rs.next()) {
				stages.add(rs.getLong(1));
			}
			rs = statement.executeQuery("select min(id) from opportunity where created_by = 'bench'");
			rs.next();
			firstOpportunity = rs.getLong(1);
		}
		measureGets("pipeline board, 100k open (HTML, 1 client)", List.of("/pipeline?teamId=" + team), false, 1, 300, null);
		var moveRun = Load.run(500, 2000, 1, i -> api("POST", "/api/v1/opportunities/" + (firstOpportunity + (i * 7919L) % OPPORTUNITIES)
				+ "/move", "{\"stageId\":" + stages.get(i % stages.size()) + "}"));
		Double moveBaseline = sqlRate(1, 1000, "update opportunity set stage = ?, rank = rank + 1, version = version + 1 where id = ?",
				(statement, i) -> {
					statement.setLong(1, stages.get(i % stages.size()));
					statement.setLong(2, firstOpportunity + (i * 104729L) % OPPORTUNITIES);
				});
		record(Stats.of("card move (POST, 1 client)", moveRun.nanos(), moveRun.seconds(), moveBaseline, null));
		measureGets("my day among 500k activities (HTML, 1 client)", List.of("/activities/today"), false, 1, 300, null);
	}

	// --- the inventory cases ----------------------------------------------------------------------------------------

	/**
	 * What a case is held to: a p95 or a rate. The verdict goes into the case's note (and so into results.json),
	 * beside the other figures.
	 */
	private record Target(String text, java.util.function.Predicate<Stats> met) {

		static Target p95(double millis) {
			return new Target(String.format(Locale.ROOT, "p95 <= %.0f ms", millis), stats -> stats.p95() <= millis);
		}

		static Target perSecond(double rate) {
			return new Target(String.format(Locale.ROOT, ">= %.0f/s", rate), stats -> stats.throughput() >= rate);
		}

		static Stats judge(@Nullable Target target, Stats stats) {
			if (target == null) {
				return stats;
			}
			String verdict = "target " + target.text() + (target.met().test(stats) ? ": met" : ": MISSED");
			return new Stats(stats.name(), stats.requests(), stats.p50(), stats.p95(), stats.p99(), stats.throughput(),
					stats.baseline(), stats.note() == null ? verdict : stats.note() + "; " + verdict);
		}
	}

	/**
	 * A wholesaler's catalog and two years of its stock ledger (see {@link InventoryBenchData}): a product's stock in
	 * a warehouse, a customer's price, reservations from many clients (and no overselling), and product search.
	 */
	private void inventoryCases() throws Exception {
		var random = new SplittableRandom(2611);
		List<Long> goods = ids("select id from product where created_by = 'bench' and kind = 'GOOD' order by id");
		List<Long> products = ids("select id from product where created_by = 'bench' order by id");
		List<Long> warehouses = ids("select id from warehouse w where exists (select 1 from stock_level s where s.warehouse = w.id) order by id");
		long pricedCustomers = Math.min(InventoryBenchData.PRICED_CUSTOMERS, lastId - firstId + 1);

		var levels = new ArrayList<String>();
		var levelKeys = new ArrayList<long[]>();
		for (int i = 0; i < 2000; i++) {
			long product = goods.get(random.nextInt(goods.size()));
			long warehouse = warehouses.get(random.nextInt(warehouses.size()));
			levels.add("/api/v1/stock-levels?productId=" + product + "&warehouseId=" + warehouse);
			levelKeys.add(new long[] { product, warehouse });
		}
		Double levelBaseline = sqlRate(1, 2000, "select on_hand, reserved, incoming from stock_level where product = ? and warehouse = ?",
				(statement, i) -> {
					statement.setLong(1, levelKeys.get(i % levelKeys.size())[0]);
					statement.setLong(2, levelKeys.get(i % levelKeys.size())[1]);
				});
		measureGets("stock level of a product in a warehouse (1 client)", levels, true, 1, 2000, levelBaseline, 10,
				Target.p95(20));

		String[] quantities = { "1", "1", "1", "2", "5", "12", "60", "150" };
		var prices = new ArrayList<String>();
		for (int i = 0; i < 2000; i++) {
			prices.add("/api/v1/prices?productId=" + products.get(random.nextInt(products.size())) + "&customerId="
					+ (firstId + random.nextLong(pricedCustomers)) + "&quantity=" + quantities[random.nextInt(quantities.length)]);
		}
		System.out.println(priceSources(prices.subList(0, 300)));
		measureGets("price for a customer and quantity (1 client)", prices, true, 1, 2000, null, 10, Target.p95(10));

		reservationCases(goods, warehouses, random);

		var words = InventoryBenchData.searchWords();
		List<String> codes = new ArrayList<>();
		for (String code : strings("select code from product where created_by = 'bench' order by id")) {
			// What people type of a code: its group and category, or the first digits of its number too.
			codes.add(codes.size() % 3 == 0 ? code.substring(0, 7) : code.substring(0, code.length() - 2 - codes.size() % 2));
		}
		java.util.Collections.shuffle(codes, new java.util.Random(7));
		productSearchCase("product search: name word", words.names());
		productSearchCase("product search: code prefix", codes.subList(0, Math.min(500, codes.size())));
		productSearchCase("product search: typed without accents", words.unaccented());
	}

	/** Where a sample of the prices came from, as a line to print: shows the data reaches every kind of rule. */
	private String priceSources(List<String> paths) {
		var sources = new java.util.TreeMap<String, Integer>();
		for (String path : paths) {
			var response = apiCall("GET", path, null);
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			Matcher source = Pattern.compile("\"source\":\"(\\w+)\"").matcher(response.body());
			Matcher list = Pattern.compile("\"priceListName\":\"([^\"]+)\"").matcher(response.body());
			String key = source.find() ? source.group(1) : "?";
			if (list.find()) {
				// The twenty negotiated lists (…Listesi 01 to 20) as one.
				key += " " + list.group(1).replaceAll(" \\d{2}$", " nn");
			}
			sources.merge(key, 1, Integer::sum);
		}
		return "Prices of " + paths.size() + " samples by source: " + sources;
	}

	/**
	 * Reservations of one unit each from 16 clients across 20,000 product and warehouse pairs with stock; then 8
	 * clients asking 400 times for four products that have 25 units left each, of which exactly 100 must be
	 * reserved. Afterwards the stock levels are checked against the reservations (no oversell), and the
	 * reservations are released and deleted so that the next run starts from the same stock.
	 */
	private void reservationCases(List<Long> goods, List<Long> warehouses, SplittableRandom random) throws Exception {
		String name = "reservation (POST, 16 clients)";
		var paths = new ArrayList<String>();
		var bodies = new ArrayList<String>();
		for (int i = 0; i < 20_000; i++) {
			paths.add("/api/v1/reservations");
			bodies.add(reservation(goods.get(random.nextInt(goods.size())), warehouses.get(random.nextInt(warehouses.size())), 1,
					InventoryBenchData.RESERVATION_PREFIX + i));
		}
		Stats measured = Wrk.available()
				? Wrk.post(name, app.base(), paths, bodies, "Authorization", "Bearer " + token, 16, 10, 15)
				: null;
		if (measured == null) {
			var run = Load.run(1000, 5000, 16, i -> api("POST", "/api/v1/reservations", bodies.get(i % bodies.size())));
			measured = Stats.of(name, run.nanos(), run.seconds(), null, "Java driver");
		}
		record(Target.judge(Target.perSecond(500), measured));

		// Four products nearly sold out: all but 25 of what is available is held by one reservation each.
		var scarce = new ArrayList<long[]>();
		long warehouse = warehouses.getFirst();
		for (int i = 0; i < 4; i++) {
			long product = goods.get(goods.size() / 5 * i + 1);
			BigDecimal available = decimal("select on_hand - reserved from stock_level where product = " + product
					+ " and warehouse = " + warehouse);
			var hold = apiCall("POST", "/api/v1/reservations", reservation(product, warehouse, available.longValue() - 25,
					InventoryBenchData.RESERVATION_PREFIX + "hold-" + i));
			if (hold.statusCode() != 201) {
				throw new IllegalStateException("Holding stock answered " + hold.statusCode() + ": " + hold.body());
			}
			scarce.add(new long[] { product, warehouse });
		}
		var reserved = new java.util.concurrent.atomic.AtomicInteger();
		var refused = new java.util.concurrent.atomic.AtomicInteger();
		var run = Load.run(0, 400, 8, i -> {
			long[] pair = scarce.get(i % scarce.size());
			var response = apiCall("POST", "/api/v1/reservations", reservation(pair[0], pair[1], 1,
					InventoryBenchData.RESERVATION_PREFIX + "scarce-" + i));
			switch (response.statusCode()) {
				case 201 -> reserved.incrementAndGet();
				case 409 -> refused.incrementAndGet();
				default -> throw new IllegalStateException("Reserving answered " + response.statusCode() + ": " + response.body());
			}
		});
		String oversell = oversellCheck(scarce);
		System.out.println(oversell);
		int expected = 25 * scarce.size();
		String note = String.format(Locale.ROOT, "Java driver; %d reserved, %d refused (409); target exactly %d reserved: %s; %s",
				reserved.get(), refused.get(), expected, reserved.get() == expected ? "met" : "MISSED",
				oversell.startsWith("No oversell") ? "no oversell" : "OVERSELL CHECK FAILED");
		record(Stats.of("reservation, 4 products with 25 left (8 clients)", run.nanos(), run.seconds(), null, note));
		System.out.printf("Released and deleted %,d reservations the run made%n", InventoryBenchData.forgetReservations(database));
	}

	private static String reservation(long product, long warehouse, long quantity, String reference) {
		return "{\"productId\":" + product + ",\"warehouseId\":" + warehouse + ",\"quantity\":\"" + quantity
				+ "\",\"reference\":\"" + reference + "\"}";
	}

	/**
	 * No stock level reserves more than is on hand; for every product and warehouse the run reserved, the reserved
	 * figure equals the sum of the active reservations; the scarce ones are reserved exactly to what is on hand.
	 */
	private String oversellCheck(List<long[]> scarce) throws Exception {
		var pairs = new StringBuilder();
		for (long[] pair : scarce) {
			pairs.append(pairs.isEmpty() ? "" : ", ").append("(").append(pair[0]).append(", ").append(pair[1]).append(")");
		}
		try (var rs = database.createStatement().executeQuery("""
				with touched as (select distinct product, warehouse from stock_reservation where reference like '%1$s%%'),
				     figures as (
				         select s.product, s.warehouse, s.on_hand, s.reserved,
				           (select coalesce(sum(r.quantity), 0) from stock_reservation r
				            where r.product = s.product and r.warehouse = s.warehouse and r.status = 'ACTIVE') as active
				         from stock_level s join touched t using (product, warehouse))
				select (select count(*) from stock_level where reserved > on_hand),
				  (select count(*) from figures), (select count(*) from figures where reserved <> active),
				  (select count(*) from figures where (product, warehouse) in (%2$s) and reserved = on_hand),
				  (select count(*) from stock_reservation where reference like '%1$s%%' and status = 'ACTIVE')""".formatted(
				InventoryBenchData.RESERVATION_PREFIX, pairs))) {
			rs.next();
			long oversold = rs.getLong(1);
			long touched = rs.getLong(2);
			long differing = rs.getLong(3);
			long soldOut = rs.getLong(4);
			String facts = String.format(Locale.ROOT, "%,d active reservations on %,d product/warehouse pairs; %d stock levels "
					+ "reserve more than on hand; %d pairs whose reserved figure differs from their active reservations; %d of %d "
					+ "scarce pairs reserved exactly to on hand", rs.getLong(5), touched, oversold, differing, soldOut, scarce.size());
			return (oversold == 0 && differing == 0 && soldOut == scarce.size() ? "No oversell: " : "OVERSELL CHECK FAILED: ") + facts;
		}
	}

	/** Product search through the API, against the same LIKE straight in PostgreSQL. */
	private void productSearchCase(String name, List<String> queries) throws Exception {
		Double baseline = sqlRate(1, 300, "select id, code from product where search_text like ? order by code, id limit 51",
				(statement, i) -> statement.setString(1,
						"%" + String.join("%", SearchText.fold(queries.get(i % queries.size())).split(" ")) + "%"));
		measureGets(name + " (1 client)", queries.stream()
			.map(query -> "/api/v1/products?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.toList(), true, 1, 1000, baseline, 10, Target.p95(50));
	}

	private List<Long> ids(String sql) throws Exception {
		var ids = new ArrayList<Long>();
		try (var rs = database.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("Nothing found: " + sql);
		}
		return ids;
	}

	private List<String> strings(String sql) throws Exception {
		var values = new ArrayList<String>();
		try (var rs = database.createStatement().executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private BigDecimal decimal(String sql) throws Exception {
		try (var rs = database.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getBigDecimal(1);
		}
	}

	/** Whether a group of cases was asked for ({@code --cases search,page,api,pipeline,inventory,import}; all by default). */
	private boolean runs(String group) {
		return cases.isEmpty() || cases.contains(group);
	}

	/** The baseline looks for the whole folded query (or its digits) in the one column Kervan would search. */
	/** Keeps a case's result and shows it at once, so a long run shows its progress. */
	private void record(Stats stats) {
		if (results.isEmpty()) {
			System.out.println(Stats.header());
		}
		results.add(stats);
		System.out.println(stats.row());
	}

	private void searchCase(String name, List<String> queries, List<String> baselineQueries, String column, int clients)
			throws Exception {
		// Few calls: the baseline of a common Persian word takes a fifth of a second each.
		Double baseline = sqlRate(clients, 150, "select id, name from customer where archived_at is null and " + column
				+ " like ? order by sort_name, id limit 21", (statement, i) -> {
			String query = baselineQueries.get(i % baselineQueries.size());
			statement.setString(1, "%" + (column.equals("search_digits") ? PhoneNumbers.digits(query) : SearchText.fold(query)) + "%");
		});
		measureGets(name + " (" + clients + (clients == 1 ? " client)" : " clients)"), queries.stream()
			.map(query -> "/api/v1/customers?limit=20&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.toList(), true, clients, 1000, baseline, 10, Target.p95(clients == 1 ? 20 : 40));
	}

	/**
	 * The search box in the top bar, as htmx asks it while one types: accounts and contacts, opportunities and leads,
	 * products and serial numbers at once, for the administrator, who sees them all.
	 */
	private void globalSearchCase(List<String> names, List<String> persian) throws Exception {
		var queries = new ArrayList<String>();
		String[] others = { "forklift", "yedek parça", "bakım", "kiralama", "filo", "rulman", "SN-" };
		for (int i = 0; i < names.size(); i++) {
			queries.add(switch (i % 4) {
				case 0, 1 -> names.get(i);
				case 2 -> persian.get(i % persian.size());
				default -> others[i / 4 % others.length];
			});
		}
		measureGets("global search: all kinds (HTML, 1 client)", queries.stream()
			.map(query -> "/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
			.toList(), false, 1, 1000, null, 10, Target.p95(50));
	}

	private void measureGets(String name, List<String> paths, boolean api, int clients, int requests,
			@Nullable Double baseline) throws Exception {
		measureGets(name, paths, api, clients, requests, baseline, 10);
	}

	/** GETs paths in turn; with wrk, after {@code warmupSeconds} of the same load, as the JIT needs it on two cores. */
	private void measureGets(String name, List<String> paths, boolean api, int clients, int requests,
			@Nullable Double baseline, int warmupSeconds) throws Exception {
		measureGets(name, paths, api, clients, requests, baseline, warmupSeconds, null);
	}

	/** The same, judged against a target. */
	private void measureGets(String name, List<String> paths, boolean api, int clients, int requests,
			@Nullable Double baseline, int warmupSeconds, @Nullable Target target) throws Exception {
		if (Wrk.available()) {
			String session = cookies.getCookieStore().getCookies().stream().map(Object::toString)
				.filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
			Stats measured = api ? Wrk.get(name, app.base(), paths, "Authorization", "Bearer " + token, clients, warmupSeconds, 15)
					: Wrk.get(name, app.base(), paths, "Cookie", session, clients, warmupSeconds, 15);
			if (measured != null) {
				record(Target.judge(target, new Stats(name, measured.requests(), measured.p50(), measured.p95(), measured.p99(),
						measured.throughput(), baseline, measured.note())));
				return;
			}
		}
		var run = Load.run(requests / 10, requests, clients,
				i -> {
					String path = paths.get(i % paths.size());
					if (api) {
						api("GET", path, null);
					}
					else {
						html(path);
					}
				});
		record(Target.judge(target, Stats.of(name, run.nanos(), run.seconds(), baseline, "Java driver")));
	}

	private void importCase(int rows) throws Exception {
		long base = 7_000_000_000L + System.currentTimeMillis() % 100_000_000L;
		importFile(importCsv(rows / 10, base + rows)); // warm-up, as for every other case
		String csv = importCsv(rows, base);
		double seconds = importFile(csv);

		try (var statement = database.createStatement()) {
			statement.execute("drop table if exists bench_copy");
			statement.execute("create table bench_copy (like customer including all)");
		}
		long copyStart = System.nanoTime();
		database.unwrap(PGConnection.class).getCopyAPI().copyIn(
				"copy bench_copy (kind, name, tax_number, country, email, phone) from stdin with (format csv, header true)",
				new java.io.StringReader(csv));
		double copySeconds = (System.nanoTime() - copyStart) / 1e9;
		try (var statement = database.createStatement()) {
			statement.execute("drop table bench_copy");
		}
		record(new Stats("CSV import of " + rows + " rows (rows/s)", rows, seconds * 1000, seconds * 1000, seconds * 1000,
				rows / seconds, rows / copySeconds, "baseline: raw COPY of the same rows into a copy of the table"));
	}

	/** Sample accounts as a CSV file with new tax numbers from {@code firstTaxNumber} on. */
	private String importCsv(int rows, long firstTaxNumber) {
		var csv = new StringBuilder("kind,name,taxNumber,country,email,phone\n");
		for (int i = 0; i < rows; i++) {
			var sample = SampleAccounts.of(scale + i);
			csv.append(sample.kind()).append(',').append('"').append(sample.name().replace("\"", "\"\"")).append('"').append(',')
				.append(firstTaxNumber + i).append(",TR,").append("import").append(i).append("@example.com,")
				.append(sample.country().equals("TR") ? sample.phone() : "").append('\n');
		}
		return csv.toString();
	}

	/** Imports a CSV file through the API and answers the seconds from upload to the job's end. */
	private double importFile(String csv) throws Exception {
		byte[] file = csv.getBytes(StandardCharsets.UTF_8);
		String boundary = "bench" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		long start = System.nanoTime();
		var response = client.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/customers/import"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 202) {
			throw new IllegalStateException("Import refused: " + response.body());
		}
		String location = response.headers().firstValue("Location").orElseThrow();
		String status;
		String job;
		do {
			Thread.sleep(100);
			job = client.send(HttpRequest.newBuilder(URI.create(app.base() + location)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			status = job.replaceAll(".*\"status\":\"(\\w+)\".*", "$1");
		}
		while (status.equals("RUNNING"));
		double seconds = (System.nanoTime() - start) / 1e9;
		if (!status.equals("DONE")) {
			throw new IllegalStateException("Import " + status + ": " + job);
		}
		return seconds;
	}

	// --- plumbing ---------------------------------------------------------------------------------------------------

	@FunctionalInterface
	private interface Binder {
		void bind(PreparedStatement statement, int i) throws Exception;
	}

	/** The rate at which PostgreSQL itself answers a statement, from as many connections as the case has clients. */
	private Double sqlRate(int clients, int requests, String sql, Binder binder) throws Exception {
		String url = "jdbc:postgresql://127.0.0.1:" + app.databasePort() + "/kervan";
		var connections = new ArrayList<Connection>();
		var statements = new ArrayList<PreparedStatement>();
		for (int c = 0; c < clients; c++) {
			Connection connection = DriverManager.getConnection(url, "postgres", app.databasePassword());
			try (var statement = connection.createStatement()) {
				// As Kervan plans its searches: for the values searched for, not once for all.
				statement.execute("set plan_cache_mode = force_custom_plan");
			}
			connections.add(connection);
			statements.add(connection.prepareStatement(sql));
		}
		var slot = ThreadLocal.withInitial(new java.util.function.Supplier<PreparedStatement>() {
			private final AtomicLong next = new AtomicLong();

			@Override
			public PreparedStatement get() {
				return statements.get((int) (next.getAndIncrement() % clients));
			}
		});
		try {
			var run = Load.run(requests / 10, requests, clients, i -> {
				try {
					PreparedStatement statement = slot.get();
					binder.bind(statement, i);
					if (statement.execute()) {
						try (var rs = statement.getResultSet()) {
							while (rs.next()) {
								rs.getString(1);
							}
						}
					}
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			return run.nanos().length / run.seconds();
		}
		finally {
			for (Connection connection : connections) {
				connection.close();
			}
		}
	}

	private void api(String method, String path, String json) {
		send(client, apiRequest(method, path, json));
	}

	/** An API call whose answer the case reads, refusals included. */
	private HttpResponse<String> apiCall(String method, String path, @Nullable String json) {
		try {
			return client.send(apiRequest(method, path, json), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private HttpRequest apiRequest(String method, String path, @Nullable String json) {
		var request = HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + token);
		if ("PATCH".equals(method)) {
			// Updates must name the version they change; the bench changes whatever version is there.
			request.header("If-Match", "*");
		}
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return request.build();
	}

	private void html(String path) {
		send(browser, HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(REQUEST_TIMEOUT).header("Accept", "text/html")
			.build());
	}

	private static void send(HttpClient http, HttpRequest request) {
		try {
			var response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 400) {
				throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode()
						+ ": " + response.body().substring(0, Math.min(300, response.body().length())));
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private String token() throws Exception {
		var response = client.send(HttpRequest.newBuilder(URI.create(app.base() + "/api/v1/auth/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + App.ADMIN_PASSWORD + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		return response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private void logIn() throws Exception {
		var page = browser.send(HttpRequest.newBuilder(URI.create(app.base() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("No login form");
		}
		String form = "username=admin&password=" + URLEncoder.encode(App.ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		browser.send(HttpRequest.newBuilder(URI.create(app.base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private void report(Path json, double seconds) throws IOException {
		System.out.println();
		System.out.printf(Locale.ROOT, "Kervan benchmark, %,d customers, %d cores, %.0f s in all%n", scale,
				Runtime.getRuntime().availableProcessors(), seconds);
		System.out.println(Stats.header());
		results.forEach(result -> System.out.println(result.row()));
		var text = new StringBuilder("[\n");
		for (int i = 0; i < results.size(); i++) {
			text.append("  ").append(results.get(i).json()).append(i < results.size() - 1 ? ",\n" : "\n");
		}
		Files.writeString(json, text.append("]\n"));
		System.out.println("Written to " + json);
	}
}
