package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.kervan.platform.Checks;
import dev.kervan.platform.Money;
import dev.kervan.platform.Patch;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;
import org.jspecify.annotations.Nullable;

/**
 * The checks on the official and financial data of accounts, their parts and their classes, shared by the pages,
 * the API and the import.
 */
final class CustomerRules {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
	private static final Pattern TAX_NUMBER = Pattern.compile("[A-Z0-9]{2,20}");
	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	private CustomerRules() {
	}

	static boolean isCountry(@Nullable String code) {
		return code != null && COUNTRIES.contains(code);
	}

	static boolean isEmail(@Nullable String email) {
		return Checks.isEmail(email);
	}

	/** A tax number without the spaces, dots and dashes people type into it, upper case. */
	static String normalizeTaxNumber(String typed) {
		return typed.replaceAll("[\\s.\\-/]", "").toUpperCase(Locale.ROOT);
	}

	/**
	 * The message code of what is wrong with a (normalized) tax number in the given country, if anything.
	 * Turkish numbers are the 10-digit tax number of a company (VKN) or the 11-digit identity number of a
	 * person (TCKN); Iranian ones the 10-digit national code, the 11-digit national id of a company or the
	 * 12-digit economic code. Elsewhere 2 to 20 letters and digits.
	 */
	static Optional<String> taxNumberProblem(String taxNumber, String country) {
		if (!TAX_NUMBER.matcher(taxNumber).matches()) {
			return Optional.of("error.customer.tax-number-format");
		}
		boolean digits = DIGITS.matcher(taxNumber).matches();
		return switch (country) {
			case "TR" -> digits && (taxNumber.length() == 10 || taxNumber.length() == 11) ? Optional.empty()
					: Optional.of("error.customer.tax-number-tr");
			case "IR" -> digits && taxNumber.length() >= 10 && taxNumber.length() <= 12 ? Optional.empty()
					: Optional.of("error.customer.tax-number-ir");
			default -> Optional.empty();
		};
	}

	/** An IBAN without spaces, upper case, if its country format and check digits are right. */
	static Optional<String> validIban(@Nullable String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		String iban = typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
		try {
			IbanUtil.validate(iban);
			return Optional.of(iban);
		}
		catch (IbanFormatException | InvalidCheckDigitException | UnsupportedCountryException e) {
			return Optional.empty();
		}
	}

	/** Money limits: not negative, at most four decimals, below a trillion. */
	static boolean isAmount(@Nullable BigDecimal amount) {
		return amount == null || (amount.signum() >= 0 && amount.scale() <= 4 && amount.precision() - amount.scale() <= 15);
	}

	/** An account's amount (a limit, a target): not negative, at most four decimals, below a trillion. */
	static Patch<BigDecimal> amount(Checks checks, String field, Patch<BigDecimal> value) {
		return value.map(amount -> {
			BigDecimal checked = checks.decimal(field, amount);
			if (!isAmount(checked)) {
				checks.reject(field, "error.customer.amount");
			}
			return checked;
		});
	}

	/** A currency code, upper-cased; anything else (no code at all included) is refused. */
	static Optional<String> currency(Checks checks, String field, @Nullable String typed) {
		String code = upper(checks.name(field, typed));
		if (!Money.isCurrency(code)) {
			checks.reject(field, "error.customer.currency");
			return Optional.empty();
		}
		return Optional.of(code);
	}

	static @Nullable String email(Checks checks, String field, @Nullable String typed) {
		String email = checks.code(field, typed);
		if (email != null && !isEmail(email)) {
			checks.reject(field, "error.customer.email");
		}
		return email;
	}

	private static @Nullable String upper(@Nullable String text) {
		return text == null ? null : text.toUpperCase(Locale.ROOT);
	}
}
