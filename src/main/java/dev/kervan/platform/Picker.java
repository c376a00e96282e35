package dev.kervan.platform;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The one convention of record pickers (docs/architecture.md, "Pages"): a form's field where a person types a name,
 * code, tax number or barcode and picks one of the matches ({@code fragments/fields.html :: picker},
 * {@code static/js/picker.js}). Each kind of record has one source, {@code GET /pick/<kind>?q=<typed>} (more
 * parameters narrow it: {@code role=SUPPLIER}), a controller in the web layer of the module that owns the records,
 * which checks the reader as the module's own list does and answers {@link Answer}: at most {@link #LIMIT} matches,
 * best first; nothing typed answers the first ones in the list's order.
 */
public final class Picker {

	/** How many matches a source answers at most: enough to choose from while typing, few enough to read. */
	public static final int LIMIT = 10;

	/** What a source searches for at most: a longer text names no record better and costs the search more. */
	static final int TYPED_LENGTH = 100;

	private Picker() {
	}

	/**
	 * One record a picker offers.
	 *
	 * @param id what the form posts under the field's name
	 * @param label what the input shows once the record is chosen: its name (a product's code and name)
	 * @param detail what tells records of one name apart (a tax number and city, a code); may be null
	 */
	public record Match(long id, String label, @Nullable String detail) {
	}

	/** What a source answers: {@code {"matches": [{"id": 42, "label": "…", "detail": "…"}]}}. */
	public record Answer(List<Match> matches) {

		public Answer {
			matches = matches.stream().limit(LIMIT).toList();
		}
	}

	public static Answer answer(List<Match> matches) {
		return new Answer(matches);
	}

	/** What was typed, as a source searches for it: stripped, cut to {@value #TYPED_LENGTH} characters, never null. */
	public static String typed(@Nullable String q) {
		String typed = q == null ? "" : q.strip();
		return typed.length() > TYPED_LENGTH ? typed.substring(0, TYPED_LENGTH) : typed;
	}

	/**
	 * For the sources of kinds with few records (teams, warehouses, price lists), filtered as they are read: the words
	 * typed, folded as {@link SearchText} folds them, so "istanbul" finds "İSTANBUL" and "كتاب" finds "کتاب".
	 */
	public static Words words(@Nullable String q) {
		return new Words(Arrays.stream(SearchText.fold(typed(q)).split(" ")).filter(word -> !word.isEmpty()).toList());
	}

	/** The words typed into a picker. */
	public record Words(List<String> words) {

		/** Whether every word occurs in one of the texts (nothing typed is found in every record). */
		public boolean foundIn(@Nullable String... texts) {
			String folded = String.join(" ", Arrays.stream(texts).filter(Objects::nonNull).map(SearchText::fold).toList());
			return words.stream().allMatch(folded::contains);
		}
	}
}
