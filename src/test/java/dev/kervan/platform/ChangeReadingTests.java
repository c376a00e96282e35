package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeReadingTests {

	@Test
	void aFieldNoModuleDescribesIsLabelledByItsNameMadeReadableNeverByItsCode() {
		assertThat(ChangeReading.readable("expectedRevenue")).isEqualTo("Expected revenue");
		assertThat(ChangeReading.readable("salespersonId")).isEqualTo("Salesperson");
		assertThat(ChangeReading.readable("END_OF_LIFE")).isEqualTo("End of life");
		assertThat(ChangeReading.readable("warehouse-zone")).isEqualTo("Warehouse zone");
		assertThat(ChangeReading.readable("shelves[12].label")).isEqualTo("Shelves label");
	}
}
