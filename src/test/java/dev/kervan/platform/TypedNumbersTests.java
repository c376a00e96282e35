package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TypedNumbersTests {

	private static final Locale ENGLISH = Languages.ENGLISH;
	private static final Locale TURKISH = Languages.TURKISH;
	private static final Locale PERSIAN = Languages.PERSIAN;

	@Test
	void anEnglishAmountIsReadWithItsGroupingAndDecimalMarks() {
		assertThat(read("12,500.50", ENGLISH)).isEqualTo("12500.50");
		assertThat(read("1,234,567.5", ENGLISH)).isEqualTo("1234567.5");
		assertThat(read("12500.50", ENGLISH)).isEqualTo("12500.50");
		assertThat(read("0.5", ENGLISH)).isEqualTo("0.5");
		assertThat(read(".5", ENGLISH)).isEqualTo("0.5");
	}

	@Test
	void aTurkishAmountIsReadWithItsGroupingAndDecimalMarks() {
		assertThat(read("12.500,50", TURKISH)).isEqualTo("12500.50");
		assertThat(read("1.234.567,5", TURKISH)).isEqualTo("1234567.5");
		assertThat(read("12500,50", TURKISH)).isEqualTo("12500.50");
		assertThat(read(",5", TURKISH)).isEqualTo("0.5");
	}

	@Test
	void aPersianAmountIsReadWithPersianMarksOrLatinOnes() {
		assertThat(read("۱۲٬۵۰۰٫۵۰", PERSIAN)).isEqualTo("12500.50");
		assertThat(read("۱۲۵۰۰٫۵", PERSIAN)).isEqualTo("12500.5");
		assertThat(read("۱۲٬۵۰۰", PERSIAN)).isEqualTo("12500");
		assertThat(read("12,500.50", PERSIAN)).isEqualTo("12500.50");
		assertThat(read("۱۲,۵۰۰.۵۰", PERSIAN)).isEqualTo("12500.50");
		assertThat(read("12.5", PERSIAN)).isEqualTo("12.5");
	}

	@Test
	void persianAndArabicIndicDigitsAreDigits() {
		assertThat(read("۰۱۲۳۴۵۶۷۸۹", ENGLISH)).isEqualTo("123456789");
		assertThat(read("٠١٢٣٤٥٦٧٨٩", ENGLISH)).isEqualTo("123456789");
		assertThat(read("٣٫٢٥", PERSIAN)).isEqualTo("3.25");
	}

	@Test
	void theLanguagesDecimalMarkAloneIsTheDecimalMark() {
		assertThat(read("12.500", ENGLISH)).isEqualTo("12.500");
		assertThat(read("12,500", TURKISH)).isEqualTo("12.500");
		assertThat(read("12.500", PERSIAN)).isEqualTo("12.500");
		assertThat(read("۱۲٫۵۰۰", PERSIAN)).isEqualTo("12.500");
	}

	@Test
	void theGroupingMarkFollowedByGroupsOfThreeGroupsThousands() {
		assertThat(read("12.500", TURKISH)).isEqualTo("12500");
		assertThat(read("1.000.000", TURKISH)).isEqualTo("1000000");
		assertThat(read("12,500", ENGLISH)).isEqualTo("12500");
		assertThat(read("12,500", PERSIAN)).isEqualTo("12500");
		assertThat(read("12 500", TURKISH)).as("a space groups too").isEqualTo("12500");
		assertThat(read("12\u00a0500,5", TURKISH)).isEqualTo("12500.5");
	}

	@Test
	void theGroupingMarkNotFollowedByThreeDigitsIsTheDecimalMark() {
		assertThat(read("12.5", TURKISH)).isEqualTo("12.5");
		assertThat(read("12.5000", TURKISH)).isEqualTo("12.5000");
		assertThat(read("0.500", TURKISH)).as("no group starts with 0").isEqualTo("0.500");
		assertThat(read("12,5", ENGLISH)).isEqualTo("12.5");
		assertThat(read("12,50", PERSIAN)).isEqualTo("12.50");
	}

	@Test
	void aMarkSeveralTimesCanOnlyGroup() {
		assertThat(read("1.234.567", ENGLISH)).isEqualTo("1234567");
		assertThat(read("1,234,567", TURKISH)).isEqualTo("1234567");
	}

	@Test
	void withTwoMarksTheLaterOneIsTheDecimalMarkInAnyLanguage() {
		assertThat(read("12,500.50", TURKISH)).isEqualTo("12500.50");
		assertThat(read("12.500,50", ENGLISH)).isEqualTo("12500.50");
	}

	@Test
	void aCurrencyBeforeOrAfterTheNumberIsLeftOut() {
		assertThat(read("₺12.500,50", TURKISH)).isEqualTo("12500.50");
		assertThat(read("₺ 12.500,50", TURKISH)).isEqualTo("12500.50");
		assertThat(read("12.500,50 TL", TURKISH)).isEqualTo("12500.50");
		assertThat(read("12.500,50TL", TURKISH)).isEqualTo("12500.50");
		assertThat(read("12,500.50 TRY", ENGLISH)).isEqualTo("12500.50");
		assertThat(read("$12,500.50", ENGLISH)).isEqualTo("12500.50");
		assertThat(read("12.500,50 €", TURKISH)).isEqualTo("12500.50");
		assertThat(read("TRY 12,500.50", ENGLISH)).isEqualTo("12500.50");
		assertThat(read("۱۲٬۵۰۰ ریال", PERSIAN)).isEqualTo("12500");
		assertThat(read("\u200eTRY\u00a0۱۲٬۵۰۰٫۵۰", PERSIAN)).as("as Formats writes it").isEqualTo("12500.50");
	}

	@Test
	void aMinusSignMakesItNegative() {
		assertThat(read("-12.500,50", TURKISH)).isEqualTo("-12500.50");
		assertThat(read("\u221212,500.50", ENGLISH)).isEqualTo("-12500.50");
		assertThat(read("\u200e\u2212۱۲٬۵۰۰٫۵", PERSIAN)).as("as Formats writes it").isEqualTo("-12500.5");
		assertThat(read("-₺12.500,50", TURKISH)).isEqualTo("-12500.50");
		assertThat(read("₺-12.500,50", TURKISH)).isEqualTo("-12500.50");
		assertThat(read("- 5", ENGLISH)).isEqualTo("-5");
		assertThat(read("+5", ENGLISH)).isEqualTo("5");
	}

	@Test
	void whatTheMarksDoNotSaySurelyIsRefused() {
		for (String text : new String[] { "12,50,0", "1.2.3,4,5", "1.234,5.6", "12.500.5", "1 2", "12.", "12,", ".",
				"12٬5", "1٫234٫567", "12٫500,5", "1.2,3 4" }) {
			assertThat(TypedNumbers.read(text, TURKISH)).as(text).isEmpty();
			assertThat(TypedNumbers.read(text, ENGLISH)).as(text).isEmpty();
		}
	}

	@Test
	void lettersAndOtherSignsAreRefused() {
		for (String text : new String[] { "abc", "12a", "a12", "1e5", "12 apples", "--5", "5-", "₺12 TL", "12%", "0x1F",
				"", "   ", "١٢ درهم", "ABC 12", "12 ₺ ₺" }) {
			assertThat(TypedNumbers.read(text, ENGLISH)).as(text).isEmpty();
		}
		assertThat(TypedNumbers.read(null, ENGLISH)).isEmpty();
		assertThat(TypedNumbers.read("1".repeat(101), ENGLISH)).as("longer than any number").isEmpty();
	}

	@Test
	void aSpreadsheetsPointOrCommaAloneIsItsDecimalMark() {
		assertThat(TypedNumbers.readAnyLanguage("1.234")).hasValue(new BigDecimal("1.234"));
		assertThat(TypedNumbers.readAnyLanguage("1,234")).hasValue(new BigDecimal("1.234"));
		assertThat(TypedNumbers.readAnyLanguage("1.234,50")).hasValue(new BigDecimal("1234.50"));
		assertThat(TypedNumbers.readAnyLanguage("1,234,567")).hasValue(new BigDecimal("1234567"));
		assertThat(TypedNumbers.readAnyLanguage("12,50,0")).isEmpty();
	}

	private static String read(String text, Locale language) {
		return TypedNumbers.read(text, language).map(BigDecimal::toPlainString).orElse("refused");
	}
}
