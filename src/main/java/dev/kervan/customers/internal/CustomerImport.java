package dev.kervan.customers.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Commands;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.ImportedTable;
import dev.kervan.platform.ImportedTable.Line;
import dev.kervan.platform.InvalidInputException;
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
 * form and the API; a bad row is reported with its row number and reason, good rows are imported. A row whose
 * external reference or tax number (same country) matches an account updates that account, so importing the
 * same file twice creates no duplicates. New accounts go into the database with COPY, a batch at a time; the job
 * runs in the background and any instance can report its progress.
 */
@Service
public class CustomerImport {

	private static final Logger log = LoggerFactory.getLogger(CustomerImport.class);

	/** The account fields a column may fill. */
	public static final List<String> TARGETS = List.of("kind", "name", "roles", "status", "country", "taxOffice",
			"taxNumber", "email", "phone", "website", "category", "sector", "sizeBand", "class", "tags", "salesperson",
			"paymentTermDays", "creditLimit", "riskLimit", "currency", "language", "externalRef", "eInvoiceAlias",
			"birthDate");

	private static final int BATCH = 2_500;
	private static final int WRITERS = 2;
	private static final int MAX_REPORTED_ERRORS = 1_000;
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String STAGED_COLUMNS = "kind, name, is_customer, is_supplier, status, country, tax_office, "
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

	/** What the mapping step shows: the file's columns, a suggested mapping and the first rows. */
	public record Preview(List<String> headers, Map<String, String> mapping, List<List<String>> rows, int total) {
	}

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transactions;
	private final CustomerAccounts accounts;
	private final CustomerEditor editor;
	private final CustomerService customers;
	private final CustomerPolicy policy;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final SearchWords searchWords;
	private final Clock clock;
	private final Commands commands;
	private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

	CustomerImport(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, CustomerAccounts accounts,
			CustomerEditor editor, CustomerService customers, CustomerPolicy policy, AuditTrail audit,
			MessageSource messages, SearchWords searchWords, Clock clock, Commands commands) {
		this.commands = commands;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = transactions;
		this.accounts = accounts;
		this.editor = editor;
		this.customers = customers;
		this.policy = policy;
		this.audit = audit;
		this.messages = messages;
		this.searchWords = searchWords;
		this.clock = clock;
	}

	@PreDestroy
	void stop() {
		runner.shutdownNow();
	}

	public Preview preview(String filename, byte[] content) {
		requireImporter();
		ImportedTable table = ImportedTable.read(filename, content);
		List<List<String>> rows = table.lines().stream().limit(10).map(Line::cells).toList();
		return new Preview(table.headers(), suggestMapping(table.headers()), rows, table.lines().size());
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

	/** Guesses which column fills which field from the headers, in any of the three languages. */
	public Map<String, String> suggestMapping(List<String> headers) {
		var mapping = new LinkedHashMap<String, String>();
		for (String target : TARGETS) {
			var names = new ArrayList<String>(List.of(normalize(target)));
			for (String language : List.of("en", "tr", "fa")) {
				String label = messages.getMessage("customer.field." + (target.equals("class") ? "class" : target), null,
						"", Locale.forLanguageTag(language));
				if (!label.isEmpty()) {
					names.add(normalize(label));
				}
			}
			headers.stream().filter(h -> names.contains(normalize(h))).findFirst().ifPresent(h -> mapping.put(target, h));
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

	private void run(UUID id, String filename, ImportedTable table, Map<String, Integer> columns, CurrentUser user) {
		var references = new CachedReferences(editor.database());
		Map<String, Long> categories = names("select id, name from customer_lookup where kind = 'CATEGORY' and active");
		Map<String, Long> sectors = names("select id, name from customer_lookup where kind = 'SECTOR' and active");
		Map<String, Long> sizeBands = names("select id, name from customer_lookup where kind = 'SIZE_BAND' and active");
		Map<String, Long> classes = names("select id, name from customer_class where active");
		Map<String, Long> salespeople = names("select id, username as name from user_ref where active");
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
					Prepared row = prepare(line, columns, categories, sectors, sizeBands, classes, salespeople);
					if (row.error() != null) {
						tally.refuse(line.number(), row.error());
						continue;
					}
					if (row.key() != null) {
						Integer first = seenKeys.putIfAbsent(row.key(), line.number());
						if (first != null) {
							tally.refuse(line.number(), message("error.import.duplicate-row", first));
							continue;
						}
					}
					prepared.add(row);
				}
				slots.acquireUninterruptibly();
				pending.add(writers.submit(new DelegatingSecurityContextRunnable(() -> {
					LocaleContextHolder.setLocale(locale);
					try {
						int[] written = writeBatch(prepared, references, user, filename, tally);
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
			Tally tally) {
		try {
			return transactions.execute(status -> write(rows, references, user, source, tally, false));
		}
		catch (org.springframework.dao.DuplicateKeyException collision) {
			return transactions.execute(status -> write(rows, references, user, source, tally, true));
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

	/** A row turned into the change it makes, with the key it is matched by. */
	private record Prepared(int row, @Nullable CustomerChange change, @Nullable String key, @Nullable String taxCountry,
			@Nullable String taxNumber, @Nullable String externalRef, @Nullable String error) {
	}

	private Prepared prepare(Line line, Map<String, Integer> columns, Map<String, Long> categories,
			Map<String, Long> sectors, Map<String, Long> sizeBands, Map<String, Long> classes,
			Map<String, Long> salespeople) {
		ObjectNode doc = JSON.createObjectNode();
		var problems = new ArrayList<String>();
		columns.forEach((target, column) -> {
			String value = line.cell(column).strip();
			if (value.isEmpty()) {
				return;
			}
			// Checked before anything is looked up by it: a NUL fails a query, and a refused row's reason is stored.
			var unfit = TextHygiene.characterProblem(value);
			if (unfit.isPresent()) {
				problems.add(label(target) + ": " + message(unfit.get()));
				return;
			}
			switch (target) {
				case "roles", "tags" -> {
					var array = doc.putArray(target);
					for (String part : value.split("[,;|]")) {
						if (!part.isBlank()) {
							array.add(target.equals("roles") ? part.strip().toUpperCase(Locale.ROOT) : part.strip());
						}
					}
				}
				case "category" -> reference(doc, "categoryId", categories, value, target, problems);
				case "sector" -> reference(doc, "sectorId", sectors, value, target, problems);
				case "sizeBand" -> reference(doc, "sizeBandId", sizeBands, value, target, problems);
				case "class" -> reference(doc, "classId", classes, value, target, problems);
				case "salesperson" -> reference(doc, "salespersonId", salespeople, value, target, problems);
				case "kind", "status", "currency", "country" -> doc.put(target, value.toUpperCase(Locale.ROOT));
				default -> doc.put(target, value);
			}
		});
		if (!doc.has("kind")) {
			doc.put("kind", "COMPANY");
		}
		if (!problems.isEmpty()) {
			return new Prepared(line.number(), null, null, null, null, null, String.join("; ", problems));
		}
		CustomerChange change;
		try {
			change = commands.readCanonical(doc, CustomerChange.class);
		}
		catch (InvalidInputException invalid) {
			return new Prepared(line.number(), null, null, null, null, null, describe(invalid));
		}
		String country = doc.has("country") ? doc.get("country").asString() : "TR";
		String taxNumber = doc.has("taxNumber") ? CustomerRules.normalizeTaxNumber(doc.get("taxNumber").asString()) : null;
		String externalRef = doc.has("externalRef") ? doc.get("externalRef").asString() : null;
		String key = externalRef != null ? "ref:" + externalRef : taxNumber != null ? "tax:" + country + ":" + taxNumber : null;
		return new Prepared(line.number(), change, key, country, taxNumber, externalRef, null);
	}

	private void reference(ObjectNode doc, String field, Map<String, Long> ids, String value, String target,
			List<String> problems) {
		Long id = ids.get(SearchText.fold(value));
		if (id == null) {
			problems.add(label(target) + ": " + message("error.import.unknown-name", value));
		}
		else {
			doc.put(field, id);
		}
	}

	/** Writes one batch: updates of matched accounts, then the new ones with COPY. Answers imported, updated, refused. */
	private int[] write(List<Prepared> rows, CachedReferences references, CurrentUser user, String source,
			Tally tally, boolean tolerant) {
		long started = System.nanoTime();
		Map<String, Customer> existing = existing(rows);
		long matched = System.nanoTime();
		var created = new ArrayList<Customer>();
		int updated = 0;
		int refused = 0;
		Instant now = clock.instant();
		for (Prepared row : rows) {
			Customer match = row.externalRef() != null ? existing.get("ref:" + row.externalRef())
					: row.taxNumber() != null ? existing.get("tax:" + row.taxCountry() + ":" + row.taxNumber()) : null;
			boolean creating = match == null;
			Customer customer = creating ? new Customer() : match;
			var before = creating ? null : customer.auditSnapshot();
			var checks = new Checks();
			editor.apply(row.change(), customer, creating, user, references, checks);
			try {
				checks.throwIfInvalid();
			}
			catch (InvalidInputException invalid) {
				refused++;
				tally.note(new RowError(row.row(), describe(invalid)));
				continue;
			}
			if (creating) {
				customer.createdAt = now;
				customer.updatedAt = now;
				customer.createdBy = user.username();
				SearchIndex.refresh(customer, List.of(), List.of());
				created.add(customer);
			}
			else {
				customer.updatedAt = now;
				customers.refreshIndex(customer);
				customers.save(customer);
				audit.updated(CustomerService.RECORD_TYPE, customer.id(), before, customer.auditSnapshot());
				updated++;
			}
		}
		long checked = System.nanoTime();
		int imported = created.isEmpty() ? 0 : copy(created, source, tolerant);
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

	/** New accounts go in with COPY through a staging table; each gets a line in the audit trail. */
	private int copy(List<Customer> created, String source, boolean tolerant) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			try (var statement = connection.createStatement()) {
				statement.execute("create temp table if not exists customer_import_stage on commit delete rows as "
						+ "select " + STAGED_COLUMNS + " from customer with no data");
			}
			var csv = new StringBuilder(created.size() * 256);
			for (Customer c : created) {
				CopyText.row(csv, c.kind.name(), c.name, c.isCustomer, c.isSupplier, c.status.name(), c.country,
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
		List<Long> inserted = jdbc.sql("insert into customer (%s) select %s from customer_import_stage %s returning id"
			.formatted(STAGED_COLUMNS, STAGED_COLUMNS, tolerant ? "on conflict do nothing" : ""))
			.query(Long.class)
			.list();
		audit.createdAll(CustomerService.RECORD_TYPE, inserted, "import", source);
		return inserted.size();
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

	private String describe(InvalidInputException invalid) {
		return invalid.violations()
			.stream()
			.map(v -> label(v.field()) + ": " + message(v.messageCode(), v.arguments()))
			.collect(Collectors.joining("; "));
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

	private static String normalize(String header) {
		return SearchText.fold(header).replaceAll("[\\s_\\-./()]", "");
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
