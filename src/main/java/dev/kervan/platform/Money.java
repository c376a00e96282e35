package dev.kervan.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An amount of one currency. Amounts of different currencies never mix: adding them is a programming error.
 * Arithmetic keeps full precision; {@link #rounded()} rounds to the currency's minor unit, the only place
 * where rounding happens. In JSON an amount is a decimal string ({@code {"amount":"12.50","currency":"TRY"}}).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	/** The currencies forms offer first (any ISO 4217 code is accepted where one is typed). */
	public static final List<String> OFFERED_CURRENCIES = List.of("TRY", "IRR", "EUR", "USD", "GBP", "AED", "CHF", "RUB",
			"CNY");

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
	}

	public static Money of(BigDecimal amount, String currencyCode) {
		return new Money(amount, Currency.getInstance(currencyCode));
	}

	/** Whether a text is an ISO 4217 currency code, upper case: {@code TRY}, {@code IRR}, {@code EUR}. */
	public static boolean isCurrency(@Nullable String code) {
		if (code == null || code.length() != 3 || !code.equals(code.toUpperCase(java.util.Locale.ROOT))) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	public static Money zero(Currency currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public Money plus(Money other) {
		return new Money(amount.add(sameCurrency(other).amount), currency);
	}

	public Money minus(Money other) {
		return new Money(amount.subtract(sameCurrency(other).amount), currency);
	}

	public Money times(BigDecimal factor) {
		return new Money(amount.multiply(factor), currency);
	}

	/** The given percentage of this amount, e.g. {@code percent(18)} of 100 TRY is 18 TRY. */
	public Money percent(BigDecimal percentage) {
		return new Money(amount.multiply(percentage).divide(BigDecimal.valueOf(100)), currency);
	}

	public Money negate() {
		return new Money(amount.negate(), currency);
	}

	/** Rounded half-up to the currency's minor unit (two digits for TRY, none for JPY). */
	public Money rounded() {
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		return new Money(amount.setScale(digits, RoundingMode.HALF_UP), currency);
	}

	public boolean isNegative() {
		return amount.signum() < 0;
	}

	public boolean isZero() {
		return amount.signum() == 0;
	}

	@Override
	public int compareTo(Money other) {
		return amount.compareTo(sameCurrency(other).amount);
	}

	/** Equal when currency and value are equal, whatever the scale: 1.5 TRY equals 1.50 TRY. */
	@Override
	public boolean equals(Object other) {
		return other instanceof Money money && currency.equals(money.currency) && amount.compareTo(money.amount) == 0;
	}

	@Override
	public int hashCode() {
		return Objects.hash(amount.stripTrailingZeros(), currency);
	}

	@Override
	public String toString() {
		return amount.toPlainString() + " " + currency.getCurrencyCode();
	}

	private Money sameCurrency(Money other) {
		if (!currency.equals(other.currency)) {
			throw new IllegalArgumentException("Cannot combine " + currency + " with " + other.currency);
		}
		return other;
	}
}
