package dev.kervan.platform;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as people type them ("0532 123 45 67", "+98 912 345 6789", "(212) 555-0100") are stored in
 * E.164 ({@code +905321234567}) and shown in international format.
 */
public final class PhoneNumbers {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private PhoneNumbers() {
	}

	/**
	 * The number in E.164, read with the rules of {@code country} (ISO 3166 alpha-2) when it has no country
	 * code, or empty when it is not a possible phone number.
	 */
	public static Optional<String> toE164(@Nullable String typed, String country) {
		if (typed == null || typed.isBlank()) {
			return Optional.empty();
		}
		try {
			PhoneNumber number = UTIL.parse(typed, country.toUpperCase(java.util.Locale.ROOT));
			if (!UTIL.isPossibleNumber(number) || !UTIL.isValidNumber(number)) {
				return Optional.empty();
			}
			return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
		}
		catch (NumberParseException e) {
			return Optional.empty();
		}
	}

	/** An E.164 number as people read it, e.g. {@code +90 532 123 45 67}. */
	public static String display(@Nullable String e164) {
		if (e164 == null || e164.isBlank()) {
			return "";
		}
		try {
			return UTIL.format(UTIL.parse(e164, null), PhoneNumberFormat.INTERNATIONAL);
		}
		catch (NumberParseException e) {
			return e164;
		}
	}

	/**
	 * The digits of an E.164 number as dialled within its country: the trunk prefix and the national number
	 * ({@code +902125550100} → {@code 02125550100}; {@code +12125550100} → {@code 12125550100}), or empty when the
	 * country code is unknown. Worked out from
	 * the country code alone, without parsing the number, which costs fifty times as much and is done once per
	 * phone of every imported account.
	 */
	public static String nationalDigits(@Nullable String e164) {
		String digits = digits(e164);
		// Country codes are one to three digits and none is the start of another.
		for (int length = 1; length <= 3 && length < digits.length(); length++) {
			String region = UTIL.getRegionCodeForCountryCode(Integer.parseInt(digits.substring(0, length)));
			if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
				return digits.substring(length);
			}
			if (!"ZZ".equals(region)) {
				String trunk = UTIL.getNddPrefixForRegion(region, true);
				return (trunk == null ? "" : trunk) + digits.substring(length);
			}
		}
		return "";
	}

	/** Only the digits of what was typed, for searching a phone number in any format. */
	public static String digits(@Nullable String text) {
		if (text == null) {
			return "";
		}
		var digits = new StringBuilder();
		text.codePoints().filter(Character::isDigit).forEach(c -> digits.append(Character.forDigit(Character.digit(c, 10), 10)));
		return digits.toString();
	}
}
