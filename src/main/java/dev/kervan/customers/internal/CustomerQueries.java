package dev.kervan.customers.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.internal.CustomerViews.Detail;
import dev.kervan.customers.internal.CustomerViews.ListItem;
import dev.kervan.customers.internal.CustomerViews.Similar;
import dev.kervan.identity.Users;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.CustomPlans;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finding accounts: the list with its filters and sort orders, and the search that finds an account by any
 * part of its name, its tax number, email, phone number in any format or a contact's name, whatever the case,
 * accents or Turkish i's, and also when the name is misspelt. Exact matches come first (by name), then
 * near matches (closest first). Archived accounts are left out.
 */
@Service
public class CustomerQueries {

	/** What to list. */
	public record Filter(@Nullable String q, @Nullable Long categoryId, @Nullable Long sectorId, @Nullable Long classId,
			@Nullable String tag, @Nullable Long salespersonId, @Nullable CustomerStatus status,
			@Nullable CustomerRole role, @Nullable CustomerKind kind) {

		public static Filter none() {
			return new Filter(null, null, null, null, null, null, null, null, null);
		}
	}

	/** Sort orders of the list without a search. */
	public enum Sort {
		NAME, NEWEST;

		public static Sort of(@Nullable String name) {
			if (name == null || name.isBlank()) {
				return NAME;
			}
			try {
				return valueOf(name.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("sort", "error.sort.unknown", name);
			}
		}
	}

	/**
	 * How many accounts in order a search tries before it looks its words up in the index: comparing words is
	 * dearer than comparing a filter's columns, hence a smaller window.
	 */
	private static final int[] SEARCH_WINDOWS = { 500 };

	/** How many accounts in order a filtered list tries before it finds all matches and sorts them. */
	private static final int[] LIST_WINDOWS = { 1_000, 20_000 };

	private static final String COLUMNS = """
			c.id, c.name, c.kind, c.status, c.is_customer, c.is_supplier, c.country, c.tax_number, c.email, c.phone,
			c.tags, c.salesperson, c.customer_class, c.category, c.archived_at, c.created_at, c.version, c.sort_name,
			(select a.city from customer_address a where a.customer = c.id order by a.purpose = 'CONTACT' desc, a.id limit 1) as city""";

	private final JdbcClient jdbc;
	private final Users users;
	private final CustomerPolicy policy;
	private final SearchWords searchWords;
	private final CustomPlans customPlans;

	CustomerQueries(JdbcClient jdbc, Users users, CustomerPolicy policy, SearchWords searchWords, CustomPlans customPlans) {
		this.jdbc = jdbc;
		this.users = users;
		this.policy = policy;
		this.searchWords = searchWords;
		this.customPlans = customPlans;
	}

	public KeysetPage<ListItem> page(Filter filter, Sort sort, @Nullable String cursor, PageLimit limit) {
		policy.requireReader();
		Search search = Search.of(filter.q());
		return customPlans.read(() -> search.isEmpty() ? plainPage(filter, sort, cursor, limit)
				: searchPage(filter, search, cursor, limit));
	}

	public Detail detail(Customer c) {
		Map<Long, String> people = new HashMap<>(users.names(nonNull(c.salesperson, c.referrer)));
		Map<Long, String> lookups = lookupNames(nonNull(c.category, c.sector, c.sizeBand));
		String className = c.customerClass == null ? null
				: jdbc.sql("select name from customer_class where id = :id").param("id", c.customerClass)
					.query(String.class).optional().orElse(null);
		return new Detail(c.id(), c.kind, c.name, c.roles(), c.status, c.country, c.taxOffice, c.taxNumber, c.email,
				c.phone, PhoneNumbers.display(c.phone), c.website, c.category, lookups.get(c.category), c.sector,
				lookups.get(c.sector), c.sizeBand, lookups.get(c.sizeBand), c.customerClass, className,
				List.copyOf(c.tags), c.salesperson, people.get(c.salesperson), c.team, c.paymentTermDays, Decimals.plain(c.creditLimit, 2),
				Decimals.plain(c.riskLimit, 2), c.currency, c.language, c.referrer, people.get(c.referrer), c.priceList, c.eInvoiceAlias,
				c.receivableAccount, c.payableAccount, c.birthDate, c.externalRef, CustomerEditor.read(c.extraFields),
				c.archived(), c.archivedAt, c.createdAt, c.updatedAt, c.createdBy, c.version());
	}

	/** A contact of an account, as the global search names it. */
	public record ContactLine(long id, long customer, String name, @Nullable String jobTitle, @Nullable String email) {
	}

	/** The contacts of some accounts, in the order they were added. */
	public Map<Long, List<ContactLine>> contactsOf(List<Long> accounts) {
		var contacts = new LinkedHashMap<Long, List<ContactLine>>();
		if (accounts.isEmpty()) {
			return contacts;
		}
		jdbc.sql("select id, customer, name, job_title, email from customer_contact where customer in (:accounts) order by customer, id")
			.param("accounts", Set.copyOf(accounts))
			.query((rs, n) -> new ContactLine(rs.getLong("id"), rs.getLong("customer"), rs.getString("name"),
					rs.getString("job_title"), rs.getString("email")))
			.list()
			.forEach(contact -> contacts.computeIfAbsent(contact.customer(), id -> new ArrayList<>()).add(contact));
		return contacts;
	}

	/** Accounts whose names resemble a name being typed, to warn of a duplicate before it is created. */
	public List<Similar> similar(@Nullable String name, int limit) {
		policy.requireReader();
		String folded = SearchText.fold(name);
		if (folded.length() < 3) {
			return List.of();
		}
		return jdbc.sql("""
				select id, name, tax_number, country, similarity(sort_name, :q) as score from customer
				where archived_at is null and sort_name % :q
				order by score desc, id limit :limit""")
			.param("q", folded)
			.param("limit", limit)
			.query((rs, n) -> new Similar(rs.getLong("id"), rs.getString("name"), rs.getString("tax_number"),
					rs.getString("country"), rs.getDouble("score")))
			.list();
	}

	private KeysetPage<ListItem> plainPage(Filter filter, Sort sort, @Nullable String cursor, PageLimit limit) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		where.add("c.archived_at is null");
		Cursor after = Cursor.decode(cursor, 2);
		if (after != null) {
			where.add(sort == Sort.NAME ? "(c.sort_name, c.id) > (:afterKey, :afterId)" : "c.id < :afterId");
			params.put("afterKey", after.text(0));
			params.put("afterId", after.number(1));
		}
		var conditions = new ArrayList<String>();
		filterConditions(filter, conditions, params);
		List<Row> rows = firstInOrder(String.join(" and ", where), conditions.isEmpty() ? null : String.join(" and ", conditions),
				params, sort == Sort.NAME ? ListOrder.NAME : ListOrder.NEWEST, LIST_WINDOWS, limit.probe());
		return KeysetPage.of(named(rows), limit,
				item -> Cursor.encode(sort == Sort.NAME ? SearchText.fold(item.name()) : "", item.id()));
	}

	/**
	 * Exact matches first: accounts whose names start with what was typed, then those whose own name holds every word,
	 * then those found by anything else (a contact, a city, an email); when they run out, near matches (a misspelt word
	 * read as the existing words closest to it), names that start with them first. Each part in name order; the
	 * cursor says which part the next page continues.
	 * <p>
	 * Names that start with the words typed are read in order from the name index, a few rows whatever the size of
	 * the table: most searches are a name typed from its start and end there. Only when they do not fill the page
	 * does the search text's trigram index look further, and its matches are sorted.
	 */
	private KeysetPage<ListItem> searchPage(Filter filter, Search search, @Nullable String cursor, PageLimit limit) {
		Cursor after = Cursor.decode(cursor, 3);
		int from = after == null ? 0 : (int) after.number(0);
		if (after == null && search.isWholeTaxNumber()) {
			// A whole tax number names its account: found by equality, without asking the trigram index, whose digit
			// trigrams each hold thousands of accounts (20 ms at a million). Only when none has it is it searched for
			// inside other numbers (a phone typed without spaces).
			List<Row> named = byTaxNumber(filter, search.digits(), limit.probe());
			if (!named.isEmpty()) {
				return KeysetPage.of(named(named), limit, item -> Cursor.encode(Phase.NAME.ordinal(), SearchText.fold(item.name()), item.id()));
			}
		}
		var rows = new ArrayList<Row>();
		var phases = new HashMap<Long, Phase>();
		var alternatives = new LinkedHashMap<String, List<String>>();
		for (Phase phase : Phase.values()) {
			if (phase.ordinal() < from || rows.size() > limit.value()) {
				continue;
			}
			if ((phase == Phase.NEAR_START || phase == Phase.NEAR) && alternatives.isEmpty() && search.allowsFuzzy()) {
				alternatives.putAll(searchWords.alternatives(search.words()));
			}
			@Nullable Cursor continued = phase.ordinal() == from ? after : null;
			int wanted = limit.probe() - rows.size();
			List<Row> found = switch (phase) {
				case START -> search.ranksNames() ? startingWith(filter, List.of(search.folded()), null, continued, wanted) : List.of();
				case NAME -> firstMatches(filter, params -> search.ranksNames()
						? search.exactCondition(params) + " and " + search.nameCondition(params) + " and not "
								+ Search.startsWithAny(List.of(search.folded()), "start", params)
						: search.exactCondition(params), continued, wanted);
				case ELSEWHERE -> search.ranksNames() ? firstMatches(filter,
						params -> search.exactCondition(params) + " and not " + search.nameCondition(params), continued, wanted)
						: List.of();
				case NEAR_START -> search.hasNeighbours(alternatives) && search.ranksNames()
						? startingWith(filter, search.nearStarts(alternatives), search, continued, wanted) : List.of();
				case NEAR -> search.hasNeighbours(alternatives) ? firstMatches(filter, params -> search.nearCondition(alternatives, params)
						+ " and not " + search.exactCondition(params)
						+ (search.ranksNames() ? " and not " + Search.startsWithAny(search.nearStarts(alternatives), "nearStart", params) : ""),
						continued, wanted) : List.of();
			};
			found.forEach(row -> {
				phases.put(row.id(), phase);
				rows.add(row);
			});
		}
		return KeysetPage.of(named(rows), limit,
				item -> Cursor.encode(phases.get(item.id()).ordinal(), SearchText.fold(item.name()), item.id()));
	}

	private List<Row> byTaxNumber(Filter filter, String taxNumber, int limit) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		filters(filter, where, params);
		where.add("c.tax_number = :taxNumber");
		params.put("taxNumber", taxNumber);
		params.put("limit", limit);
		return jdbc.sql("select " + COLUMNS + " from customer c where " + String.join(" and ", where)
				+ " order by c.sort_name, c.id limit :limit")
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The parts of a search's answer, in the order they are listed. */
	private enum Phase {
		START, NAME, ELSEWHERE, NEAR_START, NEAR
	}

	/**
	 * The first accounts in name order, after the cursor, that pass the filter and whose names start with one of the
	 * texts (and, for near matches, are not exact ones): one walk of the name index per text, merged.
	 */
	private List<Row> startingWith(Filter filter, List<String> starts, @Nullable Search notExact, @Nullable Cursor after,
			int limit) {
		var merged = new ArrayList<Row>();
		for (String start : starts) {
			var where = new ArrayList<String>();
			var params = new HashMap<String, Object>();
			filters(filter, where, params);
			afterName(after, where, params);
			where.add(Search.startsWithAny(List.of(start), "start", params));
			if (notExact != null) {
				where.add("not " + notExact.exactCondition(params));
			}
			merged.addAll(firstInOrder(String.join(" and ", where), null, params, ListOrder.NAME, SEARCH_WINDOWS, limit));
		}
		if (starts.size() == 1) {
			return merged;
		}
		return merged.stream()
			.distinct()
			.sorted(java.util.Comparator.comparing((Row row) -> SearchText.fold(row.name())).thenComparing(Row::id))
			.limit(limit)
			.toList();
	}

	/**
	 * The first accounts in name order, after the cursor, that pass the filter and a search condition.
	 */
	private List<Row> firstMatches(Filter filter, Function<Map<String, Object>, String> condition, @Nullable Cursor after,
			int limit) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		filters(filter, where, params);
		afterName(after, where, params);
		String search = condition.apply(params);
		return firstInOrder(String.join(" and ", where), search, params, ListOrder.NAME, SEARCH_WINDOWS, limit);
	}

	/** The orders a list can have, each served by an index. */
	private enum ListOrder {
		NAME("%1$s.sort_name, %1$s.id"), NEWEST("%1$s.id desc");

		private final String columns;

		ListOrder(String columns) {
			this.columns = columns;
		}

		String of(String alias) {
			return columns.formatted(alias);
		}
	}

	/**
	 * The first accounts in an order, within a scope the order's index serves, that meet a condition. How many
	 * accounts a condition matches, and where in the order they lie, is beyond the planner's statistics: walking
	 * the index in search of rare matches, or of matches that all lie at the far end, reads the whole table. So
	 * growing windows of the first accounts in order are tried (enough when matches are common); when they do not
	 * fill the page, every match is found through the other indexes, or one scan of the table, and then sorted.
	 */
	private List<Row> firstInOrder(String scope, @Nullable String condition, Map<String, Object> params, ListOrder order,
			int[] windows, int limit) {
		params.put("limit", limit);
		if (condition == null) {
			return jdbc.sql("select " + COLUMNS + " from customer c where " + scope + " order by " + order.of("c") + " limit :limit")
				.params(params)
				.query((rs, n) -> row(rs))
				.list();
		}
		for (int window : windows) {
			params.put("window", window);
			List<Row> rows = jdbc.sql("select " + COLUMNS + " from (select * from customer c where " + scope + " order by "
					+ order.of("c") + " limit :window) c where " + condition + " order by " + order.of("c") + " limit :limit")
				.params(params)
				.query((rs, n) -> row(rs))
				.list();
			if (rows.size() >= limit) {
				return rows;
			}
		}
		// Materialized, so that the planner finds all matches before it sorts them.
		return jdbc.sql("with found as materialized (select c.id, c.sort_name from customer c where " + scope + " and " + condition
				+ ") select " + COLUMNS + " from customer c join (select id, sort_name from found order by " + order.of("found")
				+ " limit :limit) page on page.id = c.id order by " + order.of("page"))
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
	}

	private static void afterName(@Nullable Cursor after, List<String> where, Map<String, Object> params) {
		if (after != null) {
			where.add("(c.sort_name, c.id) > (:afterKey, :afterId)");
			params.put("afterKey", after.text(1));
			params.put("afterId", after.number(2));
		}
	}

	private static void filters(Filter filter, List<String> where, Map<String, Object> params) {
		where.add("c.archived_at is null");
		filterConditions(filter, where, params);
	}

	/** The filter's conditions on the table aliased {@code c}, its search taking exact and near matches alike. */
	void whereOf(Filter filter, List<String> where, Map<String, Object> params) {
		filterConditions(filter, where, params);
		Search search = Search.of(filter.q());
		if (search.isEmpty()) {
			return;
		}
		var alternatives = search.allowsFuzzy() ? searchWords.alternatives(search.words()) : Map.<String, List<String>>of();
		where.add(search.hasNeighbours(alternatives)
				? "(" + search.exactCondition(params) + " or " + search.nearCondition(alternatives, params) + ")"
				: search.exactCondition(params));
	}

	static void filterConditions(Filter filter, List<String> where, Map<String, Object> params) {
		if (filter.categoryId() != null) {
			where.add("c.category = :category");
			params.put("category", filter.categoryId());
		}
		if (filter.sectorId() != null) {
			where.add("c.sector = :sector");
			params.put("sector", filter.sectorId());
		}
		if (filter.classId() != null) {
			where.add("c.customer_class = :class");
			params.put("class", filter.classId());
		}
		if (filter.tag() != null && !filter.tag().isBlank()) {
			where.add("c.tags @> array[cast(:tag as text)]");
			params.put("tag", filter.tag().strip());
		}
		if (filter.salespersonId() != null) {
			where.add("c.salesperson = :salesperson");
			params.put("salesperson", filter.salespersonId());
		}
		if (filter.status() != null) {
			where.add("c.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.role() == CustomerRole.CUSTOMER) {
			where.add("c.is_customer");
		}
		else if (filter.role() == CustomerRole.SUPPLIER) {
			where.add("c.is_supplier");
		}
		if (filter.kind() != null) {
			where.add("c.kind = :kind");
			params.put("kind", filter.kind().name());
		}
	}

	/** What a person typed into a search box, folded and split the ways the index is. */
	private record Search(String folded, List<String> words, String digits) {

		/** How many starts of names a near match is looked for among, each one walk of the name index. */
		static final int NEAR_STARTS = 16;


		static Search of(@Nullable String typed) {
			String folded = SearchText.fold(typed);
			List<String> words = folded.isEmpty() ? List.of()
					: Arrays.stream(folded.split(" ")).filter(w -> !w.isEmpty()).distinct().limit(8).toList();
			String digits = PhoneNumbers.digits(typed);
			boolean numeric = typed != null && digits.length() >= 3 && typed.replaceAll("[\\d\\s+()./-]", "").isEmpty();
			return new Search(folded, words, numeric ? digits : "");
		}

		boolean isEmpty() {
			return words.isEmpty();
		}

		/** Digits alone, as many as a tax number has: ten or eleven in Türkiye, ten to twelve in Iran. */
		boolean isWholeTaxNumber() {
			return digits.length() >= 10 && digits.length() <= 12 && folded.equals(digits);
		}

		/** Typing errors are forgiven in words, not in numbers, and not in one or two letters. */
		boolean allowsFuzzy() {
			return digits.isEmpty() && folded.length() >= 3;
		}

		/**
		 * Every word appears. The trigram index finds words of three letters or more anywhere in the text; a
		 * shorter word ("ve", "و", "a.ş.") has no trigram, so it only narrows what the longer ones found, as the
		 * start of a word. A query of short words alone looks for names that start with it.
		 */
		String exactCondition(Map<String, Object> params) {
			if (!digits.isEmpty()) {
				params.put("digits", "%" + digits + "%");
				return "(c.search_digits like :digits)";
			}
			if (words.stream().noneMatch(Search::indexable)) {
				params.put("prefixFrom", folded);
				params.put("prefixTo", folded + Character.toString(Character.MAX_CODE_POINT));
				params.put("prefix", SearchText.escapeLike(folded) + "%");
				return "(c.sort_name >= :prefixFrom and c.sort_name < :prefixTo and c.sort_name like :prefix)";
			}
			var conditions = new ArrayList<String>();
			for (int i = 0; i < words.size(); i++) {
				conditions.add(contains(words.get(i), "word" + i, params));
			}
			return "(" + String.join(" and ", conditions) + ")";
		}

		/**
		 * Whether accounts found by their own name are listed before those found by anything else. A number is
		 * not a name, and a query of short words alone looks at names only.
		 */
		boolean ranksNames() {
			return digits.isEmpty() && words.stream().anyMatch(Search::indexable);
		}

		/**
		 * Every word appears in the account's own name. Checked on the rows the search text's index found: the
		 * name is part of that text.
		 */
		String nameCondition(Map<String, Object> params) {
			var conditions = new ArrayList<String>();
			for (int i = 0; i < words.size(); i++) {
				params.put("name" + i, "%" + SearchText.escapeLike(words.get(i)) + "%");
				conditions.add("c.sort_name like :name" + i);
			}
			return "(" + String.join(" and ", conditions) + ")";
		}

		/** The name starts with one of the texts: ranges of the name index. */
		static String startsWithAny(List<String> starts, String param, Map<String, Object> params) {
			var ranges = new ArrayList<String>();
			for (int i = 0; i < starts.size(); i++) {
				params.put(param + i + "From", starts.get(i));
				params.put(param + i + "To", starts.get(i) + Character.toString(Character.MAX_CODE_POINT));
				ranges.add("(c.sort_name >= :" + param + i + "From and c.sort_name < :" + param + i + "To)");
			}
			return "(" + String.join(" or ", ranges) + ")";
		}

		/**
		 * The words typed, in their order, with the misspelt ones read as their neighbours: the starts of names a near
		 * match is first looked for among. At most {@value #NEAR_STARTS}, the spellings as typed first.
		 */
		List<String> nearStarts(Map<String, List<String>> alternatives) {
			List<String> starts = List.of("");
			for (String word : words) {
				var spellings = new LinkedHashSet<String>();
				spellings.add(word);
				spellings.addAll(alternatives.getOrDefault(word, List.of()));
				var longer = new ArrayList<String>();
				for (String start : starts) {
					for (String spelling : spellings) {
						longer.add(start.isEmpty() ? spelling : start + " " + spelling);
					}
				}
				starts = longer.size() > NEAR_STARTS ? longer.subList(0, NEAR_STARTS) : longer;
			}
			return starts.stream().filter(start -> !start.equals(folded)).toList();
		}

		/** Whether some word has a neighbour; when none has, nothing is near that is not also exact. */
		boolean hasNeighbours(Map<String, List<String>> alternatives) {
			return words.stream().anyMatch(word -> alternatives.getOrDefault(word, List.of()).stream().anyMatch(a -> !a.equals(word)));
		}

		/** Every word, or one of the existing words closest to it, appears. */
		String nearCondition(Map<String, List<String>> alternatives, Map<String, Object> params) {
			var conditions = new ArrayList<String>();
			for (int i = 0; i < words.size(); i++) {
				String word = words.get(i);
				var spellings = new LinkedHashSet<String>();
				spellings.add(word);
				spellings.addAll(alternatives.getOrDefault(word, List.of()));
				var either = new ArrayList<String>();
				int j = 0;
				for (String spelling : spellings) {
					either.add(contains(spelling, "near" + i + "_" + j++, params));
				}
				conditions.add("(" + String.join(" or ", either) + ")");
			}
			return "(" + String.join(" and ", conditions) + ")";
		}

		private static String contains(String word, String param, Map<String, Object> params) {
			if (indexable(word)) {
				params.put(param, "%" + SearchText.escapeLike(word) + "%");
				return "c.search_text like :" + param;
			}
			// An expression the index cannot answer, so the planner checks it on the rows the long words found.
			params.put(param, "% " + SearchText.escapeLike(word) + "%");
			return "(' ' || c.search_text) like :" + param;
		}

		/** The trigram index splits text at anything but letters and digits and needs three in a row. */
		private static boolean indexable(String word) {
			int run = 0;
			for (int i = 0; i < word.length(); i++) {
				run = Character.isLetterOrDigit(word.charAt(i)) ? run + 1 : 0;
				if (run == 3) {
					return true;
				}
			}
			return false;
		}


	}

	/** A list row before the names of people and lookups are added. */
	private record Row(long id, String name, CustomerKind kind, CustomerStatus status, Set<CustomerRole> roles,
			String country, @Nullable String taxNumber, @Nullable String email, @Nullable String phone, List<String> tags,
			@Nullable Long salesperson, @Nullable Long customerClass, @Nullable Long category, @Nullable String city,
			boolean archived, java.time.Instant createdAt, long version) {
	}

	private static Row row(ResultSet rs) throws SQLException {
		var roles = new HashSet<CustomerRole>();
		if (rs.getBoolean("is_customer")) {
			roles.add(CustomerRole.CUSTOMER);
		}
		if (rs.getBoolean("is_supplier")) {
			roles.add(CustomerRole.SUPPLIER);
		}
		return new Row(rs.getLong("id"), rs.getString("name"), CustomerKind.valueOf(rs.getString("kind")),
				CustomerStatus.valueOf(rs.getString("status")), roles, rs.getString("country"), rs.getString("tax_number"),
				rs.getString("email"), rs.getString("phone"), texts(rs.getArray("tags")),
				(Long) rs.getObject("salesperson"), (Long) rs.getObject("customer_class"), (Long) rs.getObject("category"),
				rs.getString("city"), rs.getObject("archived_at") != null,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
	}

	/** Adds the names of salespeople, classes and categories, with one look-up each per page. */
	private List<ListItem> named(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, String> people = new HashMap<>(
				users.names(rows.stream().map(Row::salesperson).filter(Objects::nonNull).toList()));
		Map<Long, String> lookups = lookupNames(rows.stream().map(Row::category).filter(Objects::nonNull).toList());
		Map<Long, String> classes = classNames(rows.stream().map(Row::customerClass).filter(Objects::nonNull).toList());
		return rows.stream()
			.map(r -> new ListItem(r.id(), r.name(), r.kind(), r.status(), r.roles(), r.country(), r.taxNumber(),
					r.email(), r.phone(), PhoneNumbers.display(r.phone()), r.tags(), r.salesperson(),
					people.get(r.salesperson()), r.customerClass(), classes.get(r.customerClass()), r.category(),
					lookups.get(r.category()), r.city(), r.archived(), r.createdAt(), r.version()))
			.toList();
	}

	private Map<Long, String> lookupNames(List<Long> ids) {
		return names("select id, name from customer_lookup where id in (:ids)", ids);
	}

	private Map<Long, String> classNames(List<Long> ids) {
		return names("select id, name from customer_class where id in (:ids)", ids);
	}

	/** Names by id; looking up a missing or {@code null} id answers {@code null}. */
	private Map<Long, String> names(String sql, List<Long> ids) {
		if (ids.isEmpty()) {
			return new HashMap<>();
		}
		var names = new LinkedHashMap<Long, String>();
		jdbc.sql(sql)
			.param("ids", Set.copyOf(ids))
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	private static List<Long> nonNull(@Nullable Long... ids) {
		return Arrays.stream(ids).filter(Objects::nonNull).toList();
	}

	private static List<String> texts(@Nullable Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return List.of((String[]) array.getArray());
	}
}
