package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImportedCellsTests {

	@Test
	void numbersAreReadAsTheirSpreadsheetShowedThem() {
		assertThat(ImportedCells.decimal("1.234,50")).isEqualTo("1234.50");
		assertThat(ImportedCells.decimal("1,234.50")).isEqualTo("1234.50");
		assertThat(ImportedCells.decimal("12,5")).isEqualTo("12.5");
		assertThat(ImportedCells.decimal("۱۲٫۵")).isEqualTo("12.5");
		assertThat(ImportedCells.decimal("۱٬۲۳۴")).isEqualTo("1234");
		assertThat(ImportedCells.decimal(" 20 ")).isEqualTo("20");
		assertThat(ImportedCells.decimal("-3")).isEqualTo("-3");
		assertThat(ImportedCells.decimal("abc")).as("left for the rules to refuse").isEqualTo("abc");
	}

	@Test
	void cellsFollowTheRulesOfNumbersTypedOnAPage() {
		assertThat(ImportedCells.decimal("1.234.567")).isEqualTo("1234567");
		assertThat(ImportedCells.decimal("₺1.234,50")).isEqualTo("1234.50");
		assertThat(ImportedCells.decimal("1,234.50 TRY")).isEqualTo("1234.50");
		assertThat(ImportedCells.decimal("12,50,0")).as("left as typed for the rules to refuse").isEqualTo("12,50,0");
	}

	@Test
	void datesAreReadInTheUsualFormsAndAsSpreadsheetDayNumbers() {
		assertThat(ImportedCells.date("2026-12-31")).isEqualTo("2026-12-31");
		assertThat(ImportedCells.date("31.12.2026")).isEqualTo("2026-12-31");
		assertThat(ImportedCells.date("1/2/2026")).isEqualTo("2026-02-01");
		assertThat(ImportedCells.date("46022")).isEqualTo("2025-12-31");
		assertThat(ImportedCells.date("tomorrow")).isEqualTo("tomorrow");
	}

	@Test
	void theApostropheAnExportPutBeforeAFormulaSignComesOff() {
		assertThat(ImportedCells.text("'-5 kg")).isEqualTo("-5 kg");
		assertThat(ImportedCells.text("'quoted'")).isEqualTo("'quoted'");
	}

	@Test
	void columnsAreFoundByHeaderWordsInAnyLanguageCaseAndPunctuation() {
		Map<String, List<String>> names = Map.of("name_tr", List.of("name_tr", "Ad (Türkçe)"), "vatRate", List.of("KDV %"),
				"code", List.of("کد کالا"));
		assertThat(ImportedCells.columns(List.of("KDV", "NAME-TR", "Other", "AD (TÜRKÇE)", "کد‌کالا"), names))
			.containsEntry("vatRate", 0)
			.containsEntry("name_tr", 1)
			.containsEntry("code", 4)
			.hasSize(3);
	}
}
