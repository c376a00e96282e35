package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportedWordsTests {

	@Test
	void yesAndNoAreReadInEveryLanguageAndAsMarks() {
		for (String yes : new String[] { "Evet", "EVET", "evet ", "بله", "true", "1", "x", "X", "Yes", "✓", "۱" }) {
			assertThat(ImportedWords.yesNo(yes)).as(yes).contains(true);
		}
		for (String no : new String[] { "Hayır", "HAYIR", "hayir", "خیر", "false", "0", "No", "نه" }) {
			assertThat(ImportedWords.yesNo(no)).as(no).contains(false);
		}
		assertThat(ImportedWords.yesNo("belki")).isEmpty();
	}

	@Test
	void unitsAreReadAsTheirCodesFromTurkishAndPersianWords() {
		assertThat(ImportedWords.UNITS.read("Adet")).contains("PCS");
		assertThat(ImportedWords.UNITS.read("adet")).contains("PCS");
		assertThat(ImportedWords.UNITS.read("عدد")).contains("PCS");
		assertThat(ImportedWords.UNITS.read("Kilogram")).contains("KG");
		assertThat(ImportedWords.UNITS.read("kg")).contains("KG");
		assertThat(ImportedWords.UNITS.read("کیلوگرم")).contains("KG");
		assertThat(ImportedWords.UNITS.read("Çift")).contains("PAIR");
		assertThat(ImportedWords.UNITS.read("fıçı")).isEmpty();
	}

	@Test
	void countriesCurrenciesAndLanguagesAreReadFromTheirNames() {
		assertThat(ImportedWords.country("Türkiye")).contains("TR");
		assertThat(ImportedWords.country("TÜRKİYE")).contains("TR");
		assertThat(ImportedWords.country("ایران")).contains("IR");
		assertThat(ImportedWords.country("Germany")).contains("DE");
		assertThat(ImportedWords.country("tr")).contains("TR");
		assertThat(ImportedWords.currency("TL")).contains("TRY");
		assertThat(ImportedWords.currency("₺")).contains("TRY");
		assertThat(ImportedWords.currency("ریال")).contains("IRR");
		assertThat(ImportedWords.currency("usd")).contains("USD");
		assertThat(ImportedWords.language("Türkçe")).contains("tr");
		assertThat(ImportedWords.language("فارسی")).contains("fa");
		assertThat(ImportedWords.language("English")).contains("en");
	}

	@Test
	void sharedHeadersNameTheirColumnsInTurkishAndPersian() {
		assertThat(ImportedCells.columns(java.util.List.of("VERGİ NO", "Şehir", "İlçe", "کد اقتصادی"),
				java.util.Map.of("taxNumber", ImportedWords.headers("taxNumber"), "city", ImportedWords.headers("city"),
						"district", ImportedWords.headers("district"))))
			.containsEntry("taxNumber", 0)
			.containsEntry("city", 1)
			.containsEntry("district", 2);
	}
}
