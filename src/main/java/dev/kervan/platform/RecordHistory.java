package dev.kervan.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kervan.platform.HistoryLine.Segment;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * A record's history as people read it (the "chatter"): the audit trail's lines grouped into changes (one actor, one
 * transaction) and said in words in the reader's language ("Ayşe moved it from Qualified to Proposition"), with names
 * instead of ids and values as the reader writes them, beside the entries the record's module adds (its notes, the
 * activities on it), newest first. Each module says how its records read through a {@link HistoryDescriber} and names
 * its records through {@link RecordNames}; names are looked up once per kind for the whole history, never per line.
 */
@Service
public class RecordHistory {

	/** The kind of record that names who made a change. */
	public static final String USER = "user";

	/** Arguments are formatted into a message as markers, then cut out again as segments of their own. */
	private static final Pattern MARKER = Pattern.compile("\uE000(\\d+)\uE001");

	private final AuditTrail audit;
	private final MessageSource messages;
	private final Formats formats;
	private final Map<String, HistoryDescriber> describers = new HashMap<>();
	private final Map<String, RecordNames> namers = new HashMap<>();

	RecordHistory(AuditTrail audit, MessageSource messages, Formats formats, List<HistoryDescriber> describers,
			List<RecordNames> namers) {
		this.audit = audit;
		this.messages = messages;
		this.formats = formats;
		for (HistoryDescriber describer : describers) {
			HistoryDescriber earlier = this.describers.putIfAbsent(describer.recordType(), describer);
			if (earlier != null) {
				throw new IllegalStateException("Record type " + describer.recordType() + " is described by both "
						+ earlier.getClass().getName() + " and " + describer.getClass().getName());
			}
		}
		for (RecordNames names : namers) {
			for (String kind : names.kinds()) {
				RecordNames earlier = this.namers.putIfAbsent(kind, names);
				if (earlier != null) {
					throw new IllegalStateException("Records of the kind " + kind + " are named by both "
							+ earlier.getClass().getName() + " and " + names.getClass().getName());
				}
			}
		}
	}

	/**
	 * The record's history for its page, newest first: its changes in words, with the entries given beside them.
	 *
	 * @param current the record's values as it is now, as its module writes them to the trail: what a change did not
	 * touch (the currency of an amount changed alone) reads from them when the trail does not say it
	 * @param beside what the record's module adds (notes, activities), for a record the current user may see
	 */
	public List<HistoryEntry> of(String recordType, Object recordId, Map<String, ?> current, List<HistoryEntry> beside) {
		HistoryDescriber describer = describers.getOrDefault(recordType, new Undescribed(recordType));
		var entries = new ArrayList<HistoryEntry>(new ChangeReading(this, describer, audit.changes(recordType, recordId),
				current).entries());
		entries.addAll(beside);
		entries.sort(Comparator.comparing(HistoryEntry::at).reversed());
		return entries;
	}

	/**
	 * A sentence in the reader's language from the message {@code key}, each argument ({0}, {1}…) kept a segment of its
	 * own, so that a page isolates names and values within the sentence.
	 */
	public HistoryLine say(String key, Segment... arguments) {
		Object[] markers = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			markers[i] = "\uE000" + i + "\uE001";
		}
		String text = messages.getMessage(key, markers, locale());
		var segments = new ArrayList<Segment>();
		Matcher marker = MARKER.matcher(text);
		int at = 0;
		while (marker.find()) {
			if (marker.start() > at) {
				segments.add(Segment.words(text.substring(at, marker.start())));
			}
			segments.add(arguments[Integer.parseInt(marker.group(1))]);
			at = marker.end();
		}
		if (at < text.length()) {
			segments.add(Segment.words(text.substring(at)));
		}
		return new HistoryLine(List.copyOf(segments), List.of());
	}

	/** One field a change would change, as the record's history will say it: its label and its values in words. */
	public record FieldChange(String field, String label, @Nullable String before, @Nullable String after) {
	}

	/**
	 * What a change not made yet would do to a record (an import's preview), field by field as the record's history
	 * will say it once it is made: labels and values in the reader's language, names instead of ids. Fields that
	 * would read the same are left out.
	 *
	 * @param before the record's values as its module writes them to the trail, and {@code after} as they would be
	 */
	public List<FieldChange> changesBetween(String recordType, Map<String, ?> before, Map<String, ?> after) {
		var fields = new java.util.TreeMap<String, Object>(before);
		fields.putAll(after);
		var lines = new ArrayList<AuditEntry>();
		fields.keySet().forEach(field -> {
			if (!AuditTrail.same(before.get(field), after.get(field))) {
				lines.add(new AuditEntry(0, Instant.EPOCH, null, "", recordType, "", AuditEntry.Action.UPDATE, field,
						AuditTrail.text(before.get(field)), AuditTrail.text(after.get(field))));
			}
		});
		if (lines.isEmpty()) {
			return List.of();
		}
		HistoryDescriber describer = describers.getOrDefault(recordType, new Undescribed(recordType));
		return new ChangeReading(this, describer, List.of(new AuditChange(Instant.EPOCH, null, "", lines)), after)
			.fieldChanges();
	}

	/** Dates, numbers and amounts as the reader writes them, for the entries a module adds. */
	public Formats formats() {
		return formats;
	}

	/** The names of those of the records of a kind that exist, by id; none for a kind no module names. */
	Map<String, String> names(String kind, Set<String> ids) {
		RecordNames names = namers.get(kind);
		return names == null || ids.isEmpty() ? Map.of() : names.names(kind, ids);
	}

	String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale());
	}

	@Nullable String messageOrNull(String key) {
		return messages.getMessage(key, null, null, locale());
	}

	static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** A record type no module describes: every field read by its name made readable. */
	private record Undescribed(String recordType) implements HistoryDescriber {

		@Override
		public Map<String, FieldReading> fields() {
			return Map.of();
		}

		@Override
		public String createdMessage() {
			return "history.created";
		}
	}
}
