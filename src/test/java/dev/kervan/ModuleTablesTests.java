package dev.kervan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the modules' boundaries in SQL as {@link ModularityTests} keeps them in Java. A module owns the tables
 * and views its migrations create ({@code V…__<module>_<what>.sql}); its main code names only those, and reads
 * another module's data only through that module's read views ({@code *_ref}), never writing them. The platform's
 * tables are reached through the platform's API alone.
 */
class ModuleTablesTests {

	private static final Path SOURCES = Path.of("src/main/java/dev/kervan");
	private static final Path RESOURCES = Path.of("src/main/resources");
	private static final Path MIGRATIONS = RESOURCES.resolve("db/migration");

	/**
	 * Migrations named before the module prefix was the rule, or after the wrong module (the price rules' indexes the
	 * inventory's benchmark needed): Flyway checks the names of applied migrations, so they keep theirs.
	 */
	private static final Map<String, String> EARLIER_MIGRATIONS = Map.of(
			"V202611240204__leads.sql", "pipeline",
			"V202611240205__calendar_feeds.sql", "activities",
			"V202611240207__lead_settings_and_web_form.sql", "pipeline",
			"V202611240303__inventory_bench_indexes.sql", "catalog");

	/** Tables a framework creates itself instead of our migrations. */
	private static final Map<String, String> FRAMEWORK_TABLES = Map.of("flyway_schema_history", "platform");

	private static final String READ_VIEW_SUFFIX = "_ref";

	private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__([a-z]+)_?.*\\.sql");
	private static final Pattern CREATED = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:unlogged\\s+)?(table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern RENAMED = Pattern.compile(
			"\\balter\\s+(?:table|view)\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern VIEW_BODY = Pattern.compile(
			"\\bcreate\\s+(?:or\\s+replace\\s+)?(?:materialized\\s+)?view\\s+([a-z_][a-z0-9_]*)[^;]*?\\bas\\b([^;]*)",
			Pattern.CASE_INSENSITIVE);
	/** SQL that ends where a table's name should follow ("… from " + table). */
	private static final Pattern NAME_LEFT_OUT = Pattern.compile(
			"(?is)\\b(select|insert|update|delete)\\b.*\\b(from|join|into|update|table)\\s*$");
	private static final Pattern INDEXED = Pattern.compile(
			"\\bcreate\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?[a-z_0-9]*\\s*on\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)",
			Pattern.CASE_INSENSITIVE);
	private static final Pattern TABLE_ANNOTATION = Pattern.compile("@Table\\(\\s*(?:(?:value|name)\\s*=\\s*)?\"([a-z_0-9]+)\"");

	private static final Set<String> MODULES = modules();
	private static final Map<String, Set<String>> CREATORS = creators();

	/** Which module owns each table and view, as the migrations (and the frameworks' own tables) say. */
	static Map<String, String> owners() {
		var owners = new TreeMap<String, String>(FRAMEWORK_TABLES);
		CREATORS.forEach((relation, modules) -> owners.put(relation, modules.iterator().next()));
		return owners;
	}

	@Test
	void everyMigrationNamesTheModuleThatOwnsIt() {
		var unnamed = new ArrayList<String>();
		for (Path migration : migrations()) {
			if (moduleOf(migration) == null) {
				unnamed.add(migration.getFileName() + ": name it V<yyyyMMddHHmm>__<module>_<what>.sql, <module> one of " + MODULES);
			}
		}
		assertThat(unnamed).as("migrations without their module's name").isEmpty();
	}

	@Test
	void everyTableAndViewIsCreatedByOneModule() {
		var shared = new ArrayList<String>();
		CREATORS.forEach((relation, owners) -> {
			if (owners.size() > 1) {
				shared.add(relation + " is created by the migrations of " + owners);
			}
		});
		assertThat(shared).as("tables created by more than one module").isEmpty();
		assertThat(CREATORS).as("the tables the migrations create").containsKeys("customer", "product", "activity", "stock_move");
	}

	@Test
	void migrationsChangeOnlyTheirOwnModulesTables() {
		var violations = new ArrayList<String>();
		for (Path migration : migrations()) {
			String module = moduleOf(migration);
			String sql = withoutComments(read(migration));
			var changed = new ArrayList<String>();
			SqlReferences.in(sql).stream().filter(SqlReference::writes).forEach(reference -> changed.add(reference.relation()));
			Matcher indexed = INDEXED.matcher(sql);
			while (indexed.find()) {
				changed.add(indexed.group(1).toLowerCase(java.util.Locale.ROOT));
			}
			for (String relation : changed) {
				String owner = ownerOf(relation);
				if (owner != null && !owner.equals(module)) {
					violations.add(migration.getFileName() + " changes " + relation + ", a table of " + owner);
				}
			}
		}
		assertThat(violations).as("migrations changing another module's tables").isEmpty();
	}

	@Test
	void readViewsReadOnlyTheirOwnModulesTables() {
		var violations = new ArrayList<String>();
		for (Path migration : migrations()) {
			String module = moduleOf(migration);
			String sql = read(migration);
			Matcher view = VIEW_BODY.matcher(withoutComments(sql));
			while (view.find()) {
				for (SqlReference reference : SqlReferences.in(view.group(2))) {
					String owner = ownerOf(reference.relation());
					if (owner != null && !owner.equals(module)) {
						violations.add(migration.getFileName() + ": view " + view.group(1) + " reads " + reference.relation()
								+ " of " + owner + "; a module's views offer its own tables");
					}
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void mainCodeNamesOnlyItsOwnTablesAndOtherModulesReadViews() {
		var violations = new ArrayList<String>();
		for (Path file : files(SOURCES, ".java")) {
			String module = SOURCES.relativize(file).getName(0).toString();
			if (!MODULES.contains(module)) {
				continue;
			}
			checkJava(violations, module, file, read(file));
		}
		for (Path file : files(RESOURCES, ".sql")) {
			if (file.startsWith(MIGRATIONS)) {
				continue;
			}
			String module = file.getParent().getFileName().toString();
			if (!MODULES.contains(module)) {
				violations.add(file + ": put SQL resources in a folder named after their module");
				continue;
			}
			String sql = read(file);
			for (SqlReference reference : SqlReferences.in(sql)) {
				check(violations, module, file, lineOf(sql, reference.offset()), reference);
			}
		}
		assertThat(violations).as("SQL naming another module's tables").isEmpty();
	}

	@Test
	void theCheckFindsReadsAndWritesOfAnotherModulesTables() {
		var violations = new ArrayList<String>();
		String source = """
				class Example {
					// "select * from product" in a comment is no SQL
					String levels = \"""
							select p.name, c.name from stock_level s, customer c join product p on p.id = s.product
							where exists (select 1 from customer_ref r where r.id = s.customer)\""";
					String write = "insert into customer_ref (id) values (1)";
					String shadowed = "with customer as (select 1) select * from customer";
					String built = "select id from " + table;
					String message = "Cannot start PostgreSQL from " + binaries;
				}
				@Table("customer_note")
				class Note {
				}
				""";
		checkJava(violations, "inventory", Path.of("Example.java"), source);
		assertThat(violations).containsExactly(
				"Example.java:4 reads customer, a table of customers: read customers's views (*_ref) instead",
				"Example.java:4 reads product, a table of catalog: read catalog's views (*_ref) instead",
				"Example.java:6 writes customer_ref, a view of customers: only customers writes its data",
				"Example.java:8 builds a table's name at run time: write the name in the SQL, so that this test sees whose table it is",
				"Example.java:11 writes customer_note, a table of customers: only customers writes its data");
	}

	private void checkJava(List<String> violations, String module, Path file, String source) {
		for (JavaStrings.Literal literal : JavaStrings.in(source)) {
			for (SqlReference reference : SqlReferences.in(literal.text())) {
				check(violations, module, file, lineOf(source, literal.start() + reference.offset()), reference);
			}
			if (literal.followedByConcatenation() && NAME_LEFT_OUT.matcher(literal.text()).find()) {
				violations.add(file + ":" + lineOf(source, literal.start()) + " builds a table's name at run time: write "
						+ "the name in the SQL, so that this test sees whose table it is");
			}
		}
		Matcher table = TABLE_ANNOTATION.matcher(source);
		while (table.find()) {
			check(violations, module, file, lineOf(source, table.start(1)), new SqlReference(table.group(1), true, 0));
		}
	}

	private void check(List<String> violations, String module, Path file, int line, SqlReference reference) {
		String relation = reference.relation();
		String owner = ownerOf(relation);
		if (owner == null || owner.equals(module)) {
			return;
		}
		String where = file + ":" + line + " ";
		if (reference.writes()) {
			violations.add(where + "writes " + relation + ", a " + kind(relation) + " of " + owner + ": only " + owner
					+ " writes its data");
		}
		else if (owner.equals("platform")) {
			violations.add(where + "reads " + relation + ", a table of platform: use the platform's API");
		}
		else if (!relation.endsWith(READ_VIEW_SUFFIX)) {
			violations.add(where + "reads " + relation + ", a " + kind(relation) + " of " + owner + ": read " + owner
					+ "'s views (*" + READ_VIEW_SUFFIX + ") instead");
		}
	}

	private String kind(String relation) {
		return relation.endsWith(READ_VIEW_SUFFIX) ? "view" : "table";
	}

	private static @org.jspecify.annotations.Nullable String ownerOf(String relation) {
		Set<String> owners = CREATORS.get(relation);
		if (owners != null) {
			return owners.iterator().next();
		}
		return FRAMEWORK_TABLES.get(relation);
	}

	private static Map<String, Set<String>> creators() {
		var creators = new TreeMap<String, Set<String>>();
		for (Path migration : migrations()) {
			String module = moduleOf(migration);
			if (module == null) {
				continue;
			}
			String sql = withoutComments(read(migration));
			Matcher created = CREATED.matcher(sql);
			while (created.find()) {
				creators.computeIfAbsent(created.group(2).toLowerCase(java.util.Locale.ROOT), r -> new TreeSet<>()).add(module);
			}
			Matcher renamed = RENAMED.matcher(sql);
			while (renamed.find()) {
				creators.computeIfAbsent(renamed.group(2).toLowerCase(java.util.Locale.ROOT), r -> new TreeSet<>()).add(module);
			}
		}
		return creators;
	}

	private static @org.jspecify.annotations.Nullable String moduleOf(Path migration) {
		String name = migration.getFileName().toString();
		if (EARLIER_MIGRATIONS.containsKey(name)) {
			return EARLIER_MIGRATIONS.get(name);
		}
		Matcher matcher = MIGRATION_NAME.matcher(name);
		return matcher.matches() && MODULES.contains(matcher.group(1)) ? matcher.group(1) : null;
	}

	private static Set<String> modules() {
		try (Stream<Path> children = Files.list(SOURCES)) {
			var modules = new HashSet<String>();
			children.filter(child -> Files.exists(child.resolve("package-info.java")))
				.forEach(child -> modules.add(child.getFileName().toString()));
			return modules;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> migrations() {
		return files(MIGRATIONS, ".sql");
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static String withoutComments(String sql) {
		return sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\n]*", " ");
	}

	/** A table or view named in SQL, whether the statement writes it, and where in the SQL. */
	record SqlReference(String relation, boolean writes, int offset) {
	}

	/** The tables and views a piece of SQL names after from, join, into, update and their kin. */
	static final class SqlReferences {

		private static final Set<String> READ = Set.of("from", "join", "using");
		private static final Set<String> WRITE = Set.of("into", "update", "table", "copy", "truncate");
		private static final Set<String> MODIFIERS = Set.of("only", "lateral");
		private static final Set<String> NOT_ALIASES = Set.of("where", "join", "on", "left", "right", "inner", "outer", "full",
				"cross", "natural", "group", "order", "limit", "offset", "union", "except", "intersect", "set", "returning",
				"using", "values", "select", "for", "window", "having", "fetch", "tablesample", "from", "default", "do");

		private record Token(String text, int offset) {
		}

		static List<SqlReference> in(String sql) {
			List<Token> tokens = tokens(sql);
			Set<String> commonTables = commonTableNames(tokens);
			var references = new ArrayList<SqlReference>();
			for (int i = 0; i < tokens.size() - 1; i++) {
				String keyword = tokens.get(i).text();
				boolean read = READ.contains(keyword);
				if (!read && !WRITE.contains(keyword)) {
					continue;
				}
				boolean writes = !read || (keyword.equals("from") && i > 0 && tokens.get(i - 1).text().equals("delete"));
				int next = i + 1;
				while (true) {
					while (next < tokens.size() && MODIFIERS.contains(tokens.get(next).text())) {
						next++;
					}
					if (next >= tokens.size() || !isName(tokens.get(next).text())
							|| (next + 1 < tokens.size() && tokens.get(next + 1).text().equals("."))) {
						break;
					}
					Token name = tokens.get(next);
					if (!commonTables.contains(name.text())) {
						references.add(new SqlReference(name.text(), writes, name.offset()));
					}
					if (!keyword.equals("from") && !keyword.equals("using")) {
						break;
					}
					// "from a x, b y": the tables of a from list, each with its alias
					next++;
					if (next < tokens.size() && tokens.get(next).text().equals("as")) {
						next++;
					}
					if (next < tokens.size() && isName(tokens.get(next).text()) && !NOT_ALIASES.contains(tokens.get(next).text())) {
						next++;
					}
					if (next >= tokens.size() || !tokens.get(next).text().equals(",")) {
						break;
					}
					next++;
				}
			}
			return references;
		}

		/** Names given by "with name as (…)": they shadow tables of the same name. */
		private static Set<String> commonTableNames(List<Token> tokens) {
			var names = new HashSet<String>();
			for (int i = 1; i < tokens.size() - 2; i++) {
				String before = tokens.get(i - 1).text();
				if ((before.equals("with") || before.equals(",") || before.equals("recursive")) && isName(tokens.get(i).text())
						&& tokens.get(i + 1).text().equals("as")
						&& (tokens.get(i + 2).text().equals("(") || tokens.get(i + 2).text().equals("materialized")
								|| tokens.get(i + 2).text().equals("not"))) {
					names.add(tokens.get(i).text());
				}
			}
			return names;
		}

		private static boolean isName(String token) {
			char first = token.charAt(0);
			return first == '_' || Character.isLetter(first);
		}

		private static List<Token> tokens(String sql) {
			var tokens = new ArrayList<Token>();
			int i = 0;
			while (i < sql.length()) {
				char c = sql.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
					while (i < sql.length() && sql.charAt(i) != '\n') {
						i++;
					}
				}
				else if (c == '\'') {
					i++;
					while (i < sql.length() && sql.charAt(i) != '\'') {
						i++;
					}
					i++;
				}
				else if (c == '"') {
					int end = sql.indexOf('"', i + 1);
					end = end < 0 ? sql.length() : end;
					tokens.add(new Token(sql.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT), i + 1));
					i = end + 1;
				}
				else if (c == '_' || Character.isLetter(c)) {
					int start = i;
					while (i < sql.length() && (sql.charAt(i) == '_' || sql.charAt(i) == '$' || Character.isLetterOrDigit(sql.charAt(i)))) {
						i++;
					}
					tokens.add(new Token(sql.substring(start, i).toLowerCase(java.util.Locale.ROOT), start));
				}
				else if (Character.isDigit(c)) {
					while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
						i++;
					}
				}
				else if (c == ':' && i + 1 < sql.length() && (sql.charAt(i + 1) == '_' || Character.isLetter(sql.charAt(i + 1)))) {
					// a named parameter, never a table
					i++;
					while (i < sql.length() && (sql.charAt(i) == '_' || Character.isLetterOrDigit(sql.charAt(i)))) {
						i++;
					}
				}
				else {
					tokens.add(new Token(String.valueOf(c), i));
					i++;
				}
			}
			return tokens;
		}
	}

	/** The string literals of a Java source, text blocks included, with where each one's text starts. */
	static final class JavaStrings {

		/** A literal's text, where it starts, and whether a "+" follows it (the statement goes on at run time). */
		record Literal(String text, int start, boolean followedByConcatenation) {
		}

		static List<Literal> in(String source) {
			var literals = new ArrayList<Literal>();
			int i = 0;
			while (i < source.length()) {
				char c = source.charAt(i);
				if (source.startsWith("//", i)) {
					int end = source.indexOf('\n', i);
					i = end < 0 ? source.length() : end;
				}
				else if (source.startsWith("/*", i)) {
					int end = source.indexOf("*/", i + 2);
					i = end < 0 ? source.length() : end + 2;
				}
				else if (source.startsWith("\"\"\"", i)) {
					int start = source.indexOf('\n', i) + 1;
					int end = start;
					while (!source.startsWith("\"\"\"", end) || source.charAt(end - 1) == '\\') {
						end++;
					}
					i = end + 3;
					literals.add(new Literal(source.substring(start, end), start, concatenated(source, i)));
				}
				else if (c == '"' || c == '\'') {
					int start = i + 1;
					int end = start;
					while (source.charAt(end) != c) {
						end += source.charAt(end) == '\\' ? 2 : 1;
					}
					i = end + 1;
					if (c == '"') {
						literals.add(new Literal(source.substring(start, end), start, concatenated(source, i)));
					}
				}
				else {
					i++;
				}
			}
			return literals;
		}

		private static boolean concatenated(String source, int after) {
			int i = after;
			while (i < source.length() && Character.isWhitespace(source.charAt(i))) {
				i++;
			}
			return i < source.length() && source.charAt(i) == '+';
		}
	}
}
