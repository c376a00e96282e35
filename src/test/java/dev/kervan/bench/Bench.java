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
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.SearchText;
import org.postgresql.PGConnection;

/**
 * {@code ./kervan bench [--scale N]}: loads N sample customers (once per scale) into a data directory of its
 * own, starts Kervan with at most 1 GB of heap, and measures each case over real HTTP against a plain-SQL
 * baseline where one exists. Results: a table on the console and {@code target/bench/results.json}.
 */
public final class Bench {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
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
				default -> throw new IllegalArgumentException("Unknown option " + args[i] + "; use --scale N and --cases search,page,api,import");
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
			searchCase("search: name (\"yilmaz gida\")", names, names, "search_text");
			// Against finding the name as meant, so the column shows what forgiving the typo costs.
			searchCase("search: misspelt name", typos, names, "search_text");
			searchCase("search: phone in national format", phones, phones, "search_digits");
			searchCase("search: tax number", taxes, taxes, "search_digits");
			searchCase("search: persian name", persian, persian, "search_text");
		}
		if (runs("page")) {
			pageCases();
		}
		if (runs("api")) {
			apiCases();
		}
		if (runs("import")) {
			importCase((int) Math.min(100_000, Math.max(10_000, scale / 10)));
		}
	}

	private void pageCases() throws Exception {

		var ids = new SplittableRandom(7);
		var pageRun = Load.run(100, 1000, 4, i -> html("/customers/" + (firstId + ids.nextLong(lastId - firstId + 1))));
		record(Stats.of("customer page (HTML, 4 clients)", pageRun.nanos(), pageRun.seconds(), null, null));

		var listRun = Load.run(50, 500, 4, i -> html(List.of("/customers?status=ACTIVE&tag=vip", "/customers?role=SUPPLIER&sort=newest",
				"/customers?status=POTENTIAL&kind=PERSON", "/customers?tag=ihracat").get(i % 4)));
		record(Stats.of("list page with filters (HTML, 4 clients)", listRun.nanos(), listRun.seconds(), null, null));
	}

	private void apiCases() throws Exception {
		var getRun = Load.run(2000, 20_000, 16, i -> api("GET", "/api/v1/customers/" + (firstId + i * 7919L % (lastId - firstId + 1)), null));
		Double getBaseline = sqlRate(16, 20_000, "select * from customer where id = ?",
				(statement, i) -> statement.setLong(1, firstId + i * 7919L % (lastId - firstId + 1)));
		record(Stats.of("GET /api/v1/customers/{id} (16 clients)", getRun.nanos(), getRun.seconds(), getBaseline, null));

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

	private void searchCase(String name, List<String> queries, List<String> baselineQueries, String column)
			throws Exception {
		var run = Load.run(100, 1000, 4, i -> api("GET", "/api/v1/customers?limit=20&q="
				+ URLEncoder.encode(queries.get(i % queries.size()), StandardCharsets.UTF_8), null));
		Double baseline = sqlRate(4, 1000, "select id, name from customer where archived_at is null and " + column
				+ " like ? order by sort_name, id limit 21", (statement, i) -> {
			String query = baselineQueries.get(i % baselineQueries.size());
			statement.setString(1, "%" + (column.equals("search_digits") ? PhoneNumbers.digits(query) : SearchText.fold(query)) + "%");
		});
		record(Stats.of(name + " (4 clients)", run.nanos(), run.seconds(), baseline, null));
	}

	private void importCase(int rows) throws Exception {
		var csv = new StringBuilder("kind,name,taxNumber,country,email,phone\n");
		long base = 7_000_000_000L + System.currentTimeMillis() % 100_000_000L;
		for (int i = 0; i < rows; i++) {
			var sample = SampleAccounts.of(scale + i);
			csv.append(sample.kind()).append(',').append('"').append(sample.name().replace("\"", "\"\"")).append('"').append(',')
				.append(base + i).append(",TR,").append("import").append(i).append("@example.com,")
				.append(sample.country().equals("TR") ? sample.phone() : "").append('\n');
		}
		byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
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
			Thread.sleep(200);
			job = client.send(HttpRequest.newBuilder(URI.create(app.base() + location)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString()).body();
			status = job.replaceAll(".*\"status\":\"(\\w+)\".*", "$1");
		}
		while (status.equals("RUNNING"));
		double seconds = (System.nanoTime() - start) / 1e9;
		if (!status.equals("DONE")) {
			throw new IllegalStateException("Import " + status + ": " + job);
		}

		try (var statement = database.createStatement()) {
			statement.execute("drop table if exists bench_copy");
			statement.execute("create table bench_copy (like customer including all)");
		}
		long copyStart = System.nanoTime();
		database.unwrap(PGConnection.class).getCopyAPI().copyIn(
				"copy bench_copy (kind, name, tax_number, country, email, phone) from stdin with (format csv, header true)",
				new java.io.StringReader(csv.toString()));
		double copySeconds = (System.nanoTime() - copyStart) / 1e9;
		try (var statement = database.createStatement()) {
			statement.execute("drop table bench_copy");
		}
		record(new Stats("CSV import of " + rows + " rows (rows/s)", rows, seconds * 1000, seconds * 1000, seconds * 1000,
				rows / seconds, rows / copySeconds, "baseline: raw COPY of the same rows into a copy of the table"));
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
		var request = HttpRequest.newBuilder(URI.create(app.base() + path)).header("Authorization", "Bearer " + token);
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		send(client, request.build());
	}

	private void html(String path) {
		send(browser, HttpRequest.newBuilder(URI.create(app.base() + path)).header("Accept", "text/html").build());
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
