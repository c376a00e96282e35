package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextHygieneTests {

	private static final List<String> CONTROLS = List.of("\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009B",
			"\uFFFE", "\uD800", "\uDC00");
	private static final List<String> OVERRIDES = List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
			"\u2067", "\u2068", "\u2069");

	@Test
	void codesHoldNoControlCharacterAndNothingThatTurnsTheirDirection() {
		for (String control : CONTROLS) {
			assertThat(TextHygiene.codeProblem("A" + control + "1")).as("U+%04X", (int) control.charAt(0))
				.contains(TextHygiene.CONTROL_CHARACTER);
		}
		for (String line : List.of("\t", "\n", "\r")) {
			assertThat(TextHygiene.codeProblem("A" + line + "1")).contains(TextHygiene.CONTROL_CHARACTER);
		}
		for (String direction : concat(OVERRIDES, List.of("\u200E", "\u200F", "\u061C"))) {
			assertThat(TextHygiene.codeProblem(direction + "gnp.exe")).contains(TextHygiene.DIRECTION_CHARACTER);
		}
		assertThat(TextHygiene.codeProblem("ÇAY-42/ü ۱۲")).isEmpty();
		assertThat(TextHygiene.codeProblem("4111 1111 1111 1111")).as("codes are not checked for cards").isEmpty();
		assertThat(TextHygiene.codeProblem("8690000000000")).isEmpty();
		assertThat(TextHygiene.codeProblem(null)).isEmpty();
	}

	@Test
	void namesMayBreakLinesAndCarryDirectionMarksButNoOverrides() {
		for (String control : CONTROLS) {
			assertThat(TextHygiene.nameProblem("Ad" + control)).contains(TextHygiene.CONTROL_CHARACTER);
		}
		for (String override : OVERRIDES) {
			assertThat(TextHygiene.nameProblem("Ad" + override)).contains(TextHygiene.DIRECTION_CHARACTER);
		}
		assertThat(TextHygiene.nameProblem("شرکت ABC\u200F\tساختمان\r\nدوم")).isEmpty();
		assertThat(TextHygiene.nameProblem("می\u200Cخواهم \uD83D\uDE00")).as("half-space and an emoji").isEmpty();
		assertThat(TextHygiene.nameProblem("Kart 4111 1111 1111 1111")).contains(TextHygiene.CARD_NUMBER);
		assertThat(TextHygiene.characterProblem("Kart 4111 1111 1111 1111")).isEmpty();
	}

	@Test
	void freeTextLosesWhatNamesRefuseAndKeepsTheRest() {
		assertThat(TextHygiene.freeText("a\u0000b\u0007c\u202Ed\uD800e\u2066f\u2069\uFFFE")).isEqualTo("abcdef");
		String kept = "Satır 1\r\n\tSatır 2 \u200Fشرکت\u200C \uD83D\uDE00";
		assertThat(TextHygiene.freeText(kept)).isSameAs(kept);
		assertThat(TextHygiene.forXml("x\u0001y\u007Fz")).as("DEL is valid XML 1.0 but a control").isEqualTo("xyz");
	}

	@Test
	void fullCardNumbersAreFoundInAnyDigitsWithSpacesOrDashes() {
		assertThat(TextHygiene.containsCardNumber("card 4111111111111111 thanks")).isTrue();
		assertThat(TextHygiene.containsCardNumber("4111 1111 1111 1111")).isTrue();
		assertThat(TextHygiene.containsCardNumber("4111-1111-1111-1111")).isTrue();
		assertThat(TextHygiene.containsCardNumber("Amex 3782 822463 10005")).isTrue();
		assertThat(TextHygiene.containsCardNumber("کارت ۴۱۱۱۱۱۱۱۱۱۱۱۱۱۱۱")).as("Persian digits").isTrue();
		assertThat(TextHygiene.containsCardNumber("kart:5555555555554444.")).isTrue();

		assertThat(TextHygiene.containsCardNumber("4111 1111 1111 1112")).as("fails the Luhn check").isFalse();
		assertThat(TextHygiene.containsCardNumber("VKN 1234567890, TCKN 10000000146")).isFalse();
		assertThat(TextHygiene.containsCardNumber("+90 532 123 45 67")).isFalse();
		assertThat(TextHygiene.containsCardNumber("last four 1111, expires 12/27")).isFalse();
		assertThat(TextHygiene.containsCardNumber("IBAN TR41 1111 1111 1111 1111 0000 00")).as("glued to letters").isFalse();
		assertThat(TextHygiene.containsCardNumber("SN4111111111111111")).isFalse();
		assertThat(TextHygiene.containsCardNumber(null)).isFalse();
	}

	private static List<String> concat(List<String> first, List<String> second) {
		return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
	}
}
