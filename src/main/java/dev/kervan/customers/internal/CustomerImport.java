package dev.kervan.customers.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Commands;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.ImportedCells;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.ImportedTable.Line;
import dev.kervan.platform.ImportedWords;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordHistory;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.SearchText;
import dev.kervan.platform.TextHygiene;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loading a company's old customer list from a CSV or XLSX file. Each row is checked by the same rules as the
 * form and the API; a bad row is reported with its row number, the file's column and the reason, good rows are
 * imported. Headers and values may be written in English, Turkish or Persian ("Vergi No", "Şirket", "بله"), numbers
 * as a spreadsheet in any of them shows them ("12.500,50", Persian digits). A row whose external reference or tax
 * number (same country) matches an account updates that account, in the columns the row fills only: a blank cell
 * leaves the stored value alone, and a filled name renames the account (the preview says so, before anything is
 * saved). The city, district, street, region and postal code go to the account's contact address. Importing the
 * same file twice creates no duplicates. New accounts go into the database with COPY, a batch at a time; the job
 * runs in the background and any instance can report its progress.
 */
@Service
public class CustomerImport {

	private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);

	/** The account fields a column may fill. */
	public static final List<String> TARGETS = List.of("kind", "name", "roles", "isCustomer", "isSupplier", "status",
			"country", "taxOffice", "taxNumber", "email", "phone", "website", "address", "district", "city", "region",
			"postalCode", "category", "sector", "sizeBand", "class", "tags", "salesperson", "paymentTermDays",
			"creditLimit", "riskLimit", "currency", "language", "externalRef", "eInvoiceAlias", "birthDate");

	/** The columns that fill the account's contact address, by the address field each fills. */
	private static final Map<String, String> ADDRESS_FIELDS = Map.of("address", "line1", "district", "district", "city",
			"city", "region", "region", "postalCode", "postalCode");

	/** How many accounts a preview lists of each kind (changed, new, refused); it counts them all. */
	static final int LISTED = 100;

	private static final int BATCH = 2_500;
	private static final int WRITERS = 2;
	private static final int MAX_REPORTED_ERRORS = 1_000;
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String STAGED_COLUMNS = "id, kind, name, is_customer, is_supplier, status, country, tax_office, "
			+ "tax_number, email, phone, website, category, sector, size_band, customer_class, tags, salesperson, "
			+ "payment_term_days, credit_limit, risk_limit, currency, language, e_invoice_alias, birth_date, external_ref, "
			+ "extra_fields, search_text, search_digits, sort_name, created_at, updated_at, created_by";

	/**
	 * A job as its poller sees it.
	 *
	 * @param interrupted the job was FAILED because Kervan stopped while it ran (a crash or a restart): the rows
	 * counted as processed were written, and running the file again updates them instead of adding them twice
	 */
	public record Job(UUID id, String status, String filename, int total, int processed, int imported, int updated,
			List<RowError> errors, Instant startedAt, @Nullable Instant finishedAt, boolean interrupted) {
	}

	/** A refused row. */
	@Schema(name = "CustomerImportRowError")
	public record RowError(int row, String message) {
	}

	/**
	 * What the mapping step shows, before anything is saved: the file's columns, the mapping (suggested, or as given),
	 * the first rows, and what importing the file with that mapping would do. Each kind of outcome is counted whole
	 * and listed up to {@link #LISTED} rows; with a mapping that cannot import (no name column) nothing is planned.
	 *
	 * @param toChange the accounts rows match and would change, field by field
	 * @param unchanged rows that match an account and would change nothing
	 */
	public record Preview(List<String> headers, Map<String, String> mapping, List<List<String>> rows, int total,
			int creating, int changing, int unchanged, int refusing, List<Creation> toCreate, List<Change> toChange,
			List<RowError> refused) {
	}

	/** A row that would make a new account. */
	@Schema(name = "CustomerImportCreation")
	public record Creation(int row, String name) {
	}

	/**
	 * A row that would change an account (named as it is now): its fields before and after, named and read as the
	 * account's history reads them (a filled name column renames the account, and says so here).
	 */
	@Schema(name = "CustomerImportChange")
	public record Change(int row, long accountId, String name, List<RecordHistory.FieldChange> fields) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transactions;
	private final CustomerAccounts accounts;
	private final Addresses addresses;
	private final CustomerEditor editor;
	private final CustomerService customers;
	private final CustomerPolicy policy;
	private final AuditTrail audit;
	private final RecordHistory history;
	private final MessageSource messages;
	private final SearchWords searchWords;
	private final Clock clock;
	private final Commands commands;
	private final Map<String, List<String>> headerNames;
	private final ImportedWords.Vocabulary<CustomerKind> kinds;
	private final ImportedWords.Vocabulary<CustomerRole> roles;
	private final ImportedWords.Vocabulary<CustomerStatus> statuses;
	private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

	CustomerImport(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, CustomerAccounts accounts,
			Addresses addresses, CustomerEditor editor, CustomerService customers, CustomerPolicy policy,
			AuditTrail audit, RecordHistory history, MessageSource messages, SearchWords searchWords, Clock clock,
			Commands commands) {
		this.commands = commands;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.accounts = accounts;
		this.addresses = addresses;
		this.editor = editor;
		this.customers = customers;
		this.policy = policy;
		this.audit = audit;
		this.history = history;
		this.messages = messages;
		this.searchWords = searchWords;
		this.clock = clock;
		this.headerNames = ImportedCells.headerNames(messages, "customer.field.", HEADERS);
		this.kinds = ImportedWords.Vocabulary.of(CustomerKind.class, messages, "customer.kind.", Map.of(
				CustomerKind.COMPANY, List.of("firma", "kurum", "kuruluş", "tüzel", "tüzel kişi", "tüzel kişilik",
						"organisation", "organization", "business", "corporate", "legal entity", "شرکت", "سازمان",
						"حقوقی", "شخص حقوقی"),
				CustomerKind.PERSON, List.of("kişi", "gerçek kişi", "şahıs", "bireysel", "individual", "private person",
						"شخص حقیقی", "حقیقی", "فرد")));
		this.roles = ImportedWords.Vocabulary.of(CustomerRole.class, messages, "customer.role.", Map.of(
				CustomerRole.CUSTOMER, List.of("alıcı", "client", "buyer", "خریدار"),
				CustomerRole.SUPPLIER, List.of("satıcı", "vendor", "tedarikçi", "تامین کننده",
						"فروشنده")));
		this.statuses = ImportedWords.Vocabulary.of(CustomerStatus.class, messages, "customer.status.", Map.of(
				CustomerStatus.POTENTIAL, List.of("aday", "prospect", "lead", "احتمالی"),
				CustomerStatus.ACTIVE, List.of("etkin", "açık"),
				CustomerStatus.PASSIVE, List.of("inactive", "etkin değil", "kapalı", "غیر فعال")));
	}

	/**
	 * The other names each column goes by, beside the field's own and its label in each language; the shared ones
	 * come from {@link ImportedWords}.
	 */
	private static final Map<String, List<String>> HEADERS = headers();

	private static Map<String, List<String>> headers() {
		var headers = new LinkedHashMap<String, List<String>>();
		headers.put("kind", ImportedWords.headers("kind", "hesap türü", "cari türü", "kişi türü", "نوع حساب", "نوع شخص"));
		headers.put("name", ImportedWords.headers("name", "account", "account name", "company", "company name", "firma",
				"firma adı", "firma unvanı", "cari adı", "cari unvanı", "müşteri adı", "unvanı", "نام شرکت", "نام مشتری",
				"نام و نام خانوادگی", "نام حساب"));
		headers.put("roles", List.of("role", "rol", "roller", "نقش"));
		headers.put("isCustomer", List.of("is customer", "customer?", "müşteri mi", "alıcı", "مشتری است"));
		headers.put("isSupplier", List.of("is supplier", "supplier", "supplier?", "tedarikçi", "tedarikçi mi", "satıcı",
				"تأمین کننده", "تأمین کننده است"));
		for (String shared : List.of("status", "country", "taxOffice", "taxNumber", "email", "phone")) {
			headers.put(shared, ImportedWords.headers(shared));
		}
		headers.put("website", List.of("web", "web site", "web sitesi", "site", "وب سایت", "وبسایت", "سایت"));
		for (String shared : List.of("address", "district", "city", "region", "postalCode", "category")) {
			headers.put(shared, ImportedWords.headers(shared));
		}
		headers.put("sector", List.of("industry", "sektör", "صنعت"));
		headers.put("sizeBand", List.of("size", "company size", "büyüklük", "اندازه"));
		headers.put("class", List.of("customer class", "sınıf", "müşteri sınıfı", "رده"));
		headers.put("tags", ImportedWords.headers("tags"));
		headers.put("salesperson", List.of("sales rep", "representative", "temsilci", "satış temsilcisi", "plasiyer",
				"فروشنده", "کارشناس فروش"));
		headers.put("paymentTermDays", List.of("payment terms", "payment term", "terms", "vade", "vade (gün)", "vade günü",
				"ödeme vadesi", "مهلت پرداخت", "مهلت پرداخت (روز)"));
		headers.put("creditLimit", List.of("credit limit", "kredi limiti", "limit", "açık hesap limiti", "سقف اعتبار",
				"اعتبار"));
		headers.put("riskLimit", List.of("risk limit", "risk limiti", "سقف ریسک"));
		headers.put("currency", ImportedWords.headers("currency"));
		headers.put("language", ImportedWords.headers("language"));
		headers.put("externalRef", List.of("external ref", "reference", "code", "kod", "cari kod", "cari kodu",
				"müşteri kodu", "کد", "کد مشتری", "کد حساب"));
		headers.put("eInvoiceAlias", List.of("e-invoice alias", "e-fatura etiketi", "posta kutusu etiketi", "pk etiketi"));
		headers.put("birthDate", List.of("birth date", "date of birth", "doğum tarihi", "تاریخ تولد"));
		return headers;
	}

	@PreDestroy
	void stop() {
		runner.shutdownNow();
	}

	public Preview preview(String filename, byte[] content) {
		return preview(filename, content, Map.of());
	}

	/**
	 * The file's columns, its first rows and what importing it would do, changing nothing.
	 *
	 * @param mapping account field → column header; empty means "guess from the headers"
	 */
	public Preview preview(String filename, byte[] content, Map<String, String> mapping) {
		CurrentUser user = requireImporter();
		ImportedTable table = ImportedTable.read(filename, content);
		Map<String, String> used = mapping.isEmpty() ? suggestMapping(table.headers()) : mapping;
		List<List<String>> rows = table.lines().stream().limit(10).map(Line::cells).toList();
		Map<String, Integer> columns;
		try {
			columns = columns(table.headers(), used);
		}
		catch (InvalidInputException unusable) {
			return new Preview(table.headers(), used, rows, table.lines().size(), 0, 0, 0, 0, List.of(), List.of(),
					List.of());
		}
		var plan = new Plan();
		var references = new CachedReferences(editor.database());
		Names names = names();
		var seenKeys = new HashMap<String, Integer>();
		var good = new ArrayList<Prepared>();
		for (Line line : table.lines()) {
			Prepared row = prepare(line, table.headers(), columns, names, seenKeys);
			if (row.error() != null) {
				plan.refuse(new RowError(row.row(), row.error()));
			}
			else {
				good.add(row);
			}
		}
		for (int start = 0; start < good.size(); start += BATCH) {
			List<Prepared> batch = good.subList(start, Math.min(good.size(), start + BATCH));
			Map<String, Customer> existing = existing(batch);
			Map<Long, Parts.Address> contactAddresses = contactAddresses(batch, existing.values());
			for (Prepared row : batch) {
				Customer match = matchOf(row, existing);
				Decision decision = decide(row, match, match == null ? null : contactAddresses.get(match.id()), references,
						user, table.headers(), columns);
				plan.add(decision);
			}
		}
		return new Preview(table.headers(), used, rows, table.lines().size(), plan.creating, plan.changing,
				plan.unchanged, plan.refusing, plan.toCreate, plan.toChange, plan.refused);
	}

	/** What a preview counts and lists. */
	private final class Plan {

		private int creating;
		private int changing;
		private int unchanged;
		private int refusing;
		private final List<Creation> toCreate = new ArrayList<>();
		private final List<Change> toChange = new ArrayList<>();
		private final List<RowError> refused = new ArrayList<>();

		void refuse(RowError error) {
			refusing++;
			if (refused.size() < LISTED) {
				refused.add(error);
			}
		}

		void add(Decision decision) {
			if (decision.error() != null) {
				refuse(new RowError(decision.row().row(), decision.error()));
			}
			else if (decision.creating()) {
				creating++;
				if (toCreate.size() < LISTED) {
					toCreate.add(new Creation(decision.row().row(), decision.customer().name));
				}
			}
			else if (!AuditTrail.changes(decision.before(), decision.after())) {
				unchanged++;
			}
			else {
				changing++;
				if (toChange.size() < LISTED) {
					toChange.add(new Change(decision.row().row(), decision.customer().id(),
							String.valueOf(decision.before().get("name")),
							history.changesBetween(CustomerService.RECORD_TYPE, decision.before(), decision.after())));
				}
			}
		}
	}

	/**
	 * Starts importing; the answer is the job to poll. The file and the mapping are checked at once: an unreadable
	 * file or a mapping without the name is refused before any row is touched.
	 *
	 * @param mapping account field → column header; empty means "guess from the headers"
	 */
	public UUID start(String filename, byte[] content, Map<String, String> mapping) {
		CurrentUser user = requireImporter();
		ImportedTable table = ImportedTable.read(filename, content);
		Map<String, Integer> columns = columns(table.headers(), mapping.isEmpty() ? suggestMapping(table.headers()) : mapping);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into customer_import (id, status, filename, total_rows, started_by)
				values (:id, 'RUNNING', :filename, :total, :user)""")
			.param("id", id)
			.param("filename", filename.length() > 255 ? filename.substring(0, 255) : filename)
			.param("total", table.lines().size())
			.param("user", user.id())
			.update();
		Locale locale = LocaleContextHolder.getLocale();
		runner.submit(new DelegatingSecurityContextRunnable(() -> {
			LocaleContextHolder.setLocale(locale);
			try (var running = InterruptedImports.markRunning(dataSource, id)) {
				run(id, filename, table, columns, user);
			}
			catch (RuntimeException e) {
				log.error("Customer import {} failed", id, e);
				finish(id, "FAILED");
			}
			finally {
				LocaleContextHolder.resetLocaleContext();
			}
		}));
		return id;
	}

	/** Keeps an uploaded file until its columns are mapped; answers its id. Day-old uploads are forgotten. */
	public UUID hold(String filename, byte[] content) {
		CurrentUser user = requireImporter();
		ImportedTable.read(filename, content);
		jdbc.sql("delete from customer_import_upload where created_at < now() - interval '1 day'").update();
		UUID id = UUID.randomUUID();
		jdbc.sql("insert into customer_import_upload (id, filename, content, uploaded_by) values (:id, :name, :content, :user)")
			.param("id", id)
			.param("name", filename.length() > 255 ? filename.substring(0, 255) : filename)
			.param("content", content)
			.param("user", user.id())
			.update();
		return id;
	}

	/** A held file (the uploader's own only), as filename and bytes. */
	public Held held(UUID id) {
		CurrentUser user = requireImporter();
		return jdbc.sql("select filename, content from customer_import_upload where id = :id and uploaded_by = :user")
			.param("id", id)
			.param("user", user.id())
			.query((rs, n) -> new Held(id, rs.getString("filename"), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("upload", id));
	}

	/** Starts importing a held file, which is then let go. */
	public UUID startHeld(UUID uploadId, Map<String, String> mapping) {
		Held held = held(uploadId);
		UUID job = start(held.filename(), held.content(), mapping);
		jdbc.sql("delete from customer_import_upload where id = :id").param("id", uploadId).update();
		return job;
	}

	/** An uploaded file waiting for its mapping. */
	public record Held(UUID id, String filename, byte[] content) {
	}

	public Job status(UUID id) {
		CurrentUser user = policy.requireReader();
		return jdbc.sql("select * from customer_import where id = :id")
			.param("id", id)
			.query((rs, n) -> {
				if (rs.getLong("started_by") != user.id() && !user.has(Role.SALES_MANAGER)) {
					return null;
				}
				OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
				return new Job(id, rs.getString("status"), rs.getString("filename"), rs.getInt("total_rows"),
						rs.getInt("processed"), rs.getInt("imported"), rs.getInt("updated"),
						JSON.readValue(rs.getString("errors"), new TypeReference<List<RowError>>() {
						}), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
						finished == null ? null : finished.toInstant(), rs.getBoolean("interrupted"));
			})
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("import", id));
	}

	/**
	 * Guesses which column fills which field from the headers, in any of the three languages: the field's name, its
	 * label, and the other names people give the column ("Vergi No", "Şehir", "کد اقتصادی").
	 */
	public Map<String, String> suggestMapping(List<String> headers) {
		Map<String, Integer> found = ImportedCells.columns(headers, headerNames);
		var mapping = new LinkedHashMap<String, String>();
		for (String target : TARGETS) {
			Integer column = found.get(target);
			if (column != null) {
				mapping.put(target, headers.get(column));
			}
		}
		return mapping;
	}

	private Map<String, Integer> columns(List<String> headers, Map<String, String> mapping) {
		var columns = new LinkedHashMap<String, Integer>();
		var violations = new ArrayList<FieldViolation>();
		mapping.forEach((target, header) -> {
			if (header == null || header.isBlank()) {
				return;
			}
			if (!TARGETS.contains(target)) {
				violations.add(new FieldViolation("mapping." + target, "error.value.unknown-field"));
				return;
			}
			int column = headers.indexOf(header);
			if (column < 0) {
				violations.add(new FieldViolation("mapping." + target, "error.import.no-such-column", header));
			}
			else {
				columns.put(target, column);
			}
		});
		if (!columns.containsKey("name")) {
			violations.add(new FieldViolation("mapping.name", "error.import.name-unmapped"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
		return columns;
	}

	/** The names of the records a row may name, folded, each with its id. */
	private record Names(Map<String, Long> categories, Map<String, Long> sectors, Map<String, Long> sizeBands,
			Map<String, Long> classes, Map<String, Long> salespeople) {
	}

	private Names names() {
		return new Names(names("select id, name from customer_lookup where kind = 'CATEGORY' and active"),
				names("select id, name from customer_lookup where kind = 'SECTOR' and active"),
				names("select id, name from customer_lookup where kind = 'SIZE_BAND' and active"),
				names("select id, name from customer_class where active"),
				names("select id, username as name from user_ref where active"));
	}

	private void run(UUID id, String filename, ImportedTable table, Map<String, Integer> columns, CurrentUser user) {
		var references = new CachedReferences(editor.database());
		Names names = names();
		var seenKeys = new HashMap<String, Integer>();
		var tally = new Tally(id);
		Locale locale = LocaleContextHolder.getLocale();
		// Two batches are written at once, each in its own transaction: the database's work per row (indexes) is
		// the larger part, and two connections keep both cores busy. Rows of one file never share a key, so two
		// batches never touch the same account.
		var writers = Executors.newFixedThreadPool(WRITERS);
		var slots = new java.util.concurrent.Semaphore(WRITERS);
		var pending = new ArrayList<java.util.concurrent.Future<?>>();
		try {
			List<Line> lines = table.lines();
			for (int start = 0; start < lines.size(); start += BATCH) {
				List<Line> batch = lines.subList(start, Math.min(lines.size(), start + BATCH));
				var prepared = new ArrayList<Prepared>();
				for (Line line : batch) {
					Prepared row = prepare(line, table.headers(), columns, names, seenKeys);
					if (row.error() != null) {
						tally.refuse(line.number(), row.error());
						continue;
					}
					prepared.add(row);
				}
				slots.acquireUninterruptibly();
				pending.add(writers.submit(new DelegatingSecurityContextRunnable(() -> {
					LocaleContextHolder.setLocale(locale);
					try {
						int[] written = writeBatch(prepared, references, user, filename, tally, table.headers(), columns);
						tally.add(batch.size(), written[0], written[1], written[2]);
					}
					finally {
						LocaleContextHolder.resetLocaleContext();
						slots.release();
					}
				})));
			}
			for (var future : pending) {
				future.get();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw new IllegalStateException(e.getCause());
		}
		finally {
			writers.shutdownNow();
		}
		finish(id, "DONE");
	}

	/** Writes a batch; should another writer take one of its tax numbers meanwhile, writes it again tolerantly. */
	private int[] writeBatch(List<Prepared> rows, CachedReferences references, CurrentUser user, String source,
			Tally tally, List<String> headers, Map<String, Integer> columns) {
		try {
			return transactions.execute(status -> write(rows, references, user, source, tally, false, headers, columns));
		}
		catch (org.springframework.dao.DuplicateKeyException collision) {
			return transactions.execute(status -> write(rows, references, user, source, tally, true, headers, columns));
		}
	}

	/** Counts and refused rows of a running import, reported to its pollers after every batch. */
	private final class Tally {

		private final UUID id;
		private final List<RowError> errors = new ArrayList<>();
		private int errorCount;
		private int processed;
		private int imported;
		private int updated;

		Tally(UUID id) {
			this.id = id;
		}

		synchronized void refuse(int row, String message) {
			errorCount++;
			if (errors.size() < MAX_REPORTED_ERRORS) {
				errors.add(new RowError(row, message));
			}
		}

		synchronized void add(int rows, int newAccounts, int updatedAccounts, int refused) {
			processed += rows;
			imported += newAccounts;
			updated += updatedAccounts;
			errorCount += refused;
			var reported = new ArrayList<>(errors);
			reported.sort(java.util.Comparator.comparingInt(RowError::row));
			if (errorCount > errors.size()) {
				reported.add(new RowError(0, message("error.import.more-errors", errorCount - errors.size())));
			}
			progress(id, processed, imported, updated, reported);
		}

		synchronized void note(RowError error) {
			if (errors.size() < MAX_REPORTED_ERRORS) {
				errors.add(error);
			}
		}
	}

	/**
	 * A row turned into the change it makes, with the key it is matched by: {@code change} for an account it
	 * matches, {@code creation} (a company unless the row says) for a new one; the address fields it fills, and the
	 * roles its yes/no columns give ({@code null} where the row says nothing).
	 */
	private record Prepared(int row, @Nullable CustomerChange change, @Nullable CustomerChange creation,
			Map<String, String> address, @Nullable Boolean customerRole, @Nullable Boolean supplierRole,
			@Nullable String key, @Nullable String taxCountry, @Nullable String taxNumber, @Nullable String externalRef,
			@Nullable String error) {

		static Prepared refused(int row, String error) {
			return new Prepared(row, null, null, Map.of(), null, null, null, null, null, null, error);
		}
	}

	private Prepared prepare(Line line, List<String> headers, Map<String, Integer> columns, Names names,
			Map<String, Integer> seenKeys) {
		ObjectNode doc = JSON.createObjectNode();
		var address = new LinkedHashMap<String, String>();
		var flags = new HashMap<String, Boolean>();
		var problems = new ArrayList<String>();
		columns.forEach((target, column) -> {
			String value = ImportedCells.text(line.cell(column));
			if (value.isEmpty()) {
				return;
			}
			String where = headers.get(column);
			// Checked before anything is looked up by it: a NUL fails a query, and a refused row's reason is stored.
			var unfit = TextHygiene.characterProblem(value);
			if (unfit.isPresent()) {
				problems.add(where + ": " + message(unfit.get()));
				return;
			}
			switch (target) {
				case "roles" -> {
					var array = doc.putArray(target);
					for (String part : value.split("[,;|/+]")) {
						if (!part.isBlank()) {
							array.add(roles.read(part).map(Enum::name).orElse(part.strip()));
						}
					}
				}
				case "tags" -> {
					var array = doc.putArray(target);
					for (String part : value.split("[,;|]")) {
						if (!part.isBlank()) {
							array.add(part.strip());
						}
					}
				}
				case "isCustomer", "isSupplier" -> ImportedWords.yesNo(value).ifPresentOrElse(yes -> flags.put(target, yes),
						() -> problems.add(where + ": " + message("error.import.yes-no", value)));
				case "address", "district", "city", "region" -> address.put(ADDRESS_FIELDS.get(target), value);
				case "postalCode" -> address.put("postalCode", ImportedCells.latinDigits(value));
				case "category" -> reference(doc, "categoryId", names.categories(), value, where, problems);
				case "sector" -> reference(doc, "sectorId", names.sectors(), value, where, problems);
				case "sizeBand" -> reference(doc, "sizeBandId", names.sizeBands(), value, where, problems);
				case "class" -> reference(doc, "classId", names.classes(), value, where, problems);
				case "salesperson" -> reference(doc, "salespersonId", names.salespeople(), value, where, problems);
				case "kind" -> doc.put(target, kinds.read(value).map(Enum::name).orElse(value));
				case "status" -> doc.put(target, statuses.read(value).map(Enum::name).orElse(value));
				case "country" -> doc.put(target, ImportedWords.country(value).orElse(value.toUpperCase(Locale.ROOT)));
				case "currency" -> doc.put(target, ImportedWords.currency(value).orElse(value.toUpperCase(Locale.ROOT)));
				case "language" -> doc.put(target, ImportedWords.language(value).orElse(value));
				case "creditLimit", "riskLimit" -> doc.put(target, ImportedCells.decimal(value));
				case "paymentTermDays" -> doc.put(target, ImportedCells.wholeNumber(value));
				case "birthDate" -> doc.put(target, ImportedCells.date(value));
				case "taxNumber", "phone" -> doc.put(target, ImportedCells.latinDigits(value));
				default -> doc.put(target, value);
			}
		});
		if (!problems.isEmpty()) {
			return Prepared.refused(line.number(), String.join("; ", problems));
		}
		CustomerChange change;
		try {
			change = commands.readCanonical(doc, CustomerChange.class);
		}
		catch (InvalidInputException invalid) {
			return Prepared.refused(line.number(), describe(invalid, headers, columns));
		}
		String country = doc.has("country") ? doc.get("country").asString() : "TR";
		String taxNumber = doc.has("taxNumber") ? CustomerRules.normalizeTaxNumber(doc.get("taxNumber").asString()) : null;
		String externalRef = doc.has("externalRef") ? doc.get("externalRef").asString() : null;
		String key = externalRef != null ? "ref:" + externalRef : taxNumber != null ? "tax:" + country + ":" + taxNumber : null;
		if (key != null) {
			Integer first = seenKeys.putIfAbsent(key, line.number());
			if (first != null) {
				return Prepared.refused(line.number(), message("error.import.duplicate-row", first));
			}
		}
		return new Prepared(line.number(), change, change.withKindIfAbsent(CustomerKind.COMPANY), Map.copyOf(address),
				flags.get("isCustomer"), flags.get("isSupplier"), key, country, taxNumber, externalRef, null);
	}

	private void reference(ObjectNode doc, String field, Map<String, Long> ids, String value, String where,
			List<String> problems) {
		Long id = ids.get(SearchText.fold(value));
		if (id == null) {
			problems.add(where + ": " + message("error.import.unknown-name", value));
		}
		else {
			doc.put(field, id);
		}
	}

	/**
	 * What a row does: the account it makes or changes, as it would be, with its values before and after as the audit
	 * trail keeps them (the contact address's under {@code addresses[id]}); or why it is refused. Deciding changes
	 * nothing stored: the import saves the decision, a preview lets it go.
	 */
	private record Decision(Prepared row, Customer customer, boolean creating, Parts.@Nullable Address address,
			Map<String, Object> before, Map<String, Object> after, @Nullable String error) {
	}

	/** @param contactAddress the matched account's contact address, if it has one: the row's address cells change it */
	private Decision decide(Prepared row, @Nullable Customer match, Parts.@Nullable Address contactAddress,
			CachedReferences references, CurrentUser user, List<String> headers, Map<String, Integer> columns) {
		boolean creating = match == null;
		Customer customer = creating ? new Customer() : match;
		Parts.Address address = row.address().isEmpty() ? null : creating || contactAddress == null ? new Parts.Address()
				: contactAddress;
		Map<String, Object> before = creating ? Map.of() : snapshot(customer, address == contactAddress ? address : null);
		var checks = new Checks();
		editor.apply(creating ? row.creation() : row.change(), customer, creating, user, references, checks);
		if (row.customerRole() != null || row.supplierRole() != null) {
			var roles = EnumSet.noneOf(CustomerRole.class);
			if (row.customerRole() != null ? row.customerRole() : customer.isCustomer) {
				roles.add(CustomerRole.CUSTOMER);
			}
			if (row.supplierRole() != null ? row.supplierRole() : customer.isSupplier) {
				roles.add(CustomerRole.SUPPLIER);
			}
			if (roles.isEmpty()) {
				checks.reject(row.supplierRole() != null ? "isSupplier" : "isCustomer", "error.customer.roles-required");
			}
			else {
				customer.assignRoles(roles);
			}
		}
		if (address != null) {
			var given = row.address();
			var change = new PartCommands.AddressChange(Patch.absent(), Patch.absent(), patch(given, "line1"),
					Patch.absent(), patch(given, "district"), patch(given, "city"), patch(given, "region"),
					patch(given, "postalCode"), Patch.absent(), null);
			CustomerParts.applyAddress(change, address, customer, address.id == null, false, checks);
		}
		try {
			checks.throwIfInvalid();
		}
		catch (InvalidInputException invalid) {
			return new Decision(row, customer, creating, address, before, Map.of(), describe(invalid, headers, columns));
		}
		return new Decision(row, customer, creating, address, before, snapshot(customer, address), null);
	}

	private static Patch<String> patch(Map<String, String> given, String field) {
		return given.containsKey(field) ? Patch.of(given.get(field)) : Patch.absent();
	}

	/** The account's fields as its history keeps them, with its contact address's under {@code addresses[id]}. */
	private static Map<String, Object> snapshot(Customer customer, Parts.@Nullable Address address) {
		var snapshot = new LinkedHashMap<String, Object>(customer.auditSnapshot());
		if (address != null) {
			String prefix = "addresses[" + (address.id == null ? "new" : address.id) + "].";
			address.auditSnapshot().forEach((field, value) -> snapshot.put(prefix + field, value));
		}
		return snapshot;
	}

	private static @Nullable Customer matchOf(Prepared row, Map<String, Customer> existing) {
		return row.externalRef() != null ? existing.get("ref:" + row.externalRef())
				: row.taxNumber() != null ? existing.get("tax:" + row.taxCountry() + ":" + row.taxNumber()) : null;
	}

	/** Writes one batch: updates of matched accounts, then the new ones with COPY. Answers imported, updated, refused. */
	private int[] write(List<Prepared> rows, CachedReferences references, CurrentUser user, String source,
			Tally tally, boolean tolerant, List<String> headers, Map<String, Integer> columns) {
		long started = System.nanoTime();
		Map<String, Customer> existing = existing(rows);
		Map<Long, Parts.Address> contactAddresses = contactAddresses(rows, existing.values());
		long matched = System.nanoTime();
		var created = new ArrayList<Decision>();
		int updated = 0;
		int refused = 0;
		Instant now = clock.instant();
		for (Prepared row : rows) {
			Customer match = matchOf(row, existing);
			Decision decision = decide(row, match, match == null ? null : contactAddresses.get(match.id()), references,
					user, headers, columns);
			if (decision.error() != null) {
				refused++;
				tally.note(new RowError(row.row(), decision.error()));
				continue;
			}
			Customer customer = decision.customer();
			if (decision.creating()) {
				customer.createdAt = now;
				customer.updatedAt = now;
				customer.createdBy = user.username();
				Parts.Address address = decision.address();
				SearchIndex.refresh(customer, List.of(), address == null || address.city == null ? List.of() : List.of(address.city));
				created.add(decision);
			}
			else {
				customer.updatedAt = now;
				Parts.Address address = decision.address();
				if (address != null) {
					if (address.id == null) {
						address.customer = customer.id();
						address.createdAt = now;
					}
					addresses.save(address);
				}
				// After the address, so that the account is found by the city the row gave it.
				customers.refreshIndex(customer);
				customers.save(customer);
				audit.updated(CustomerService.RECORD_TYPE, customer.id(), decision.before(), snapshot(customer, address));
				updated++;
			}
		}
		long checked = System.nanoTime();
		int imported = created.isEmpty() ? 0 : copy(created, source, tolerant, now);
		log.debug("Import batch of {}: matching {} ms, checking {} ms, writing {} ms", rows.size(),
				(matched - started) / 1_000_000, (checked - matched) / 1_000_000, (System.nanoTime() - checked) / 1_000_000);
		return new int[] { imported, updated, refused + created.size() - imported };
	}

	private Map<String, Customer> existing(List<Prepared> rows) {
		String[] refs = rows.stream().map(Prepared::externalRef).filter(r -> r != null).toArray(String[]::new);
		List<Prepared> taxed = rows.stream().filter(r -> r.externalRef() == null && r.taxNumber() != null).toList();
		if (refs.length == 0 && taxed.isEmpty()) {
			return Map.of();
		}
		var ids = new ArrayList<Long>();
		if (refs.length > 0) {
			ids.addAll(jdbc.sql("select id from customer where external_ref = any(:refs)").param("refs", refs)
				.query(Long.class).list());
		}
		if (!taxed.isEmpty()) {
			// varchar, not text: compared with text, the char(2) country is cast and its index goes unused (a scan
			// of the whole index per row, half a second per batch at a million accounts).
			ids.addAll(jdbc.sql("""
					select c.id from unnest(cast(:countries as varchar[]), cast(:taxes as varchar[])) as k(country, tax)
					join customer c on c.country = k.country and c.tax_number = k.tax""")
				.param("countries", taxed.stream().map(Prepared::taxCountry).toArray(String[]::new))
				.param("taxes", taxed.stream().map(Prepared::taxNumber).toArray(String[]::new))
				.query(Long.class)
				.list());
		}
		var byKey = new HashMap<String, Customer>();
		for (Customer customer : accounts.findAllById(ids)) {
			if (customer.externalRef != null) {
				byKey.put("ref:" + customer.externalRef, customer);
			}
			if (customer.taxNumber != null) {
				byKey.put("tax:" + customer.country + ":" + customer.taxNumber, customer);
			}
		}
		return byKey;
	}

	/**
	 * The contact address of each account that has one: the one its list shows the city of (a contact address first,
	 * then the oldest).
	 */
	private Map<Long, Parts.Address> contactAddresses(List<Prepared> rows, Collection<Customer> matched) {
		if (matched.isEmpty() || rows.stream().allMatch(row -> row.address().isEmpty())) {
			return Map.of();
		}
		List<Long> ids = jdbc.sql("""
				select distinct on (customer) id from customer_address where customer = any(:customers)
				order by customer, purpose = 'CONTACT' desc, id""")
			.param("customers", matched.stream().map(Customer::id).distinct().toArray(Long[]::new))
			.query(Long.class)
			.list();
		var byCustomer = new HashMap<Long, Parts.Address>();
		addresses.findAllById(ids).forEach(address -> byCustomer.put(address.customer(), address));
		return byCustomer;
	}

	/**
	 * New accounts go in with COPY through a staging table, under ids taken from the accounts' sequence beforehand
	 * so that their addresses can follow them; each gets a line in the audit trail.
	 */
	private int copy(List<Decision> created, String source, boolean tolerant, Instant now) {
		List<Long> ids = jdbc.sql("select nextval(pg_get_serial_sequence('customer', 'id')) from generate_series(1, :n)")
			.param("n", created.size())
			.query(Long.class)
			.list();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			try (var statement = connection.createStatement()) {
				statement.execute("create temp table if not exists customer_import_stage on commit delete rows as "
						+ "select " + STAGED_COLUMNS + " from customer with no data");
			}
			var csv = new StringBuilder(created.size() * 256);
			for (int i = 0; i < created.size(); i++) {
				Customer c = created.get(i).customer();
				CopyText.row(csv, ids.get(i), c.kind.name(), c.name, c.isCustomer, c.isSupplier, c.status.name(), c.country,
						c.taxOffice, c.taxNumber, c.email, c.phone, c.website, c.category, c.sector, c.sizeBand,
						c.customerClass, CopyText.array(c.tags), c.salesperson, c.paymentTermDays, c.creditLimit,
						c.riskLimit, c.currency, c.language, c.eInvoiceAlias, c.birthDate, c.externalRef, c.extraFields,
						c.searchText, c.searchDigits, c.sortName, c.createdAt, c.updatedAt, c.createdBy);
			}
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy customer_import_stage (" + STAGED_COLUMNS + ") from stdin with (format csv)",
						new StringReader(csv.toString()));
		}
		catch (SQLException | IOException e) {
			throw new IllegalStateException("Could not stage imported accounts", e);
		}
		searchWords.rememberAll("customer_import_stage");
		List<Long> inserted = jdbc.sql(("insert into customer (%s) overriding system value select %s "
				+ "from customer_import_stage %s returning id")
			.formatted(STAGED_COLUMNS, STAGED_COLUMNS, tolerant ? "on conflict do nothing" : ""))
			.query(Long.class)
			.list();
		audit.createdAll(CustomerService.RECORD_TYPE, inserted, "import", source);
		insertAddresses(created, ids, Set.copyOf(inserted), now);
		return inserted.size();
	}

	/** The contact addresses of the new accounts that were inserted, in one statement. */
	private void insertAddresses(List<Decision> created, List<Long> ids, Set<Long> inserted, Instant now) {
		var rows = new ArrayList<Object[]>();
		for (int i = 0; i < created.size(); i++) {
			Parts.Address a = created.get(i).address();
			if (a != null && inserted.contains(ids.get(i))) {
				rows.add(new Object[] { ids.get(i), a.purpose.name(), a.line1, a.district, a.city, a.region, a.postalCode,
						a.country });
			}
		}
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into customer_address (customer, purpose, line1, district, city, region, postal_code, country, created_at)
				select c, p, l, d, ci, r, pc, co, :now from unnest(cast(:customers as bigint[]), cast(:purposes as varchar[]),
				  cast(:lines as varchar[]), cast(:districts as varchar[]), cast(:cities as varchar[]),
				  cast(:regions as varchar[]), cast(:postalCodes as varchar[]), cast(:countries as varchar[]))
				  as a(c, p, l, d, ci, r, pc, co)""")
			.param("now", java.sql.Timestamp.from(now))
			.param("customers", rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new))
			.param("purposes", column(rows, 1))
			.param("lines", column(rows, 2))
			.param("districts", column(rows, 3))
			.param("cities", column(rows, 4))
			.param("regions", column(rows, 5))
			.param("postalCodes", column(rows, 6))
			.param("countries", column(rows, 7))
			.update();
	}

	private static String[] column(List<Object[]> rows, int index) {
		return rows.stream().map(r -> (String) r[index]).toArray(String[]::new);
	}

	private void progress(UUID id, int processed, int imported, int updated, List<RowError> reported) {
		jdbc.sql("""
				update customer_import set processed = :processed, imported = :imported, updated = :updated,
				  errors = :errors where id = :id""")
			.param("processed", processed)
			.param("imported", imported)
			.param("updated", updated)
			.param("errors", JSON.writeValueAsString(reported))
			.param("id", id)
			.update();
	}

	private void finish(UUID id, String status) {
		jdbc.sql("update customer_import set status = :status, finished_at = now() where id = :id")
			.param("status", status)
			.param("id", id)
			.update();
	}

	private Map<String, Long> names(String sql) {
		var names = new ConcurrentHashMap<String, Long>();
		jdbc.sql(sql).query((rs, n) -> names.putIfAbsent(SearchText.fold(rs.getString("name")), rs.getLong("id"))).list();
		return names;
	}

	/**
	 * A refusal as one line: each invalid field under the header the file gives its column ("Vergi No: …"), or under
	 * the field's label when no column fills it.
	 */
	private String describe(InvalidInputException invalid, List<String> headers, Map<String, Integer> columns) {
		return invalid.violations()
			.stream()
			.map(v -> where(v.field(), headers, columns) + ": " + message(v.messageCode(), v.arguments()))
			.collect(Collectors.joining("; "));
	}

	private String where(String field, List<String> headers, Map<String, Integer> columns) {
		String target = switch (field) {
			case "line1" -> "address";
			case "categoryId", "sectorId", "sizeBandId", "classId", "salespersonId" -> field.replace("Id", "");
			default -> field;
		};
		Integer column = columns.get(target);
		if (column == null && target.equals("roles")) {
			column = columns.getOrDefault("isCustomer", columns.get("isSupplier"));
		}
		return column != null ? headers.get(column) : label(target);
	}

	private String label(String field) {
		String target = field.replace("Id", "");
		return messages.getMessage("customer.field." + target, null, field, LocaleContextHolder.getLocale());
	}

	private String message(String code, Object... arguments) {
		return messages.getMessage(code, arguments, code, LocaleContextHolder.getLocale());
	}

	private CurrentUser requireImporter() {
		return policy.requireReader().require("error.import.forbidden", Role.SALES_MANAGER);
	}

	/** The rules' look-ups, answered from memory after the first time during one import. */
	private static final class CachedReferences implements CustomerEditor.References {

		private final CustomerEditor.References database;
		private final Map<String, Boolean> answers = new ConcurrentHashMap<>();
		private final Map<Long, List<ExtraField>> fields = new ConcurrentHashMap<>();

		CachedReferences(CustomerEditor.References database) {
			this.database = database;
		}

		@Override
		public boolean lookupExists(long id, Lookup.Kind kind) {
			return answers.computeIfAbsent("lookup:" + kind + id, k -> database.lookupExists(id, kind));
		}

		@Override
		public boolean classExists(long id) {
			return answers.computeIfAbsent("class:" + id, k -> database.classExists(id));
		}

		@Override
		public boolean priceListActive(long id) {
			return answers.computeIfAbsent("price-list:" + id, k -> database.priceListActive(id));
		}

		@Override
		public boolean teamActive(long id) {
			return answers.computeIfAbsent("team:" + id, k -> database.teamActive(id));
		}

		@Override
		public List<ExtraField> fieldsOf(long category) {
			return fields.computeIfAbsent(category, database::fieldsOf);
		}

		@Override
		public boolean isSalesperson(long userId) {
			return answers.computeIfAbsent("salesperson:" + userId, k -> database.isSalesperson(userId));
		}

		@Override
		public boolean userExists(long userId) {
			return answers.computeIfAbsent("user:" + userId, k -> database.userExists(userId));
		}
	}
}
