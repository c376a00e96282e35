package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

	@ParameterizedTest
	@ValueSource(strings = { "+902125550100", "+905321234567", "+982188776655", "+989123456789", "+12125550100",
			"+493012345678", "+442079460000", "+390612345678", "+33142685300" })
	void nationalDigitsHoldTheDigitsOfTheNationalFormat(String e164) throws Exception {
		var util = PhoneNumberUtil.getInstance();
		String national = PhoneNumbers.digits(util.format(util.parse(e164, null), PhoneNumberFormat.NATIONAL));

		// Where the national format leaves the trunk prefix out (the 1 of North America), it is still dialled.
		assertThat(PhoneNumbers.nationalDigits(e164)).endsWith(national);
	}

	@Test
	void turkishAndIranianNumbersAreDialledWithTheirZero() {
		assertThat(PhoneNumbers.nationalDigits("+902125550100")).isEqualTo("02125550100");
		assertThat(PhoneNumbers.nationalDigits("+989123456789")).isEqualTo("09123456789");
	}

	@Test
	void aNumberWithoutAKnownCountryCodeHasNoNationalDigits() {
		assertThat(PhoneNumbers.nationalDigits("+80012345678")).isEqualTo("12345678");
		assertThat(PhoneNumbers.nationalDigits("")).isEmpty();
		assertThat(PhoneNumbers.nationalDigits(null)).isEmpty();
	}

	@Test
	void numbersTypedInAnyFormatAreStoredInE164() {
		assertThat(PhoneNumbers.toE164("0532 123 45 67", "TR")).hasValue("+905321234567");
		assertThat(PhoneNumbers.toE164("+98 912 345 6789", "TR")).hasValue("+989123456789");
		assertThat(PhoneNumbers.toE164("۰۹۱۲ ۳۴۵ ۶۷۸۹", "IR")).hasValue("+989123456789");
		assertThat(PhoneNumbers.toE164("12", "TR")).isEmpty();
		assertThat(PhoneNumbers.display("+905321234567")).isEqualTo("+90 532 123 45 67");
	}
}
