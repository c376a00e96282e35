package dev.kervan.platform;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.RawHttp;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A property-based fuzzer of the JSON API, driven by its OpenAPI document: every operation is called with generated
 * input, some of it well formed (bodies built from the schemas of the records the operation answers, learning from
 * each refusal which fields are unknown and which are required), most of it hostile (numbers out of range, impossible
 * dates, long and foreign text, wrong types, malformed JSON and multipart bodies, undecodable query strings, junk
 * path parameters and headers, the wrong content type). Every answer must keep the API's promises: no 5xx, every
 * error problem+json with its status, every success readable as the type it claims; and the document's: a status
 * the operation declares, a success in a media type declared for it, JSON with the required members and no null
 * where the schema allows none, and no refusal of a body built from the request schema for a field the schema
 * declares (or lacks). One seed decides every choice, so a run can be repeated.
 *
 * <p>Changes go only to records the fuzzer created itself: an update, deletion or action names one of those, or an
 * id that cannot exist. The fuzzer's own user (the administrator) and its token are never among them.
 */
final class ApiFuzzer {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
	private static final String UNKNOWN_FIELD = "Unknown field.";
	private static final String REQUIRED = "Required.";
	private static final String NONEXISTENT_ID = "987654321";
	/** What the server itself answers before any operation sees a request; the document names them once, in its description. */
	private static final Set<Integer> SERVER_REFUSALS = Set.of(405, 406, 414, 431);

	/** Words and values people type: Turkish and Persian letters, digits of both, right-to-left text, emoji. */
	private static final List<String> WORDS = List.of("Kervan", "İstanbul", "Çağlayan", "Şişli", "Ağrı", "ılık", "ÖZGÜR",
			"تهران", "کاروان", "فروشگاه", "۱۲۳۴", "١٢٣", "Müşteri", "Ürün", "خرید و فروش", "Zeytinyağı", "😀", "ß", "Ωmega",
			"data", "test", "a b", "O'Brien", "\"quoted\"", "<b>bold</b>", "x");

	private static final List<String> HOSTILE_VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "1e400",
			"-1e400", "1e-400", "1e2147483647", "1e2147483648", "1E+99999", "99999999999999999999",
			"-9223372036854775809", "9223372036854775807", "123456789012345678901234567890.123456789", "0.00000001",
			"\"\"", "\"   \"", "\"" + "x".repeat(5000) + "\"", "\"" + "ü".repeat(300) + "\"",
			"\"سلام دنیا ۱۲۳\"", "\"İĞÜŞÖÇ ığüşöç\"", "\"😀🚚\"", "\"a\\u0000b\"", "\"bell\\u0007\"",
			"\"\\u202Egnp.exe\"", "\"tab\\tand\\nnewline\"", "\"\\ud83d\"", "\"+999999999-12-31\"", "\"-0001-01-01\"",
			"\"2026-02-30\"", "\"2026-13-01\"", "\"1899-12-31\"", "\"2201-01-01\"", "\"1900-01-01\"", "\"2200-12-31\"",
			"\"1e400\"", "\"NaN\"", "\"Infinity\"", "\"-1\"", "\"99999999999999999999\"", "\"abc\"", "[]", "{}",
			"[1,2,3]", "[\"a\",null]", "{\"a\":{\"b\":[]}}", "{\"en\":\"x\",\"tr\":null}", "\"javascript:alert(1)\"",
			"\"<script>alert(1)</script>\"", "\"' or 1=1 --\"", "\"%FF\"", "\"../../etc/passwd\"",
			"[" + "[".repeat(200) + "]".repeat(200) + "]");

	private static final List<String> HOSTILE_BODIES = List.of("", "null", "[]", "\"x\"", "123", "{", "{\"a\":}",
			"{\"a\" 1}", "{}", "{\"version\":99999999999999999999}", "{\"version\":\"x\"}", "{\"version\":1e400}",
			"[".repeat(3000) + "]".repeat(3000), "{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"\":1}", "{\"a\":\"\\ud800\"}",
			"{\"a\":\"\\u0000\"}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":-}", "{'a':1}");

	private static final List<String> HOSTILE_PATH_VALUES = List.of("0", "-1", "9223372036854775807",
			"9223372036854775808", "99999999999999999999", "abc", "1.5", "1e400", "%FF", "%", "%C3%28", "%00", "%2F",
			"%20", "..", "1;x=y", "١٢٣", "%D9%A1", "x".repeat(300), "1".repeat(300), "00000000-0000-0000-0000-000000000000",
			"not-a-uuid", "%E2%80%AEexe");

	/**
	 * Path values that are ids in other digits ({@code ١٢٣} is 123, {@code %D9%A1} is 1), which the API reads as
	 * numbers: they may name a record that exists (the fuzzer's own token is 1), so a change never gets them.
	 */
	private static final Set<String> IDS_IN_OTHER_DIGITS = Set.of("١٢٣", "%D9%A1");

	private static final List<String> HOSTILE_QUERY_VALUES = List.of("", "%FF", "%", "%C3%28", "%FF%FE", "%C3", "-1",
			"0", "99999999999999999999", "1e400", "-1e400", "1e-400", "NaN", "%2B999999999-12-31", "-0001-01-01",
			"2026-02-30", "x".repeat(2000), "%00", "%D8%B3%D9%84%D8%A7%D9%85", "%C4%B0", "true", "null", "[]", "a+b",
			"%E2%80%AE", "1.5", "9223372036854775808");

	private static final List<String> HOSTILE_QUERY_TAILS = List.of("&=1", "&&", "&%FF=1", "&=", "&lang=%FF",
			"&lang=xx", "&lang=fa", "&lang=tr", "&limit=-1", "&limit=99999999999", "&cursor=%FF%FE", "&cursor=abc",
			"&cursor=" + Base64.getUrlEncoder().encodeToString("{\"k\":1e400}".getBytes(StandardCharsets.UTF_8)),
			"&q=%", "&sort=%", "&a=1&a=2", "&%=%", "&x=" + "y".repeat(9000));

	private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=", "*/*",
			"application/json; charset=x-unknown", "application/json; charset=UTF-16", "application/octet-stream",
			"application/vnd.kervan+json", "///", "image/png", "application/problem+json", "text/csv");

	private static final List<String> IF_MATCH_VALUES = List.of("*", "\"0\"", "W/\"1\"", "\"abc\"",
			"\"99999999999999999999\"", "\"-1\"", "", ",", "\"1\", \"2\"", "x".repeat(500), "\"1e400\"");

	/** A 1×1 PNG, for attachments that must be an image or a document. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

	private final RawHttp http;
	private final String token;
	private final JsonNode document;
	private final Random random;
	private final Map<String, JsonNode> propertyTypes = new HashMap<>();
	/** Ids of records the fuzzer created, by the path they were created under. Only these may be changed. */
	private final Map<String, List<String>> created = new HashMap<>();
	/** Ids of records that existed before, by list path: read, or referred to from a body, never changed. */
	private final Map<String, List<String>> existing = new HashMap<>();
	/** Fields a refusal named, by operation: left out of valid-looking bodies unless required. */
	private final Map<String, Set<String>> refusedFields = new HashMap<>();
	private final Map<String, Set<String>> requiredFields = new HashMap<>();
	/** How many times a required field's value was refused: each time the next style of value is tried. */
	private final Map<String, Integer> refusedValues = new HashMap<>();
	private final Map<String, Finding> findings = new LinkedHashMap<>();
	private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
	private boolean learning;
	/** Whether the request being sent is one the document describes: its path as declared (not a hostile one). */
	private boolean documented;
	/** Whether the body being sent was built from the operation's own request schema, as a client following it would. */
	private boolean bodyFromSchema;
	private int requests;

	ApiFuzzer(int port, String token, JsonNode document, long seed) {
		this.http = new RawHttp(port);
		this.token = token;
		this.document = document;
		this.random = new Random(seed);
		document.path("components").path("schemas").properties().forEach(schema -> schema.getValue()
			.path("properties")
			.properties()
			.forEach(property -> propertyTypes.putIfAbsent(property.getKey(), property.getValue())));
	}

	/** What a request answered against the API's promises. */
	record Finding(String operation, String problem, String request, int status, String contentType, String body) {

		@Override
		public String toString() {
			return operation + ": " + problem + "\n    request:  " + request + "\n    answer:   " + status + " "
					+ contentType + " " + abbreviate(body, 600);
		}
	}

	record Operation(String method, String path, JsonNode spec) {

		String key() {
			return method + " " + path;
		}

		boolean changes() {
			return !"GET".equals(method);
		}

		List<JsonNode> parameters(String in) {
			var parameters = new ArrayList<JsonNode>();
			spec.path("parameters").forEach(p -> {
				if (in.equals(p.path("in").asString())) {
					parameters.add(p);
				}
			});
			return parameters;
		}

		@Nullable String bodyType() {
			var types = spec.path("requestBody").path("content").propertyNames();
			return types.isEmpty() ? null : types.iterator().next();
		}

		boolean multipart() {
			return spec.path("requestBody").path("content").has("multipart/form-data")
					|| spec.path("summary").asString("").contains("multipart");
		}
	}

	List<Operation> operations() {
		var operations = new ArrayList<Operation>();
		document.path("paths").properties().forEach(path -> path.getValue()
			.properties()
			.forEach(method -> operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
					method.getValue()))));
		return operations;
	}

	int requests() {
		return requests;
	}

	List<Finding> findings() {
		return List.copyOf(findings.values());
	}

	/** How the run went: answers by status and the records created, to see what the input reached. */
	String summary() {
		return requests + " requests; answers by status " + statuses + "; records created "
				+ created.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().size()).sorted().toList();
	}

	/** Reads every list, so that reads and references can name records that exist. */
	void harvest() {
		documented = true;
		for (Operation operation : operations()) {
			if (operation.method().equals("GET") && !operation.path().contains("{")) {
				Response answer = send(operation, "GET", operation.path(), List.of(), null, null);
				ids(answer).forEach(id -> existing.computeIfAbsent(operation.path(), k -> new ArrayList<>()).add(id));
			}
		}
	}

	/**
	 * Creates records through every operation that creates one, each with a few tries that learn from the refusals,
	 * twice over, so that records which need others (an opportunity needs a customer) find them the second time.
	 */
	void createRecords() {
		learning = true;
		documented = true;
		for (int round = 0; round < 3; round++) {
			for (Operation operation : operations()) {
				if (!operation.method().equals("POST") || isAction(operation.path())) {
					continue;
				}
				for (int attempt = 0; attempt < 10; attempt++) {
					Optional<String> path = concretePath(operation, false);
					if (path.isEmpty()) {
						break;
					}
					String target = path.get() + query(operation, false);
					bodyFromSchema = !operation.multipart() && declaresOwnSchema(operation);
					Response answer = operation.multipart() ? sendUpload(operation, target, validUpload(operation))
							: send(operation, "POST", target, List.of(), "application/json", validBody(operation));
					bodyFromSchema = false;
					if (answer.status() / 100 == 2) {
						break;
					}
					if (Boolean.getBoolean("kervan.fuzz.verbose")) {
						System.out.println("CREATE " + operation.key() + " -> " + answer.status() + " " + abbreviate(answer.body(), 400));
					}
				}
			}
		}
		learning = false;
	}

	/** Calls every operation {@code perOperation} times with generated input. */
	void fuzz(int perOperation, Duration budget) {
		long deadline = System.nanoTime() + budget.toNanos();
		List<Operation> operations = operations();
		for (int round = 0; round < perOperation && System.nanoTime() < deadline; round++) {
			for (Operation operation : operations) {
				if (System.nanoTime() > deadline) {
					return;
				}
				call(operation);
			}
		}
	}

	private void call(Operation operation) {
		int scenario = random.nextInt(100);
		boolean hostilePath = scenario < 8;
		documented = !hostilePath;
		bodyFromSchema = false;
		Optional<String> path = hostilePath ? Optional.of(hostilePath(operation)) : concretePath(operation, true);
		if (path.isEmpty()) {
			return;
		}
		String target = path.get() + query(operation, scenario >= 8 && scenario < 30);
		var headers = new ArrayList<String[]>();
		if (scenario >= 30 && scenario < 42) {
			hostileHeaders(operation, headers);
		}
		else if (operation.parameters("header").stream().anyMatch(p -> p.path("name").asString().equals("If-Match"))
				&& random.nextBoolean()) {
			headers.add(new String[] { "If-Match", "\"" + currentVersion(operation, path.get()).orElse("0") + "\"" });
		}
		if (headers.isEmpty() && random.nextInt(4) == 0
				&& operation.parameters("header").stream().anyMatch(p -> p.path("name").asString().equals("Idempotency-Key"))) {
			headers.add(new String[] { "Idempotency-Key", UUID.randomUUID().toString() });
		}
		if (operation.bodyType() == null) {
			send(operation, operation.method(), target, headers, null, null);
			return;
		}
		if (operation.multipart()) {
			sendUpload(operation, target, scenario < 60 ? validUpload(operation) : hostileUpload(operation));
			return;
		}
		String contentType = scenario >= 42 && scenario < 52 ? pick(CONTENT_TYPES) : "application/json";
		String body;
		if (scenario >= 52 && scenario < 62) {
			body = pick(HOSTILE_BODIES);
		}
		else if (scenario >= 62 && scenario < 82) {
			body = bodyWithHostileField(operation);
		}
		else {
			body = validBody(operation);
			bodyFromSchema = contentType.equals("application/json") && declaresOwnSchema(operation);
		}
		send(operation, operation.method(), target, headers, contentType, body);
		bodyFromSchema = false;
	}

	/** Whether the operation's request schema is one record of its own (not one of several, not missing). */
	private boolean declaresOwnSchema(Operation operation) {
		JsonNode declared = resolve(operation.spec().path("requestBody").path("content").path("application/json").path("schema"));
		return declared.path("properties").size() > 0;
	}

	// --- paths ------------------------------------------------------------------------------------------------------

	/**
	 * The path with its parameters filled in: for a change, ids of records the fuzzer created (or one that cannot
	 * exist); for a read, any record's. Empty when a change has no record of its own to work on this time.
	 */
	private Optional<String> concretePath(Operation operation, boolean nonexistentAllowed) {
		Matcher matcher = PLACEHOLDER.matcher(operation.path());
		var path = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			path.append(operation.path(), last, matcher.start());
			String name = matcher.group(1);
			JsonNode schema = parameter(operation, name).path("schema");
			String value;
			if (!type(schema).equals("integer") && !schema.path("format").asString("").equals("uuid")) {
				value = word(operation, name);
			}
			else {
				List<String> candidates = new ArrayList<>(created.getOrDefault(poolKey(operation.path(), matcher.start()), List.of()));
				if (!operation.changes()) {
					candidates.addAll(existing.getOrDefault(poolKey(operation.path(), matcher.start()), List.of()));
				}
				if (candidates.isEmpty() || (nonexistentAllowed && random.nextInt(5) == 0)) {
					if (!nonexistentAllowed) {
						return Optional.empty();
					}
					value = schema.path("format").asString("").equals("uuid") ? UUID.randomUUID().toString() : NONEXISTENT_ID;
				}
				else {
					value = pick(candidates);
				}
			}
			path.append(encodePathSegment(value));
			last = matcher.end();
		}
		path.append(operation.path().substring(last));
		return Optional.of(path.toString());
	}

	private String hostilePath(Operation operation) {
		Matcher matcher = PLACEHOLDER.matcher(operation.path());
		if (!matcher.find()) {
			return operation.path() + pick(List.of("/", "/%FF", "/..", "%20", ";a=b", "/x".repeat(400)));
		}
		String value = pick(operation.changes()
				? HOSTILE_PATH_VALUES.stream().filter(hostile -> !IDS_IN_OTHER_DIGITS.contains(hostile)).toList()
				: HOSTILE_PATH_VALUES);
		return concretePath(operation, true).orElse(operation.path())
			.replaceFirst("^" + Pattern.quote(operation.path().substring(0, matcher.start())) + "[^/]*",
					Matcher.quoteReplacement(operation.path().substring(0, matcher.start()) + value));
	}

	/** Where ids for a path parameter come from: the path up to it, e.g. {@code /api/v1/customers} for {@code {id}}. */
	private static String poolKey(String template, int placeholderStart) {
		String key = template.substring(0, placeholderStart);
		return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
	}

	/** A value for a text path parameter: one its description names, else a word. */
	private String word(Operation operation, String name) {
		var named = new ArrayList<String>();
		// The values are often named only in the description of another operation on the same path.
		var descriptions = new StringBuilder(parameter(operation, name).path("description").asString(""));
		document.path("paths").path(operation.path()).forEach(other -> descriptions.append(' ').append(other.path("description").asString("")));
		Matcher words = Pattern.compile("\\b([a-z][a-z-]+[a-z])\\b").matcher(descriptions);
		while (words.find()) {
			named.add(words.group(1));
		}
		named.removeAll(List.of("is", "or", "and", "the", "of", "a"));
		if (name.equals("list")) {
			// customer-{list}: the document names no values for it.
			named.addAll(List.of("categories", "sectors", "size-bands"));
		}
		if (name.equals("kind")) {
			named.addAll(List.of("accessory", "alternative", "spare-part"));
		}
		return !named.isEmpty() && random.nextInt(4) > 0 ? pick(named) : pick(WORDS);
	}

	private JsonNode parameter(Operation operation, String name) {
		for (JsonNode parameter : operation.spec().path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		return JsonNodeFactory.instance.objectNode();
	}

	private static boolean isAction(String path) {
		// POST /opportunities/{id}/won and kin change a record; POST /products/{id}/variants creates one.
		return path.matches(".*\\}/(won|lost|reopen|move|qualify|disqualify|convert|done|handover|restore|send|password|read)$")
				|| path.endsWith("/read") || path.endsWith("/send") || path.endsWith("/password") || path.contains("/auth/");
	}

	// --- query strings ------------------------------------------------------------------------------------------------

	private String query(Operation operation, boolean hostile) {
		var query = new StringBuilder();
		for (JsonNode parameter : operation.parameters("query")) {
			boolean required = parameter.path("required").asBoolean(false);
			if (!required && random.nextInt(3) == 0) {
				continue;
			}
			String name = parameter.path("name").asString();
			String value = hostile && random.nextInt(3) == 0 ? pick(HOSTILE_QUERY_VALUES)
					: encode(plain(validValue(name, parameter.path("schema"), 0)));
			query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value);
		}
		if (hostile) {
			query.append(query.isEmpty() ? "?" : "").append(pick(HOSTILE_QUERY_TAILS));
		}
		return query.toString();
	}

	// --- headers --------------------------------------------------------------------------------------------------------

	private void hostileHeaders(Operation operation, List<String[]> headers) {
		switch (random.nextInt(7)) {
			case 0 -> headers.add(new String[] { "If-Match", pick(IF_MATCH_VALUES) });
			case 1 -> headers.add(new String[] { "Idempotency-Key",
					pick(List.of("", " ", "k".repeat(300), "ключ", "a b", UUID.randomUUID().toString())) });
			case 2 -> headers.add(new String[] { "Accept",
					pick(List.of("application/xml", "text/html", "image/png", "*/*", "application/json;q=0", "text/csv")) });
			case 3 -> headers.add(new String[] { "Accept-Language", pick(List.of("fa", "tr-TR", "xx", "*;q=0", "fa;q=x", "ü")) });
			case 4 -> headers.add(new String[] { "X-Fuzz", "z".repeat(random.nextBoolean() ? 9000 : 100) });
			case 5 -> headers.add(new String[] { "Authorization", pick(List.of("Bearer", "Bearer x", "Basic Og==", "Bearer " + "t".repeat(5000))) });
			default -> {
				for (int i = 0; i < 120; i++) {
					headers.add(new String[] { "X-Many-" + i, "v".repeat(100) });
				}
			}
		}
	}

	private Optional<String> currentVersion(Operation operation, String path) {
		String resource = path.replaceAll("/(won|lost|reopen|move|qualify|disqualify|convert|done|handover|restore)$", "");
		Response answer = send(operation, "GET", resource, List.of(), null, null);
		if (answer.status() != 200 || !answer.contentType().contains("json")) {
			return Optional.empty();
		}
		JsonNode version = Api.parse(answer.body()).path("version");
		return version.isNumber() ? Optional.of(version.asString()) : Optional.empty();
	}

	// --- bodies ---------------------------------------------------------------------------------------------------------

	/**
	 * The schema of the record an operation takes: its own (one of them, when it takes one of several), else that of
	 * the record it answers, for the operations whose request has no schema yet.
	 */
	private JsonNode recordSchema(Operation operation) {
		JsonNode declared = resolve(operation.spec().path("requestBody").path("content").path("application/json").path("schema"));
		if (declared.path("oneOf").size() > 0) {
			declared = resolve(declared.path("oneOf").get(random.nextInt(declared.path("oneOf").size())));
		}
		if (declared.path("properties").size() > 0) {
			return declared;
		}
		JsonNode responses = operation.spec().path("responses");
		for (String status : List.of("201", "200", "202")) {
			JsonNode answered = resolve(responses.path(status).path("content").values().iterator().hasNext()
					? responses.path(status).path("content").values().iterator().next().path("schema") : JsonNodeFactory.instance.objectNode());
			if (answered.path("properties").has("items")) {
				answered = resolve(answered.path("properties").path("items").path("items"));
			}
			if (answered.path("properties").size() > 0) {
				return answered;
			}
		}
		return JsonNodeFactory.instance.objectNode();
	}

	private String validBody(Operation operation) {
		JsonNode schema = recordSchema(operation);
		Set<String> refused = refusedFields.getOrDefault(operation.key(), Set.of());
		Set<String> required = new LinkedHashSet<>(requiredFields.getOrDefault(operation.key(), Set.of()));
		schema.path("required").forEach(name -> required.add(name.asString()));
		var fields = new LinkedHashMap<String, String>();
		schema.path("properties").properties().forEach(property -> {
			String name = property.getKey();
			boolean wanted = required.contains(name) || !refused.contains(name) && random.nextInt(4) > 0;
			if (wanted && !name.equals("id") && !name.equals("version") && !name.endsWith("At")) {
				fields.put(name, JSON.writeValueAsString(value(operation, name, property.getValue())));
			}
		});
		for (String name : required) {
			if (!fields.containsKey(name) && !name.contains(".") && !name.contains("[")) {
				fields.put(name, JSON.writeValueAsString(value(operation, name,
						propertyTypes.getOrDefault(name, JsonNodeFactory.instance.objectNode().put("type", "string")))));
			}
		}
		return object(fields);
	}

	private String bodyWithHostileField(Operation operation) {
		String valid = validBody(operation);
		JsonNode parsed = Api.parse(valid);
		var fields = new LinkedHashMap<String, String>();
		parsed.properties().forEach(field -> fields.put(field.getKey(), JSON.writeValueAsString(field.getValue())));
		List<String> names = new ArrayList<>(recordSchema(operation).path("properties").propertyNames());
		names.add("version");
		String name = names.isEmpty() || random.nextInt(10) == 0 ? pick(List.of("", "x".repeat(300), "ü", "__proto__")) : pick(names);
		String value = pick(HOSTILE_VALUES);
		fields.put(name, value);
		return object(fields);
	}

	/**
	 * A valid-looking value; for a required field whose values were refused before, another style of value each
	 * time (an identifier, digits, a code, a plain word), until one passes.
	 */
	private JsonNode value(Operation operation, String name, JsonNode schema) {
		int refusals = refusedValues.getOrDefault(operation.key() + " " + name, 0);
		if (refusals == 0 || !type(resolve(schema)).equals("string") || resolve(schema).has("enum")
				|| resolve(schema).path("format").asString("").equals("decimal")) {
			return validValue(name, schema, 0);
		}
		return JsonNodeFactory.instance.stringNode(switch (refusals % 5) {
			case 1 -> "fz_" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36);
			case 2 -> String.valueOf(1_000_000_000L + random.nextInt(1_000_000_000));
			case 3 -> "FZ" + random.nextInt(100_000);
			case 4 -> "plain" + random.nextInt(100_000);
			default -> validValue(name, schema, 0).asString();
		});
	}

	private static String object(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(field -> JSON.writeValueAsString(field.getKey()) + ":" + field.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	/** A value of the right type, as a person would fill it in; ids name records that exist. */
	private JsonNode validValue(String name, JsonNode schema, int depth) {
		var factory = JsonNodeFactory.instance;
		schema = resolve(schema);
		if (schema.has("enum") && schema.path("enum").size() > 0) {
			return schema.path("enum").get(random.nextInt(schema.path("enum").size()));
		}
		String type = type(schema).isEmpty() ? "string" : type(schema);
		String format = schema.path("format").asString("");
		String lower = name.toLowerCase(Locale.ROOT);
		switch (type) {
			case "integer":
				if (lower.endsWith("id") || lower.equals("other")) {
					return factory.numberNode(Long.parseLong(reference(name)));
				}
				if (schema.has("minimum") || schema.has("maximum")) {
					int least = schema.path("minimum").asInt(0);
					int most = Math.min(schema.path("maximum").asInt(least + 30), least + 1000);
					return factory.numberNode(least + random.nextInt(most - least + 1));
				}
				return factory.numberNode(random.nextInt(lower.contains("probability") ? 101 : 30));
			case "number":
				return factory.stringNode(random.nextInt(10_000) + "." + String.format("%02d", random.nextInt(100)));
			case "boolean":
				return factory.booleanNode(random.nextBoolean());
			case "array": {
				var array = factory.arrayNode();
				if (depth < 2) {
					for (int i = 1 + random.nextInt(2); i > 0; i--) {
						array.add(validValue(singular(name), schema.path("items"), depth + 1));
					}
				}
				return array;
			}
			case "object": {
				var object = factory.objectNode();
				if (schema.path("properties").isEmpty()) {
					if (random.nextBoolean()) {
						object.put(pick(List.of("en", "tr", "fa")), pick(WORDS));
					}
					return object;
				}
				if (depth < 2) {
					Set<String> required = new LinkedHashSet<>();
					schema.path("required").forEach(field -> required.add(field.asString()));
					schema.path("properties").properties().forEach(property -> {
						if (!property.getKey().equals("id") && (required.contains(property.getKey()) || random.nextInt(3) > 0)) {
							object.set(property.getKey(), validValue(property.getKey(), property.getValue(), depth + 1));
						}
					});
				}
				return object;
			}
			default:
				if (format.equals("decimal")) {
					return factory.stringNode(random.nextInt(10_000) + "." + String.format("%02d", random.nextInt(100)));
				}
				return factory.stringNode(text(lower, format));
		}
	}

	private String text(String name, String format) {
		if (format.equals("date") || name.endsWith("date") || name.endsWith("on") && !name.endsWith("reason")
				|| name.equals("validfrom") || name.equals("validto") || name.equals("expiry") || name.equals("from")
				|| name.equals("to")) {
			return LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20_000)).toString();
		}
		if (format.equals("date-time")) {
			return "2026-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:00:00Z";
		}
		if (format.equals("uuid")) {
			return UUID.randomUUID().toString();
		}
		if (name.contains("email")) {
			return "fuzz" + random.nextInt(1_000_000) + "@example.com";
		}
		if (name.contains("currency")) {
			return pick(List.of("TRY", "EUR", "USD", "IRR"));
		}
		if (name.equals("country")) {
			return pick(List.of("TR", "DE", "IR"));
		}
		if (name.contains("language") || name.equals("lang")) {
			return pick(List.of("en", "tr", "fa"));
		}
		if (name.contains("phone")) {
			return "+90 212 555 0" + (100 + random.nextInt(900));
		}
		if (name.contains("website")) {
			return "https://example.com/" + random.nextInt(1000);
		}
		if (name.contains("password")) {
			return "fuzz password " + random.nextInt(1_000_000);
		}
		if (name.equals("username")) {
			return "fz" + random.nextInt(100_000_000);
		}
		if (name.equals("code") || name.endsWith("code") || name.equals("alias")) {
			return "FZ" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36).toUpperCase(Locale.ROOT);
		}
		if (name.equals("format")) {
			return pick(List.of("xlsx", "csv"));
		}
		if (name.equals("sort")) {
			return pick(List.of("name", "-name", "createdAt", "code"));
		}
		if (name.equals("calendar")) {
			return pick(List.of("GREGORIAN", "SOLAR_HIJRI"));
		}
		return pick(WORDS) + " " + random.nextInt(10_000);
	}

	/** An id for a field such as {@code customerId}: of a record of that kind when the fuzzer knows one. */
	private String reference(String name) {
		String kind = name.replaceAll("(?i)ids?$", "").toLowerCase(Locale.ROOT);
		var candidates = new ArrayList<String>();
		for (var pools : List.of(created, existing)) {
			pools.forEach((path, ids) -> {
				String collection = singular(path.substring(path.lastIndexOf('/') + 1).replace("-", "").toLowerCase(Locale.ROOT));
				if (!kind.isEmpty() && (collection.endsWith(kind) || kind.endsWith(collection)
						|| (kind.equals("salesperson") || kind.equals("assignee") || kind.equals("leader")) && collection.equals("user"))) {
					ids.stream().filter(id -> id.matches("\\d+")).forEach(candidates::add);
				}
			});
		}
		return candidates.isEmpty() ? String.valueOf(1 + random.nextInt(3)) : pick(candidates);
	}

	private static String singular(String word) {
		if (word.endsWith("ies")) {
			return word.substring(0, word.length() - 3) + "y";
		}
		if (word.endsWith("ses") || word.endsWith("xes")) {
			return word.substring(0, word.length() - 2);
		}
		return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
	}

	/** The schema a reference names, and the value's schema of one that may also be null ({@code anyOf [x, null]}). */
	private JsonNode resolve(JsonNode schema) {
		String reference = schema.path("$ref").asString("");
		if (reference.startsWith("#/components/schemas/")) {
			return resolve(document.path("components").path("schemas").path(reference.substring("#/components/schemas/".length())));
		}
		for (JsonNode alternative : schema.path("anyOf")) {
			if (!type(alternative).equals("null")) {
				return resolve(alternative);
			}
		}
		return schema;
	}

	/** A schema's type: OpenAPI 3.1 writes a nullable one as {@code ["string", "null"]}. */
	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			for (JsonNode each : type) {
				if (!each.asString().equals("null")) {
					return each.asString();
				}
			}
			return "null";
		}
		return type.asString(schema.has("properties") ? "object" : "");
	}

	/** Whether a property's schema lets it be null. */
	private static boolean nullable(JsonNode schema) {
		if (schema.path("type").isArray()) {
			return schema.path("type").valueStream().anyMatch(t -> t.asString().equals("null"));
		}
		return schema.path("anyOf").valueStream().anyMatch(alternative -> type(alternative).equals("null"));
	}

	// --- uploads --------------------------------------------------------------------------------------------------------

	private record Upload(String contentType, byte[] body) {
	}

	private Upload validUpload(Operation operation) {
		boolean attachment = operation.path().endsWith("/attachments");
		String boundary = "fuzz" + random.nextInt(1_000_000);
		var parts = new ByteArrayOutputStream();
		if (attachment) {
			part(parts, boundary, "file", pick(List.of("photo.png", "ürün görseli.png", "عکس.png")), "image/png", PNG);
		}
		else {
			part(parts, boundary, "file", pick(List.of("data.csv", "veri.csv", "داده.csv")), "text/csv",
					csv(operation).getBytes(StandardCharsets.UTF_8));
		}
		parts.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Upload("multipart/form-data; boundary=" + boundary, parts.toByteArray());
	}

	private Upload hostileUpload(Operation operation) {
		String boundary = "fuzz" + random.nextInt(1_000_000);
		String multipart = "multipart/form-data; boundary=" + boundary;
		byte[] file = csv(operation).getBytes(StandardCharsets.UTF_8);
		var parts = new ByteArrayOutputStream();
		switch (random.nextInt(12)) {
			case 0 -> {
				return new Upload(multipart, ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc")
					.getBytes(StandardCharsets.UTF_8));
			}
			case 1 -> {
				return new Upload("multipart/form-data", file);
			}
			case 2 -> {
				return new Upload(multipart, new byte[0]);
			}
			case 3 -> {
				return new Upload("application/json", "{\"file\":\"x\"}".getBytes(StandardCharsets.UTF_8));
			}
			case 4 -> part(parts, boundary, "upload", "a.csv", "text/csv", file);
			case 5 -> part(parts, boundary, "file", "empty.csv", "text/csv", new byte[0]);
			case 6 -> part(parts, boundary, "file", "x".repeat(1000) + ".csv", "text/csv", file);
			case 7 -> {
				byte[] junk = new byte[2000];
				random.nextBytes(junk);
				part(parts, boundary, "file", pick(List.of("a.xlsx", "a.csv", "a.pdf", "a.png")), "application/octet-stream", junk);
			}
			case 8 -> {
				byte[] zip = new byte[400];
				random.nextBytes(zip);
				zip[0] = 'P';
				zip[1] = 'K';
				zip[2] = 3;
				zip[3] = 4;
				part(parts, boundary, "file", "a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", zip);
			}
			case 9 -> part(parts, boundary, "file", "a.csv", "text/csv",
					(csv(operation) + Stream.of("\"", "1e400", "-0001-01-01", "%FF", "a\u0000b", "\u0007", "x".repeat(5000))
						.collect(Collectors.joining(","))).getBytes(StandardCharsets.UTF_8));
			case 10 -> {
				part(parts, boundary, "file", "a.csv", "text/csv", file);
				part(parts, boundary, "file", "b.csv", "text/csv", file);
				part(parts, boundary, "mapping", null, "application/json", pick(List.of("{", "[]", "{\"name\":1}", "null")).getBytes(StandardCharsets.UTF_8));
			}
			default -> {
				for (int i = 0; i < 60; i++) {
					part(parts, boundary, "field" + i, null, "text/plain", "v".getBytes(StandardCharsets.UTF_8));
				}
			}
		}
		parts.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return new Upload(multipart, parts.toByteArray());
	}

	private static void part(ByteArrayOutputStream parts, String boundary, String name, @Nullable String filename,
			String type, byte[] content) {
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
				+ (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\nContent-Type: " + type + "\r\n\r\n";
		parts.writeBytes(head.getBytes(StandardCharsets.UTF_8));
		parts.writeBytes(content);
		parts.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	/** A small CSV with the columns the operation's description names and rows of values of fitting kinds. */
	private String csv(Operation operation) {
		var columns = new LinkedHashSet<String>();
		Matcher described = Pattern.compile("Columns[^:]*:([^.]*)").matcher(operation.spec().path("description").asString(""));
		if (described.find()) {
			for (String column : described.group(1).replaceAll("\\([^)]*\\)", "").split(",")) {
				String name = column.trim().split("\\s+")[0];
				if (name.matches("[A-Za-z_]+")) {
					columns.add(name);
				}
			}
		}
		if (columns.isEmpty()) {
			columns.addAll(List.of("name", "kind", "email", "phone", "country", "taxNumber", "creditLimit"));
		}
		var rows = new StringBuilder(String.join(",", columns)).append('\n');
		for (int row = random.nextInt(4); row > 0; row--) {
			rows.append(columns.stream().map(column -> {
				JsonNode schema = propertyTypes.getOrDefault(column, JsonNodeFactory.instance.objectNode());
				String value = random.nextInt(6) == 0 ? pick(List.of("", "1e400", "-1", "+999999999-12-31", "ü".repeat(50), "abc"))
						: plain(validValue(column, schema, 0));
				return "\"" + value.replace("\"", "\"\"") + "\"";
			}).collect(Collectors.joining(","))).append('\n');
		}
		return rows.toString();
	}

	// --- sending and checking -----------------------------------------------------------------------------------------

	private Response sendUpload(Operation operation, String target, Upload upload) {
		return exchange(operation, operation.method(), target, List.<String[]>of(new String[] { "Content-Type", upload.contentType() }),
				upload.body(), "[" + upload.body().length + " bytes of " + upload.contentType() + "]");
	}

	private Response send(Operation operation, String method, String target, List<String[]> headers,
			@Nullable String contentType, @Nullable String body) {
		var all = new ArrayList<>(headers);
		if (contentType != null) {
			all.add(new String[] { "Content-Type", contentType });
		}
		return exchange(operation, method, target, all, body == null ? null : body.getBytes(StandardCharsets.UTF_8), body);
	}

	private Response exchange(Operation operation, String method, String target, List<String[]> headers, byte @Nullable [] body,
			@Nullable String shownBody) {
		var all = new ArrayList<String[]>();
		if (headers.stream().noneMatch(h -> h[0].equals("Authorization"))) {
			all.add(new String[] { "Authorization", "Bearer " + token });
		}
		all.addAll(headers);
		requests++;
		String request = method + " " + abbreviate(target, 300)
				+ headers.stream().map(h -> " [" + h[0] + ": " + abbreviate(h[1], 60) + "]").collect(Collectors.joining())
				+ (shownBody == null ? "" : " " + abbreviate(shownBody, 300));
		Response answer;
		try {
			answer = http.send(method, target, all, body);
		}
		catch (UncheckedIOException | IllegalStateException e) {
			record(operation, "no answer: " + e.getMessage(), request, new Response(0, Map.of(), ""));
			return new Response(0, Map.of(), "");
		}
		statuses.merge(answer.status(), 1, Integer::sum);
		check(operation, method, request, answer);
		learn(operation, method, answer);
		return answer;
	}

	private void check(Operation operation, String method, String request, Response answer) {
		int status = answer.status();
		String type = answer.contentType().toLowerCase(Locale.ROOT);
		if (documented && method.equals(operation.method())) {
			checkAgainstDocument(operation, request, answer);
		}
		if (status >= 500) {
			record(operation, "server error " + status, request, answer);
		}
		else if (status >= 300 && status < 400) {
			record(operation, "redirect", request, answer);
		}
		else if (status >= 400) {
			if (!type.startsWith("application/problem+json")) {
				record(operation, "error without problem+json", request, answer);
				return;
			}
			try {
				JsonNode problem = Api.parse(answer.body());
				if (problem.path("status").asInt() != status || problem.path("title").asString("").isBlank()) {
					record(operation, "problem without its status or title", request, answer);
				}
			}
			catch (JacksonException e) {
				record(operation, "problem that is no JSON", request, answer);
			}
		}
		else if (status == 204 || method.equals("HEAD")) {
			if (!answer.body().isEmpty()) {
				record(operation, "a body with 204", request, answer);
			}
		}
		else if (type.contains("json")) {
			try {
				JsonNode json = Api.parse(answer.body());
				JsonNode schema = resolve(declaredSchema(operation, status));
				String declared = type(schema);
				if (declared.equals("object") && !json.isObject() || declared.equals("array") && !json.isArray()) {
					record(operation, "answer is not the " + declared + " the document declares", request, answer);
				}
				else if (method.equals(operation.method())) {
					mismatch(json, declaredSchema(operation, status), "answer", 0)
						.ifPresent(problem -> record(operation, "answer is not as its schema says: " + problem, request, answer));
				}
			}
			catch (JacksonException e) {
				record(operation, "JSON answer that is no JSON", request, answer);
			}
		}
		else if (type.startsWith("application/pdf") && !answer.body().startsWith("%PDF")) {
			record(operation, "PDF answer that is no PDF", request, answer);
		}
		else if (type.contains("spreadsheetml") && !answer.body().startsWith("PK")) {
			record(operation, "XLSX answer that is no XLSX", request, answer);
		}
	}

	/**
	 * What the document promises of this answer: its status is one the operation declares, a success comes in a media
	 * type declared for it, and a refused body built from the operation's own schema names no field the schema
	 * declares as unknown, and requires none it lacks.
	 */
	private void checkAgainstDocument(Operation operation, String request, Response answer) {
		int status = answer.status();
		JsonNode response = operation.spec().path("responses").path(String.valueOf(status));
		if (status >= 200 && response.isMissingNode() && !SERVER_REFUSALS.contains(status)) {
			record(operation, "answered " + status + ", which the document does not declare", request, answer);
			return;
		}
		String mediaType = answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
		if (status / 100 == 2 && !answer.body().isEmpty() && !response.path("content").has(mediaType)) {
			record(operation, "answered " + status + " as " + mediaType + ", which the document does not declare", request, answer);
		}
		if (status == 400 && bodyFromSchema && answer.contentType().contains("json")) {
			JsonNode schema = resolve(operation.spec().path("requestBody").path("content").path("application/json").path("schema"));
			for (JsonNode error : Api.parse(answer.body()).path("errors")) {
				String field = error.path("field").asString("");
				String message = error.path("message").asString("");
				boolean declared = schema.path("properties").has(field);
				if (message.equals(UNKNOWN_FIELD) && declared) {
					record(operation, "refused " + field + " as unknown, which the request schema declares", request, answer);
				}
				if (message.equals(REQUIRED) && !declared && field.matches("[A-Za-z]+")) {
					record(operation, "requires " + field + ", which the request schema lacks", request, answer);
				}
			}
		}
	}

	/**
	 * Where a JSON answer differs from its schema: a required member missing, or null where the schema does not allow
	 * it (a record component that is not {@code @Nullable}); empty when it matches.
	 */
	private Optional<String> mismatch(JsonNode value, JsonNode schema, String where, int depth) {
		if (value.isNull()) {
			return nullable(schema) || type(resolve(schema)).isEmpty() ? Optional.empty() : Optional.of(where + " is null");
		}
		JsonNode resolved = resolve(schema);
		if (depth > 4) {
			return Optional.empty();
		}
		if (value.isObject()) {
			for (JsonNode required : resolved.path("required")) {
				if (!value.has(required.asString())) {
					return Optional.of(where + "." + required.asString() + " is missing");
				}
			}
			for (var property : resolved.path("properties").properties()) {
				if (value.has(property.getKey())) {
					Optional<String> found = mismatch(value.get(property.getKey()), property.getValue(), where + "." + property.getKey(), depth + 1);
					if (found.isPresent()) {
						return found;
					}
				}
			}
		}
		else if (value.isArray() && resolved.has("items")) {
			for (int i = 0; i < Math.min(value.size(), 5); i++) {
				Optional<String> found = mismatch(value.get(i), resolved.path("items"), where + "[" + i + "]", depth + 1);
				if (found.isPresent()) {
					return found;
				}
			}
		}
		return Optional.empty();
	}

	private JsonNode declaredSchema(Operation operation, int status) {
		JsonNode content = operation.spec().path("responses").path(String.valueOf(status)).path("content");
		return content.values().iterator().hasNext() ? content.values().iterator().next().path("schema") : JsonNodeFactory.instance.objectNode();
	}

	/** Keeps the ids of created records, and which fields a refusal called unknown or required. */
	private void learn(Operation operation, String method, Response answer) {
		if (!answer.contentType().contains("json")) {
			return;
		}
		JsonNode json;
		try {
			json = Api.parse(answer.body());
		}
		catch (JacksonException e) {
			return;
		}
		if (answer.status() / 100 == 2 && method.equals("POST") && !isAction(operation.path()) && json.path("id").isValueNode()) {
			created.computeIfAbsent(operation.path(), k -> new ArrayList<>()).add(json.path("id").asString());
		}
		if (learning && answer.status() == 400 && method.equals(operation.method())) {
			Set<String> required = requiredFields.computeIfAbsent(operation.key(), k -> new LinkedHashSet<>());
			json.path("errors").forEach(error -> {
				String field = error.path("field").asString("");
				String message = error.path("message").asString("");
				if (message.equals(REQUIRED)) {
					required.add(field);
				}
				else if (required.contains(field) && !message.equals(UNKNOWN_FIELD)) {
					refusedValues.merge(operation.key() + " " + field, 1, Integer::sum);
				}
				else {
					refusedFields.computeIfAbsent(operation.key(), k -> new LinkedHashSet<>()).add(field);
				}
			});
		}
	}

	private static List<String> ids(Response answer) {
		if (answer.status() != 200 || !answer.contentType().contains("json")) {
			return List.of();
		}
		JsonNode json = Api.parse(answer.body());
		JsonNode items = json.has("items") ? json.path("items") : json;
		var ids = new ArrayList<String>();
		items.forEach(item -> {
			if (item.path("id").isValueNode()) {
				ids.add(item.path("id").asString());
			}
		});
		return ids;
	}

	private void record(Operation operation, String problem, String request, Response answer) {
		String code = answer.contentType().contains("json") ? codeOf(answer.body()) : "";
		findings.putIfAbsent(operation.key() + " " + problem + " " + code,
				new Finding(operation.key(), problem, request, answer.status(), answer.contentType(), answer.body()));
	}

	private static String codeOf(String body) {
		try {
			return Api.parse(body).path("code").asString("");
		}
		catch (JacksonException e) {
			return "";
		}
	}

	// --- small helpers --------------------------------------------------------------------------------------------------

	private <T> T pick(List<T> choices) {
		return choices.get(random.nextInt(choices.size()));
	}

	private static String plain(JsonNode value) {
		return value.isValueNode() ? value.asString() : JSON.writeValueAsString(value);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String encodePathSegment(String text) {
		return encode(text).replace("+", "%20");
	}

	private static String abbreviate(String text, int length) {
		String visible = text.replace("\r", "\\r").replace("\n", "\\n");
		return visible.length() > length ? visible.substring(0, length) + "…(" + visible.length() + " chars)" : visible;
	}
}
