package dev.kervan.bench;

import java.io.IOException;
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
				default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --scale N and --cases search,page,api,pipeline,import");
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
			database = DriverManager.getConnection("jdbc:postgresql://localhost:" + app.databasePort() + "/kervan", "postgres", "");
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
		var createRun = Load.run(50, 1000, 4, i -> api("POST", "/api/v1/customers", """
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

		var updateRun = Load.run(50, 1000, 4, i -> api("PATCH", "/api/v1/customers/" + (firstId + i * 104729L % (lastId - firstId + 1)),
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
		var moveRun = Load.run(50, 1000, 1, i -> api("POST", "/api/v1/opportunities/" + (firstOpportunity + (i * 7919L) % OPPORTUNITIES)
				+ "/move", "{\"stageId\":" + stages.get(i % stages.size()) + "}"));
		Double moveBaseline = sqlRate(1, 1000, "update opportunity set stage = ?, rank = rank + 1, version = version + 1 where id = ?",
				(statement, i) -> {
					statement.setLong(1, stages.get(i % stages.size()));
					statement.setLong(2, firstOpportunity + (i * 104729L) % OPPORTUNITIES);
				});
		record(Stats.of("card move (POST, 1 client)", moveRun.nanos(), moveRun.seconds(), moveBaseline, null));
		measureGets("my day among 500k activities (HTML, 1 client)", List.of("/activities/today"), false, 1, 300, null);
	}

	/** Whether a group of cases was asked for ({@code --cases search,page,api,import}; all by default). */
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
			.toList(), true, clients, 1000, baseline);
	}

	private void measureGets(String name, List<String> paths, boolean api, int clients, int requests,
			@Nullable Double baseline) throws Exception {
		measureGets(name, paths, api, clients, requests, baseline, 10);
	}

	/** GETs paths in turn; with wrk, after {@code warmupSeconds} of the same load, as the JIT needs it on two cores. */
	private void measureGets(String name, List<String> paths, boolean api, int clients, int requests,
			@Nullable Double baseline, int warmupSeconds) throws Exception {
		if (Wrk.available()) {
			String session = cookies.getCookieStore().getCookies().stream().map(Object::toString)
				.filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
			Stats measured = api ? Wrk.get(name, app.base(), paths, "Authorization", "Bearer " + token, clients, warmupSeconds, 15)
					: Wrk.get(name, app.base(), paths, "Cookie", session, clients, warmupSeconds, 15);
			if (measured != null) {
				record(new Stats(name, measured.requests(), measured.p50(), measured.p95(), measured.p99(),
						measured.throughput(), baseline, measured.note()));
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
		record(Stats.of(name, run.nanos(), run.seconds(), baseline, "Java driver"));
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
		String url = "jdbc:postgresql://localhost:" + app.databasePort() + "/kervan";
		var connections = new ArrayList<Connection>();
		var statements = new ArrayList<PreparedStatement>();
		for (int c = 0; c < clients; c++) {
			Connection connection = DriverManager.getConnection(url, "postgres", "");
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
		var request = HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(REQUEST_TIMEOUT)
			.header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		send(client, request.build());
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
