package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class FormatsTests {

	/** Half past midnight of New Year's Day in Istanbul, still New Year's Eve in London. */
	private static final Instant NEW_YEAR_IN_ISTANBUL = Instant.parse("2026-12-31T21:30:00Z");

	private final Formats formats = new Formats(Clock.fixed(NEW_YEAR_IN_ISTANBUL, ZoneOffset.UTC));

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void turkishDatesAndNumbersReadTheTurkishWay() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("tr"));
		assertThat(formats.date(LocalDate.of(2026, 3, 21))).isEqualTo("21 Mar 2026");
		assertThat(formats.number(1234567.5)).isEqualTo("1.234.567,5");
		assertThat(formats.money(Money.of("1234.5", "TRY"))).contains("1.234,50");
	}

	@Test
	void persianNumbersUsePersianDigits() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("fa"));
		assertThat(formats.number(2026)).isEqualTo("۲٬۰۲۶");
		assertThat(formats.decimal(new java.math.BigDecimal("3.5"), 2)).isEqualTo("۳٫۵۰");
	}

	@Test
	void aPersianReaderMaySeeTheSolarHijriCalendar() {
		LocaleContextHolder.setLocale(Locale.forLanguageTag("fa"));
		var request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, DisplayCalendar.SOLAR_HIJRI);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		// Nowruz 1405 is 21 March 2026.
		assertThat(formats.date(LocalDate.of(2026, 3, 21))).contains("۱۴۰۵").contains("فروردین");
		request.getSession().setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, DisplayCalendar.GREGORIAN);
		assertThat(formats.date(LocalDate.of(2026, 3, 21))).contains("۲۰۲۶");
	}

	@Test
	void inputsShowNumbersAsTheReaderTypesThemAndReadThemBack() {
		var amounts = new String[] { "12500.5000", "-12500.5", "0.0001", "1234567890123456789012.25", "7" };
		for (Locale language : Languages.SUPPORTED) {
			LocaleContextHolder.setLocale(language);
			for (String amount : amounts) {
				var value = new java.math.BigDecimal(amount);
				assertThat(TypedNumbers.read(formats.inputAmount(value), language)).as(language + " " + amount)
					.hasValueSatisfying(read -> assertThat(read).isEqualByComparingTo(value));
				assertThat(TypedNumbers.read(formats.inputNumber(value), language)).as(language + " " + amount)
					.hasValueSatisfying(read -> assertThat(read).isEqualByComparingTo(value));
			}
		}
		LocaleContextHolder.setLocale(Languages.TURKISH);
		assertThat(formats.inputAmount(new java.math.BigDecimal("12500.5000"))).isEqualTo("12.500,50");
		assertThat(formats.inputNumber(new java.math.BigDecimal("12500.5000"))).isEqualTo("12.500,5");
		assertThat(formats.inputNumber(30)).isEqualTo("30");
		assertThat(formats.inputAmount(null)).isEmpty();
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		assertThat(formats.inputAmount(new java.math.BigDecimal("12500.5"))).isEqualTo("12,500.50");
		LocaleContextHolder.setLocale(Languages.PERSIAN);
		assertThat(formats.inputAmount(new java.math.BigDecimal("12500.5"))).isEqualTo("۱۲٬۵۰۰٫۵۰");
	}

	@Test
	void dateInputsShowDatesInTheReadersOrderAndCalendar() {
		LocaleContextHolder.setLocale(Languages.TURKISH);
		assertThat(formats.inputDate(LocalDate.of(2026, 12, 31))).isEqualTo("31.12.2026");
		LocaleContextHolder.setLocale(Languages.PERSIAN);
		var request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, DisplayCalendar.SOLAR_HIJRI);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		assertThat(formats.inputDate(LocalDate.of(2026, 12, 3))).isEqualTo("۱۴۰۵/۰۹/۱۲");
		assertThat(formats.typedDate("۱۴۰۵/۰۹/۱۲")).hasValue(LocalDate.of(2026, 12, 3));
		assertThat(formats.typedDate("1200/01/01")).as("before 1900").isEmpty();
		assertThat(formats.datePicker().calendar()).isEqualTo("persian");
	}

	@Test
	void timesAreShownInTheReadersTimeZone() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		LocaleContextHolder.setTimeZone(TimeZone.getTimeZone("Asia/Tehran"));
		assertThat(formats.dateTime(Instant.parse("2026-11-24T20:45:00Z"))).contains("Nov 25, 2026").contains("12:15");
	}

	@Test
	void todayIsTheClocksDayWhereTheReaderIs() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		LocaleContextHolder.setTimeZone(TimeZone.getTimeZone("Europe/Istanbul"));
		assertThat(formats.today()).isEqualTo("Jan 1, 2027");
		LocaleContextHolder.setTimeZone(TimeZone.getTimeZone("Europe/London"));
		assertThat(formats.today()).isEqualTo("Dec 31, 2026");
	}

	@Test
	void nothingIsShownAsNothing() {
		assertThat(formats.date(null)).isEmpty();
		assertThat(formats.dateTime(null)).isEmpty();
		assertThat(formats.money(null)).isEmpty();
	}
}
