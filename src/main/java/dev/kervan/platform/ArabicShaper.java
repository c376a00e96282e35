package dev.kervan.platform;

import java.util.HashMap;
import java.util.Map;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacter.DecompositionType;
import com.ibm.icu.lang.UCharacter.JoiningType;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.Normalizer2;
import com.openhtmltopdf.bidi.BidiReorderer;

/**
 * Joins the letters of Arabic script, Persian's among them, for the PDF renderer, and turns right-to-left runs
 * around for drawing. openhtmltopdf draws a character at a time through the font's character map and applies none of
 * the font's own joining rules, so each letter is replaced by the presentation form of its place in the word
 * (initial, medial, final; a letter that joins neither side stays as it is), and lam with alef by their ligature.
 * ICU's {@code ArabicShaping}, which openhtmltopdf offers for this, knows only the forms in Presentation Forms-B and
 * leaves ک گ پ چ ژ ی, whose forms are in Presentation Forms-A, unjoined. The forms and the joining types here are
 * Unicode's, read from ICU's data, so every letter that has presentation forms joins; Noto Sans Arabic maps all of
 * Persian's.
 */
final class ArabicShaper implements BidiReorderer {

	private static final int LAM = 0x0644;

	private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

	private static final int ZERO_WIDTH_JOINER = 0x200D;

	/**
	 * Drawn for a ZWNJ: the combining grapheme joiner, which every bundled font draws as nothing, which does not
	 * break a line, and which business text has no use for.
	 */
	private static final int DRAWN_NON_JOINER = 0x034F;

	private static final Normalizer2 COMPATIBILITY = Normalizer2.getNFKDInstance();

	private static final Normalizer2 COMPOSED_COMPATIBILITY = Normalizer2.getNFKCInstance();

	/** A letter's presentation forms by {@link Form}; 0 where Unicode has none. */
	private static final Map<Integer, int[]> FORMS = new HashMap<>();

	/** The letter of each form in {@link #FORMS}. */
	private static final Map<Integer, Integer> LETTERS = new HashMap<>();

	/** The lam-alef ligature of each alef, isolated and final. */
	private static final Map<Integer, int[]> LAM_ALEF = new HashMap<>();

	static {
		// Presentation Forms-B first: where both blocks have a form, it is the one fonts have had the longest.
		readForms(0xFE70, 0xFEFF);
		readForms(0xFB50, 0xFDFF);
	}

	private enum Form {
		ISOLATED, FINAL, INITIAL, MEDIAL
	}

	@Override
	public String shapeText(String text) {
		int[] letters = text.codePoints().toArray();
		var shaped = new StringBuilder(text.length());
		for (int i = 0; i < letters.length; i++) {
			int letter = letters[i];
			// The joiners have done their work once the letters around them are joined or not. Noto Sans Arabic
			// draws them as visible marks (a shaping engine hides them): the joiner is left out, the non-joiner is
			// drawn as a character the fonts draw as nothing, and the font's text map gives it back (textOf).
			if (letter == ZERO_WIDTH_JOINER) {
				continue;
			}
			if (letter == ZERO_WIDTH_NON_JOINER) {
				shaped.appendCodePoint(DRAWN_NON_JOINER);
				continue;
			}
			boolean joinsBefore = joinsBefore(letters, i);
			int[] ligature = letter == LAM && i + 1 < letters.length ? LAM_ALEF.get(letters[i + 1]) : null;
			if (ligature != null) {
				shaped.appendCodePoint(ligature[joinsBefore ? 1 : 0]);
				i++;
				continue;
			}
			int[] forms = FORMS.get(letter);
			Form form = form(joinsBefore, joinsAfter(letters, i));
			// An isolated letter is drawn from the letter itself: the font's own glyph, and plain text to extract.
			boolean joined = forms != null && form != Form.ISOLATED && forms[form.ordinal()] != 0;
			shaped.appendCodePoint(joined ? forms[form.ordinal()] : letter);
		}
		return shaped.toString();
	}

	/** Presentation forms back to the letters they stand for (a ligature to its letters). */
	@Override
	public String deshapeText(String text) {
		var letters = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			if (isPresentationForm(c)) {
				// The compatibility decomposition of a form is its letter (of U+FDF2 three, of a ligature two).
				letters.append(COMPOSED_COMPATIBILITY.normalize(Character.toString(c)).strip());
			}
			else {
				letters.appendCodePoint(c);
			}
		});
		return letters.toString();
	}

	@Override
	public String reorderRTLTextToLTR(String text) {
		return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
	}

	@Override
	public boolean isLiveImplementation() {
		return true;
	}

	/**
	 * The character that a character {@link #shapeText} draws in another's place stands for: the letter of a
	 * presentation form of one letter, the ZWNJ of its stand-in; {@code -1} for any other character.
	 */
	static int textOf(int drawn) {
		return drawn == DRAWN_NON_JOINER ? ZERO_WIDTH_NON_JOINER : LETTERS.getOrDefault(drawn, -1);
	}

	private static boolean isPresentationForm(int c) {
		return c >= 0xFB50 && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF;
	}

	private static Form form(boolean joinsBefore, boolean joinsAfter) {
		if (joinsBefore) {
			return joinsAfter ? Form.MEDIAL : Form.FINAL;
		}
		return joinsAfter ? Form.INITIAL : Form.ISOLATED;
	}

	/** Whether the letter at {@code i} joins the one before it in reading order (on its right). */
	private static boolean joinsBefore(int[] letters, int i) {
		if (!joinsOnRight(letters[i])) {
			return false;
		}
		// Marks (transparent) sit on a letter and do not part it from its neighbours.
		for (int j = i - 1; j >= 0; j--) {
			if (joiningType(letters[j]) != JoiningType.TRANSPARENT) {
				return joinsOnLeft(letters[j]);
			}
		}
		return false;
	}

	/** Whether the letter at {@code i} joins the one after it in reading order (on its left). */
	private static boolean joinsAfter(int[] letters, int i) {
		if (!joinsOnLeft(letters[i])) {
			return false;
		}
		for (int j = i + 1; j < letters.length; j++) {
			if (joiningType(letters[j]) != JoiningType.TRANSPARENT) {
				return joinsOnRight(letters[j]);
			}
		}
		return false;
	}

	private static boolean joinsOnRight(int letter) {
		int type = joiningType(letter);
		return type == JoiningType.DUAL_JOINING || type == JoiningType.RIGHT_JOINING
				|| type == JoiningType.JOIN_CAUSING;
	}

	private static boolean joinsOnLeft(int letter) {
		int type = joiningType(letter);
		return type == JoiningType.DUAL_JOINING || type == JoiningType.LEFT_JOINING
				|| type == JoiningType.JOIN_CAUSING;
	}

	private static int joiningType(int letter) {
		return UCharacter.getIntPropertyValue(letter, UProperty.JOINING_TYPE);
	}

	private static void readForms(int first, int last) {
		for (int c = first; c <= last; c++) {
			Form form = switch (UCharacter.getIntPropertyValue(c, UProperty.DECOMPOSITION_TYPE)) {
				case DecompositionType.ISOLATED -> Form.ISOLATED;
				case DecompositionType.FINAL -> Form.FINAL;
				case DecompositionType.INITIAL -> Form.INITIAL;
				case DecompositionType.MEDIAL -> Form.MEDIAL;
				default -> null;
			};
			String letters = COMPATIBILITY.getRawDecomposition(c);
			if (form == null || letters == null) {
				continue;
			}
			int[] decomposed = letters.codePoints().toArray();
			if (decomposed.length == 1) {
				int[] forms = FORMS.computeIfAbsent(decomposed[0], letter -> new int[Form.values().length]);
				if (forms[form.ordinal()] == 0) {
					forms[form.ordinal()] = c;
				}
				LETTERS.put(c, decomposed[0]);
			}
			else if (decomposed.length == 2 && decomposed[0] == LAM && (form == Form.ISOLATED || form == Form.FINAL)
					&& joiningType(decomposed[1]) == JoiningType.RIGHT_JOINING) {
				LAM_ALEF.computeIfAbsent(decomposed[1], alef -> new int[2])[form == Form.FINAL ? 1 : 0] = c;
			}
		}
	}
}
