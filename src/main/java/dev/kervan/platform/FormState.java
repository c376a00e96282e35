package dev.kervan.platform;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person typed into an HTML form and what was wrong with it, for forms that are checked by the same
 * JSON rules as the API: the submitted fields become a JSON document ({@link #toJson}), and a refusal becomes a
 * message per field ({@link #reject}) shown beside it when the form is shown again. Serializable, so it can
 * survive a redirect as a flash attribute.
 * <p>
 * A record picker ({@code fragments/fields.html :: picker}) posts the chosen record's id under its field's name and
 * the text it shows under the name followed by {@value #PICKER_TEXT}; both are read here, so a form shown again shows
 * the chosen record's name ({@link #text}). A page model showing a current value gives its name with
 * {@link #withText} (a picker of several records: {@link #withTexts}).
 */
public final class FormState implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What follows a picker's field name in the name of the parameter that carries the text it shows. */
	public static final String PICKER_TEXT = "-text";

	/** The refusal of a picker whose text chose no record: a name typed, no match picked. */
	public static final String NOT_CHOSEN = "error.picker.not-chosen";

	private final Map<String, String> values;
	private final Map<String, List<String>> lists;
	private final Map<String, String> errors = new LinkedHashMap<>();
	private final List<String> general = new java.util.ArrayList<>();
	private final Set<String> shown = new HashSet<>();
	private final Set<String> shownLists = new HashSet<>();
	private final Map<String, String> texts = new HashMap<>();
	private final Map<String, Map<String, String>> itemTexts = new HashMap<>();
	private String ids = "f-";

	private FormState(Map<String, String> values, Map<String, List<String>> lists) {
		this.values = new HashMap<>(values);
		this.lists = new HashMap<>(lists);
		this.shown.addAll(values.keySet());
		this.shown.addAll(lists.keySet());
	}

	public static FormState empty() {
		return new FormState(Map.of(), Map.of());
	}

	public static FormState of(Map<String, @Nullable String> values) {
		var copy = new HashMap<String, String>();
		values.forEach((key, value) -> copy.put(key, value == null ? "" : value));
		return new FormState(copy, Map.of());
	}

	/** A form of values and lists (ticked boxes), as a record shows it before anything is typed. */
	public static FormState of(Map<String, @Nullable String> values, Map<String, List<String>> lists) {
		var copy = new HashMap<String, String>();
		values.forEach((key, value) -> copy.put(key, value == null ? "" : value));
		return new FormState(copy, lists);
	}

	/**
	 * Reads the submitted fields named in {@code fields}; those in {@code multiple} may repeat (checkboxes) and
	 * become lists. A picker's text is read beside its field: a blank text chooses nothing, whatever id was sent
	 * with it, so clearing the text clears the choice with or without the picker's script.
	 */
	public static FormState from(MultiValueMap<String, String> submitted, Set<String> fields, Set<String> multiple) {
		var values = new HashMap<String, String>();
		var lists = new HashMap<String, List<String>>();
		var texts = new HashMap<String, String>();
		for (String field : fields) {
			List<String> given = submitted.get(field);
			if (multiple.contains(field)) {
				// An unticked group of checkboxes sends nothing at all: that means "none".
				lists.put(field, given == null ? List.of()
						: given.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList());
				continue;
			}
			if (given != null) {
				values.put(field, first(given));
			}
			List<String> text = submitted.get(field + PICKER_TEXT);
			if (text != null) {
				texts.put(field, first(text));
				if (first(text).isEmpty()) {
					values.put(field, "");
				}
			}
		}
		FormState form = new FormState(values, lists);
		form.shown.addAll(fields);
		form.texts.putAll(texts);
		return form;
	}

	private static String first(List<String> given) {
		return given.isEmpty() || given.getFirst() == null ? "" : given.getFirst().strip();
	}

	/**
	 * Names the fields the form shows, each with its message beside it; a refusal of any other field is shown above
	 * the form. By default these are the fields the form was read from.
	 */
	public FormState showing(Set<String> fields) {
		shown.clear();
		shown.addAll(fields);
		return this;
	}

	/** Shows the messages about the items of a list ({@code lines[2].quantity}) beside each item: {@link #errorsOf}. */
	public FormState showingItems(String list) {
		shownLists.add(list);
		return this;
	}

	/** Gives the fields ids without the usual {@code f-} before their names. */
	public FormState withPlainIds() {
		ids = "";
		return this;
	}

	/** The id of a field's input; its message has this id followed by {@code -error}. */
	/** Ids made with {@code prefix} instead of "f-": one form repeated on a page (the board's quick entry per column). */
	public FormState withIdPrefix(String prefix) {
		ids = prefix;
		return this;
	}

	public String id(String field) {
		return ids + field;
	}

	/** The text a picker shows for its field: the page model's name of the current record, or what was sent. */
	public FormState withText(String field, @Nullable String text) {
		texts.put(field, text == null ? "" : text);
		return this;
	}

	/** The names a picker of several records shows for the ids of its field's list, by id. */
	public FormState withTexts(String field, Map<String, String> textsByItem) {
		itemTexts.put(field, Map.copyOf(textsByItem));
		return this;
	}

	/** What a picker shows for its field: the chosen record's name, or a text typed that chose none. */
	public String text(String field) {
		return texts.getOrDefault(field, "");
	}

	/** What a picker of several records shows for one of them: its name, else the id itself. */
	public String text(String field, String item) {
		return itemTexts.getOrDefault(field, Map.of()).getOrDefault(item, item);
	}

	/**
	 * The form as a JSON document: blank fields are left out when creating and sent as {@code null} (clearing
	 * them) when changing; {@code commaLists} are split at commas into arrays. A picker whose text chose no record
	 * (a name typed and left) is refused here, beside its field, before any rule reads the form: read as blank it
	 * would choose nothing, or a new record, without a word.
	 */
	public ObjectNode toJson(boolean creating, Set<String> commaLists) {
		requireChosen();
		ObjectNode node = JSON.createObjectNode();
		values.forEach((field, value) -> {
			if (commaLists.contains(field)) {
				ArrayNode array = node.putArray(field);
				for (String part : value.split(",")) {
					if (!part.isBlank()) {
						array.add(part.strip());
					}
				}
			}
			else if (value.isEmpty()) {
				if (!creating) {
					node.putNull(field);
				}
			}
			else {
				node.put(field, value);
			}
		});
		lists.forEach((field, items) -> {
			ArrayNode array = node.putArray(field);
			items.forEach(array::add);
		});
		return node;
	}

	/** Refuses, naming each field, the pickers whose text chose no record. */
	public void requireChosen() {
		List<FieldViolation> unchosen = texts.entrySet().stream()
			.filter(text -> !text.getValue().isEmpty() && value(text.getKey()).isEmpty())
			.map(text -> new FieldViolation(text.getKey(), NOT_CHOSEN, text.getValue()))
			.sorted(Comparator.comparing(FieldViolation::field))
			.toList();
		if (!unchosen.isEmpty()) {
			throw new InvalidInputException(unchosen);
		}
	}

	/** Puts each of the refusal's messages beside its field, or above the form when the form does not show it. */
	public FormState reject(DomainException refusal, MessageSource messages) {
		var locale = LocaleContextHolder.getLocale();
		if (refusal.violations().isEmpty()) {
			general.add(messages.getMessage(refusal.messageCode(), refusal.arguments(), refusal.messageCode(), locale));
		}
		for (FieldViolation violation : refusal.violations()) {
			String message = messages.getMessage(violation.messageCode(), violation.arguments(), violation.messageCode(),
					locale);
			errors.merge(violation.field(), message, (a, b) -> a + " " + b);
		}
		return this;
	}

	public String value(String field) {
		return values.getOrDefault(field, "");
	}

	public List<String> list(String field) {
		return lists.getOrDefault(field, List.of());
	}

	public boolean has(String field, String item) {
		return list(field).contains(item);
	}

	public @Nullable String error(String field) {
		return isShown(field) ? errors.get(field) : null;
	}

	public boolean hasError(String field) {
		return isShown(field) && errors.containsKey(field);
	}

	/** Whether any of {@code fields} has a message: for an input that stands for several fields of a command. */
	public boolean hasAnyError(Collection<String> fields) {
		return fields.stream().anyMatch(this::hasError);
	}

	/** The ids of the messages of those of {@code fields} that have one, for an input's aria-describedby; null if none. */
	public @Nullable String errorIds(Collection<String> fields) {
		String ids = String.join(" ", fields.stream().filter(this::hasError).map(field -> id(field) + "-error").toList());
		return ids.isEmpty() ? null : ids;
	}

	/** The messages about the {@code index}-th item of a list, as one text, or null. */
	public @Nullable String errorsOf(String list, int index) {
		String prefix = list + "[" + index + "]";
		String joined = String.join(" ", errors.entrySet().stream()
			.filter(e -> e.getKey().equals(prefix) || e.getKey().startsWith(prefix + "."))
			.map(Map.Entry::getValue)
			.toList());
		return joined.isEmpty() ? null : joined;
	}

	/** Messages about the form as a whole, and about fields the form does not show. */
	public List<String> general() {
		var all = new java.util.ArrayList<>(general);
		errors.forEach((field, message) -> {
			if (!isShown(field)) {
				all.add(message);
			}
		});
		return List.copyOf(all);
	}

	private boolean isShown(String field) {
		if (shown.contains(field)) {
			return true;
		}
		int bracket = field.indexOf('[');
		return bracket > 0 && shownLists.contains(field.substring(0, bracket));
	}

	public Map<String, String> errors() {
		return Map.copyOf(errors);
	}

	public boolean hasErrors() {
		return !errors.isEmpty() || !general.isEmpty();
	}
}
