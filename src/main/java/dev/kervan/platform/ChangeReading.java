package dev.kervan.platform;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.util.ULocale;
import dev.kervan.platform.FieldReading.Kind;
import dev.kervan.platform.HistoryLine.Detail;
import dev.kervan.platform.HistoryLine.Segment;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reading of a record's changes for one page, in the reader's language: the names every change refers to are
 * looked up first, once per kind, then each change is said in sentences. What a change does not say (the currency of
 * an amount changed alone, the name of a contact whose phone changed) is read from the changes around it and the
 * record as it is now.
 */
final class ChangeReading {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern PART = Pattern.compile("([a-z][A-Za-z-]*)\\[([^\\]]+)\\](?:\\.(.+))?");
	private static final Pattern NAMES = Pattern.compile("(?:^\\{|, )([a-z]{2,3})=");
	private static final int SHORT = 80;
	private static final int LONG = 100;
	private static final int STARS = 3;
	private static final String DASH = "—";

	private final RecordHistory history;
	private final HistoryDescriber describer;
	/** Newest first. */
	private final List<AuditChange> changes;
	private final Map<String, @Nullable String> current = new HashMap<>();
	/** Each field's values in the changes that touch it, newest first. */
	private final Map<String, List<Touch>> touches = new HashMap<>();
	private final Map<String, Map<String, String>> names = new HashMap<>();
	private final List<String> order;
	private final Locale locale = RecordHistory.locale();

	private record Touch(int change, @Nullable String before, @Nullable String after) {
	}

	/** A line with its field's place: the record's own field, or a part's ({@code part} and {@code partId} set). */
	private record Line(AuditEntry entry, @Nullable String part, @Nullable String partId, @Nullable String field,
			FieldReading reading) {
	}

	ChangeReading(RecordHistory history, HistoryDescriber describer, List<AuditChange> changes, Map<String, ?> current) {
		this.history = history;
		this.describer = describer;
		this.changes = changes;
		this.order = List.copyOf(describer.fields().keySet());
		current.forEach((field, value) -> this.current.put(field, AuditTrail.text(value)));
		var wanted = new HashMap<String, Set<String>>();
		for (int i = 0; i < changes.size(); i++) {
			AuditChange change = changes.get(i);
			if (change.actorId() != null) {
				wanted.computeIfAbsent(RecordHistory.USER, k -> new HashSet<>()).add(change.actorId().toString());
			}
			for (AuditEntry entry : change.lines()) {
				touches.computeIfAbsent(entry.field(), k -> new ArrayList<>())
					.add(new Touch(i, entry.oldValue(), entry.newValue()));
				Line line = line(entry);
				want(wanted, line.reading(), entry.oldValue());
				want(wanted, line.reading(), entry.newValue());
				PartReading part = line.part() == null ? null : describer.parts().get(line.part());
				if (part != null && part.namesKind() != null) {
					wanted.computeIfAbsent(part.namesKind(), k -> new HashSet<>()).add(line.partId());
				}
			}
		}
		wanted.forEach((kind, ids) -> names.put(kind, history.names(kind, ids)));
	}

	List<HistoryEntry> entries() {
		var entries = new ArrayList<HistoryEntry>();
		for (int i = 0; i < changes.size(); i++) {
			HistoryEntry entry = entry(i);
			if (entry != null) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/** The fields of the first change one by one, the record's own in the describer's order, then its parts'. */
	List<RecordHistory.FieldChange> fieldChanges() {
		var fields = new ArrayList<RecordHistory.FieldChange>();
		var lines = changes.getFirst().lines().stream().map(this::line).toList();
		var own = inOrder(lines.stream().filter(line -> line.part() == null).toList());
		var parts = lines.stream().filter(line -> line.part() != null).toList();
		for (Line line : java.util.stream.Stream.concat(own.stream(), parts.stream()).toList()) {
			FieldReading reading = line.reading();
			if (reading.kind() == Kind.HIDDEN) {
				continue;
			}
			Segment before = read(reading, line.entry().oldValue(), 0, false);
			Segment after = read(reading, line.entry().newValue(), 0, true);
			if (before == null && after == null || before != null && after != null && before.text().equals(after.text())) {
				continue;
			}
			fields.add(new RecordHistory.FieldChange(line.entry().field(), label(line),
					before == null ? null : before.text(), after == null ? null : after.text()));
		}
		return fields;
	}

	private @Nullable HistoryEntry entry(int index) {
		AuditChange change = changes.get(index);
		Segment who = who(change);
		var created = new ArrayList<Line>();
		var updated = new ArrayList<Line>();
		var deleted = new ArrayList<Line>();
		var parts = new LinkedHashMap<String, List<Line>>();
		for (AuditEntry entry : change.lines()) {
			Line line = line(entry);
			if (line.part() != null) {
				parts.computeIfAbsent(line.part() + "[" + line.partId() + "]", k -> new ArrayList<>()).add(line);
			}
			else {
				(switch (entry.action()) {
					case CREATE -> created;
					case UPDATE -> updated;
					case DELETE -> deleted;
				}).add(line);
			}
		}
		var lines = new ArrayList<HistoryLine>();
		if (!created.isEmpty()) {
			lines.add(history.say(describer.createdMessage(), who).withDetails(details(inOrder(created), index, true)));
		}
		for (Line line : inOrder(updated)) {
			lines.addAll(changed(who, line, index));
		}
		parts.values().forEach(part -> lines.addAll(partChanged(who, part, index)));
		if (!deleted.isEmpty()) {
			lines.add(history.say("history.deleted", who).withDetails(details(inOrder(deleted), index, false)));
		}
		if (lines.isEmpty()) {
			return null;
		}
		return new HistoryEntry(change.at(), created.isEmpty() ? HistoryEntry.Kind.CHANGED : HistoryEntry.Kind.CREATED,
				List.copyOf(lines), null);
	}

	private Segment who(AuditChange change) {
		String name = change.actorId() == null ? null
				: names.getOrDefault(RecordHistory.USER, Map.of()).get(change.actorId().toString());
		if (name != null) {
			return Segment.who(name);
		}
		return Segment.who(change.actorId() == null && "system".equals(change.actorName())
				? history.message("history.system") : change.actorName());
	}

	// --- the record's own fields ------------------------------------------------------------------------------------

	/** A field's change in sentences: one, or one per language for names by language, or none when it reads the same. */
	private List<HistoryLine> changed(Segment who, Line line, int index) {
		FieldReading reading = line.reading();
		AuditEntry entry = line.entry();
		if (reading.kind() == Kind.NAMES) {
			var lines = new ArrayList<HistoryLine>();
			Map<String, String> before = namesByLanguage(entry.oldValue());
			Map<String, String> after = namesByLanguage(entry.newValue());
			for (String language : languages(before.keySet(), after.keySet())) {
				String was = before.get(language);
				String is = after.get(language);
				if (!Objects.equals(was, is)) {
					lines.add(sentence(who, reading, inLanguage(label(line), language), text(was, SHORT), text(is, SHORT),
							is));
				}
			}
			return lines;
		}
		if (reading.kind() == Kind.HIDDEN) {
			return reading.sentence() == null ? List.of()
					: List.of(history.say(reading.sentence(), who, Segment.field(label(line))));
		}
		Segment before = read(reading, entry.oldValue(), index, false);
		Segment after = read(reading, entry.newValue(), index, true);
		if (before == null && after == null || before != null && after != null && before.text().equals(after.text())) {
			return List.of();
		}
		return List.of(sentence(who, reading, label(line), before, after, entry.newValue()));
	}

	private HistoryLine sentence(Segment who, FieldReading reading, String label, @Nullable Segment before,
			@Nullable Segment after, @Nullable String rawAfter) {
		String key;
		if (reading.sentence() != null) {
			String forValue = reading.sentence() + "." + rawAfter;
			key = rawAfter != null && history.messageOrNull(forValue) != null ? forValue : reading.sentence();
		}
		else {
			key = before == null ? "history.set" : after == null ? "history.cleared" : "history.changed";
		}
		return history.say(key, who, Segment.field(label), orDash(before), orDash(after));
	}

	/** The values of a record as it was made (or as it was when deleted), each with its label. */
	private List<Detail> details(List<Line> lines, int index, boolean after) {
		var details = new ArrayList<Detail>();
		for (Line line : lines) {
			FieldReading reading = line.reading();
			String raw = after ? line.entry().newValue() : line.entry().oldValue();
			if (reading.kind() == Kind.NAMES) {
				Map<String, String> byLanguage = namesByLanguage(raw);
				for (String language : languages(byLanguage.keySet(), Set.of())) {
					details.add(new Detail(inLanguage(label(line), language), text(byLanguage.get(language), SHORT)));
				}
				continue;
			}
			if (reading.kind() == Kind.YES_NO && "false".equals(raw)) {
				continue;
			}
			Segment value = read(reading, raw, index, after);
			if (value != null) {
				details.add(new Detail(label(line), value));
			}
		}
		return List.copyOf(details);
	}

	// --- parts: an account's contacts, a product's files -------------------------------------------------------------

	private List<HistoryLine> partChanged(Segment who, List<Line> lines, int index) {
		Line first = lines.getFirst();
		PartReading part = Objects.requireNonNull(describer.parts().get(first.part()));
		Segment noun = Segment.words(history.message(part.noun()));
		boolean named = part.titleField() == null || lines.stream().anyMatch(line -> part.titleField().equals(line.field()));
		boolean added = named && lines.stream().allMatch(line -> line.entry().oldValue() == null);
		boolean removed = named && lines.stream().allMatch(line -> line.entry().newValue() == null);
		Segment title = title(part, lines, index);
		if (added) {
			if (part.quietWhenAdded()) {
				return List.of();
			}
			List<Line> values = lines.stream().filter(line -> line.field() != null && !line.field().equals(part.titleField())).toList();
			return List.of(history.say("history.part.added", who, noun, title).withDetails(details(values, index, true)));
		}
		if (removed) {
			return List.of(history.say("history.part.removed", who, noun, title));
		}
		var sentences = new ArrayList<HistoryLine>();
		for (Line line : lines) {
			FieldReading reading = line.reading();
			if (reading.kind() == Kind.HIDDEN) {
				continue;
			}
			Segment before = read(reading, line.entry().oldValue(), index, false);
			Segment after = read(reading, line.entry().newValue(), index, true);
			if (before == null && after == null || before != null && after != null && before.text().equals(after.text())) {
				continue;
			}
			String key = before == null ? "history.part.set" : after == null ? "history.part.cleared" : "history.part.changed";
			sentences.add(history.say(key, who, Segment.field(label(line)), noun, title, orDash(before), orDash(after)));
		}
		return sentences;
	}

	/** What names a part: the value of its title field in this change, around it, or as the part is now. */
	private Segment title(PartReading part, List<Line> lines, int index) {
		Line first = lines.getFirst();
		String prefix = first.part() + "[" + first.partId() + "]";
		if (part.titleField() == null) {
			String value = first.entry().oldValue() != null ? first.entry().oldValue() : first.entry().newValue();
			return orUntitled(text(value, SHORT));
		}
		FieldReading reading = part.fields().getOrDefault(part.titleField(), plain(part.titleField()));
		String field = prefix + "." + part.titleField();
		String raw = valueAt(field, index, false);
		if (raw == null) {
			raw = valueAt(field, index, true);
		}
		Segment title = read(reading, raw, index, false);
		if (title == null && part.namesKind() != null) {
			title = text(names.getOrDefault(part.namesKind(), Map.of()).get(first.partId()), SHORT);
		}
		return orUntitled(title);
	}

	private Segment orUntitled(@Nullable Segment title) {
		return title != null ? title : Segment.value(history.message("history.part.untitled"));
	}

	// --- values --------------------------------------------------------------------------------------------------------

	/** A value as people read it; none for an empty one. {@code after}: the value after the change, else before it. */
	private @Nullable Segment read(FieldReading reading, @Nullable String raw, int index, boolean after) {
		if (raw == null || raw.isBlank() || reading.kind() == Kind.HIDDEN) {
			return null;
		}
		return switch (reading.kind()) {
			case TEXT -> text(raw, SHORT);
			case LONG_TEXT -> text(raw.replaceAll("\\s+", " ").strip(), LONG);
			case NUMBER -> Segment.value(number(raw, false));
			case PERCENT -> Segment.value(number(raw, true));
			case MONEY -> Segment.value(money(raw, valueAt(Objects.requireNonNull(reading.detail()), index, after)));
			case DATE -> Segment.value(date(raw));
			case YES_NO -> Segment.value(history.message("true".equals(raw) ? "history.yes" : "history.no"));
			case CHOICE -> Segment.value(choice(reading, raw));
			case CHOICES -> Segment.value(listed(split(raw).stream().map(code -> choice(reading, code)).toList()));
			case REFERENCE -> Segment.value(name(reading.detail(), raw));
			case REFERENCES -> Segment.value(listed(split(raw).stream().map(id -> name(reading.detail(), id)).toList()));
			case NAMES -> text(listed(namesByLanguage(raw).values().stream().toList()), SHORT);
			case COUNTRY -> Segment.value(history.formats().country(raw));
			case LANGUAGE -> Segment.value(Locale.forLanguageTag(raw).getDisplayLanguage(locale));
			case PHONE -> Segment.leftToRight(PhoneNumbers.display(raw));
			case LIST -> text(listed(split(raw)), SHORT);
			case STARS -> Segment.value(stars(raw));
			case PAIRS -> text(listed(pairs(raw)), SHORT);
			case KEYED -> keyed(reading, raw);
			case HIDDEN -> null;
		};
	}

	/** A text as a value, shortened to about {@code limit} characters at a word, keeping the whole for a tooltip. */
	private static @Nullable Segment text(@Nullable String text, int limit) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() <= limit) {
			return Segment.value(text);
		}
		int cut = text.lastIndexOf(' ', limit);
		String shortened = text.substring(0, cut > limit / 2 ? cut : limit).strip() + "…";
		return new Segment(shortened, HistoryLine.Role.VALUE, text, null);
	}

	private String number(String raw, boolean percent) {
		BigDecimal value = decimal(raw);
		if (value == null) {
			return raw;
		}
		return percent ? history.formats().percent(value) : history.formats().number(value);
	}

	private String money(String amount, @Nullable String currency) {
		BigDecimal value = decimal(amount);
		if (value == null) {
			return amount;
		}
		if (currency != null && currency.matches("[A-Z]{3}")) {
			try {
				return history.formats().money(value, currency);
			}
			catch (IllegalArgumentException unknownCurrency) {
				return history.formats().number(value);
			}
		}
		return history.formats().number(value);
	}

	private String date(String raw) {
		try {
			return history.formats().date(LocalDate.parse(raw));
		}
		catch (DateTimeParseException notADay) {
			try {
				return history.formats().dateTime(Instant.parse(raw));
			}
			catch (DateTimeParseException notAMoment) {
				return raw;
			}
		}
	}

	private String choice(FieldReading reading, String code) {
		String text = history.messageOrNull(reading.detail() + code);
		return text != null ? text : readable(code);
	}

	private String name(@Nullable String kind, String id) {
		String name = names.getOrDefault(kind, Map.of()).get(id);
		return name != null ? name : history.message("history.value.gone");
	}

	private String stars(String raw) {
		try {
			int stars = Math.max(0, Math.min(STARS, Integer.parseInt(raw)));
			return "★".repeat(stars) + "☆".repeat(STARS - stars);
		}
		catch (NumberFormatException notAPriority) {
			return raw;
		}
	}

	/** A JSON object's values, each labelled by the name of the record its key names: "Sector code: 12; Region: Ege". */
	private @Nullable Segment keyed(FieldReading reading, String raw) {
		JsonNode object;
		try {
			object = JSON.readTree(raw);
		}
		catch (JacksonException notJson) {
			return text(raw, SHORT);
		}
		var pairs = new ArrayList<String>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			String label = names.getOrDefault(reading.detail(), Map.of()).get(property.getKey());
			JsonNode value = property.getValue();
			String shown = value.isNull() ? DASH : value.isBoolean()
					? history.message(value.asBoolean() ? "history.yes" : "history.no")
					: value.isNumber() ? history.formats().number(value.decimalValue()) : value.asString();
			pairs.add((label != null ? label : readable(property.getKey())) + ": " + shown);
		}
		return text(String.join("; ", pairs), SHORT);
	}

	private String listed(List<String> items) {
		return ListFormatter.getInstance(ULocale.forLocale(locale)).format(items);
	}

	private static List<String> split(String raw) {
		return Arrays.stream(raw.split(", ")).map(String::strip).filter(item -> !item.isEmpty()).toList();
	}

	private static @Nullable BigDecimal decimal(String raw) {
		try {
			return new BigDecimal(raw.strip());
		}
		catch (NumberFormatException notANumber) {
			return null;
		}
	}

	/** Names by language as the trail keeps a map ({@code {tr=Çay, fa=چای}}), in the order kept. */
	private static Map<String, String> namesByLanguage(@Nullable String raw) {
		var names = new LinkedHashMap<String, String>();
		if (raw == null || !raw.startsWith("{") || !raw.endsWith("}")) {
			return names;
		}
		Matcher key = NAMES.matcher(raw);
		String language = null;
		int valueStart = 0;
		while (key.find()) {
			if (language != null) {
				names.put(language, raw.substring(valueStart, key.start()));
			}
			language = key.group(1);
			valueStart = key.end();
		}
		if (language != null) {
			names.put(language, raw.substring(valueStart, raw.length() - 1));
		}
		names.values().removeIf(String::isBlank);
		return names;
	}

	/** A map's entries as the trail keeps them ({@code {Colour=Red, Size=M}}) as "Colour: Red". */
	private static List<String> pairs(String raw) {
		String inside = raw.startsWith("{") && raw.endsWith("}") ? raw.substring(1, raw.length() - 1) : raw;
		return split(inside).stream().map(pair -> pair.replaceFirst("=", ": ")).toList();
	}

	/** The languages of names in the order a reader looks for them: theirs first. */
	private List<String> languages(Set<String> before, Set<String> after) {
		var all = new LinkedHashSet<String>();
		if (before.contains(locale.getLanguage()) || after.contains(locale.getLanguage())) {
			all.add(locale.getLanguage());
		}
		before.stream().sorted().forEach(all::add);
		after.stream().sorted().forEach(all::add);
		return List.copyOf(all);
	}

	private String inLanguage(String label, String language) {
		return history.message("history.in-language", label, Locale.forLanguageTag(language).getDisplayLanguage(locale));
	}

	private static Segment orDash(@Nullable Segment value) {
		return value != null ? value : Segment.value(DASH);
	}

	/**
	 * A field's value at a change that may not touch it: in that change; else as the next newer change found it; else
	 * as the record is now; else as the last older change left it.
	 */
	private @Nullable String valueAt(String field, int index, boolean after) {
		List<Touch> touched = touches.getOrDefault(field, List.of());
		Touch newer = null;
		for (Touch touch : touched) {
			if (touch.change() == index) {
				return after ? touch.after() : touch.before();
			}
			if (touch.change() < index) {
				newer = touch;
			}
		}
		if (newer != null) {
			return newer.before();
		}
		if (current.containsKey(field)) {
			return current.get(field);
		}
		return touched.stream().filter(touch -> touch.change() > index).findFirst().map(Touch::after).orElse(null);
	}

	// --- fields and labels ---------------------------------------------------------------------------------------------

	private Line line(AuditEntry entry) {
		Matcher part = PART.matcher(entry.field());
		if (part.matches() && describer.parts().containsKey(part.group(1))) {
			PartReading reading = describer.parts().get(part.group(1));
			String field = part.group(3);
			FieldReading fieldReading = field == null ? new FieldReading(reading.noun(), Kind.TEXT, null, null)
					: reading.fields().getOrDefault(field, plain(field));
			return new Line(entry, part.group(1), part.group(2), field, fieldReading);
		}
		return new Line(entry, null, null, entry.field(), describer.fields().getOrDefault(entry.field(), plain(entry.field())));
	}

	private static FieldReading plain(String field) {
		return new FieldReading("history.field." + field, Kind.TEXT, null, null);
	}

	private String label(Line line) {
		String label = history.messageOrNull(line.reading().label());
		return label != null ? label : readable(Objects.requireNonNullElse(line.field(), line.entry().field()));
	}

	private List<Line> inOrder(List<Line> lines) {
		return lines.stream()
			.sorted(Comparator.<Line>comparingInt(line -> {
				int at = order.indexOf(line.entry().field());
				return at < 0 ? Integer.MAX_VALUE : at;
			}).thenComparing(line -> line.entry().field()))
			.toList();
	}

	private static void want(Map<String, Set<String>> wanted, FieldReading reading, @Nullable String raw) {
		if (raw == null || raw.isBlank() || reading.detail() == null) {
			return;
		}
		switch (reading.kind()) {
			case REFERENCE -> wanted.computeIfAbsent(reading.detail(), k -> new HashSet<>()).add(raw);
			case REFERENCES -> wanted.computeIfAbsent(reading.detail(), k -> new HashSet<>()).addAll(split(raw));
			case KEYED -> {
				try {
					JSON.readTree(raw).propertyNames().forEach(key -> wanted.computeIfAbsent(reading.detail(), k -> new HashSet<>()).add(key));
				}
				catch (JacksonException notJson) {
					// read as text when shown
				}
			}
			default -> {
			}
		}
	}

	/**
	 * A code made readable for a field or value no describer names: {@code expectedRevenue} is "Expected revenue",
	 * {@code END_OF_LIFE} "End of life", {@code salespersonId} "Salesperson".
	 */
	static String readable(String code) {
		String words = code.replaceAll("\\[[^\\]]*\\]", " ")
			.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
			.replaceAll("[_.\\-\\s]+", " ")
			.strip()
			.toLowerCase(Locale.ROOT)
			.replaceAll(" id$", "");
		return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}
}
