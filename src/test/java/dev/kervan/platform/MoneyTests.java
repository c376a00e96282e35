package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void addsAndSubtractsWithinOneCurrency() {
		assertThat(Money.of("10.10", "TRY").plus(Money.of("0.20", "TRY"))).isEqualTo(Money.of("10.30", "TRY"));
		assertThat(Money.of("1", "TRY").minus(Money.of("1.5", "TRY")).isNegative()).isTrue();
	}

	@Test
	void refusesToMixCurrencies() {
		assertThatThrownBy(() -> Money.of("1", "TRY").plus(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void equalAmountsAreEqualWhateverTheirScale() {
		assertThat(Money.of("1.5", "TRY")).isEqualTo(Money.of("1.50", "TRY")).hasSameHashCodeAs(Money.of("1.500", "TRY"));
	}

	@Test
	void roundsOnlyWhenAskedToTheCurrencysMinorUnit() {
		Money third = Money.of("10", "TRY").times(new BigDecimal("0.3333333"));
		assertThat(third.amount()).isEqualByComparingTo("3.333333");
		assertThat(third.rounded().amount()).isEqualByComparingTo("3.33");
		assertThat(Money.of("1234.5", "JPY").rounded().amount()).isEqualByComparingTo("1235");
		assertThat(Money.of("1234.5", "JPY").rounded().amount().scale()).isZero();
	}

	@Test
	void takesPercentages() {
		assertThat(Money.of("250", "TRY").percent(new BigDecimal("18"))).isEqualTo(Money.of("45", "TRY"));
	}
}
