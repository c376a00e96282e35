package dev.kervan.platform;

import static dev.kervan.platform.DisplayCalendar.GREGORIAN;
import static dev.kervan.platform.DisplayCalendar.SOLAR_HIJRI;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

class TypedDatesTests {

	private static final Locale ENGLISH = Languages.ENGLISH;
	private static final Locale TURKISH = Languages.TURKISH;
	private static final Locale PERSIAN = Languages.PERSIAN;
	private static final LocalDate NEW_YEARS_EVE = LocalDate.of(2026, 12, 31);

	@Test
	void gregorianDatesAreTypedInTheLanguagesOrder() {
		assertThat(TypedDates.format(NEW_YEARS_EVE, TURKISH, GREGORIAN)).isEqualTo("31.12.2026");
		assertThat(TypedDates.format(NEW_YEARS_EVE, ENGLISH, GREGORIAN)).isEqualTo("12/31/2026");
		assertThat(TypedDates.format(NEW_YEARS_EVE, PERSIAN, GREGORIAN)).isEqualTo("۲۰۲۶/۱۲/۳۱");
		assertThat(TypedDates.format(LocalDate.of(2026, 3, 5), TURKISH, GREGORIAN)).isEqualTo("05.03.2026");
	}

	@Test
	void gregorianDatesAreReadInTheLanguagesOrder() {
		assertThat(TypedDates.read("31.12.2026", TURKISH, GREGORIAN)).hasValue(NEW_YEARS_EVE);
		assertThat(TypedDates.read("5.3.2026", TURKISH, GREGORIAN)).hasValue(LocalDate.of(2026, 3, 5));
		assertThat(TypedDates.read("31/12/2026", TURKISH, GREGORIAN)).hasValue(NEW_YEARS_EVE);
		assertThat(TypedDates.read("12/31/2026", ENGLISH, GREGORIAN)).hasValue(NEW_YEARS_EVE);
		assertThat(TypedDates.read("3/5/2026", ENGLISH, GREGORIAN)).as("month first in English")
			.hasValue(LocalDate.of(2026, 3, 5));
		assertThat(TypedDates.read("۲۰۲۶/۱۲/۳۱", PERSIAN, GREGORIAN)).hasValue(NEW_YEARS_EVE);
		assertThat(TypedDates.read("2026/12/31", PERSIAN, GREGORIAN)).hasValue(NEW_YEARS_EVE);
	}

	@Test
	void isoDatesAreReadInEveryLanguageAndCalendar() {
		for (Locale language : Languages.SUPPORTED) {
			for (DisplayCalendar calendar : DisplayCalendar.values()) {
				assertThat(TypedDates.read("2026-12-31", language, calendar)).hasValue(NEW_YEARS_EVE);
				assertThat(TypedDates.read(" 2026-12-31 ", language, calendar)).hasValue(NEW_YEARS_EVE);
			}
		}
	}

	@Test
	void aSolarHijriReaderTypesSolarHijriDatesInPersianOrLatinDigits() {
		LocalDate azar12 = LocalDate.of(2026, 12, 3);
		assertThat(TypedDates.format(azar12, PERSIAN, SOLAR_HIJRI)).isEqualTo("۱۴۰۵/۰۹/۱۲");
		assertThat(TypedDates.format(azar12, ENGLISH, SOLAR_HIJRI)).isEqualTo("1405/09/12");
		assertThat(TypedDates.read("۱۴۰۵/۰۹/۱۲", PERSIAN, SOLAR_HIJRI)).hasValue(azar12);
		assertThat(TypedDates.read("1405/9/12", PERSIAN, SOLAR_HIJRI)).hasValue(azar12);
		assertThat(TypedDates.read("١٤٠٥/٩/١٢", PERSIAN, SOLAR_HIJRI)).hasValue(azar12);
		assertThat(TypedDates.read("1405-09-12", PERSIAN, SOLAR_HIJRI)).hasValue(azar12);
		assertThat(TypedDates.read("2026/12/03", PERSIAN, SOLAR_HIJRI)).as("a Gregorian year stays Gregorian")
			.hasValue(azar12);
		assertThat(TypedDates.read("1405/09/12", PERSIAN, GREGORIAN)).as("the Gregorian year 1405")
			.hasValue(LocalDate.of(1405, 9, 12));
	}

	@Test
	void nowruzIsTheFirstDayOfTheSolarHijriYear() {
		assertThat(TypedDates.read("1405/01/01", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2026, 3, 21));
		assertThat(TypedDates.read("1404/12/29", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2026, 3, 20));
		assertThat(TypedDates.read("1404/01/01", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2025, 3, 21));
		// 1403 is a leap year: its Esfand has 30 days and Nowruz 1404 falls on 21 March 2025.
		assertThat(TypedDates.read("1403/12/30", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2025, 3, 20));
		assertThat(TypedDates.read("1403/01/01", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2024, 3, 20));
		assertThat(TypedDates.format(LocalDate.of(2025, 3, 21), ENGLISH, SOLAR_HIJRI)).isEqualTo("1404/01/01");
		assertThat(TypedDates.format(LocalDate.of(2025, 3, 20), ENGLISH, SOLAR_HIJRI)).isEqualTo("1403/12/30");
	}

	@Test
	void esfandHasThirtyDaysInLeapYearsOnly() {
		assertThat(TypedDates.read("1403/12/30", PERSIAN, SOLAR_HIJRI)).isPresent();
		assertThat(TypedDates.read("1408/12/30", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2030, 3, 20));
		assertThat(TypedDates.read("1404/12/30", PERSIAN, SOLAR_HIJRI)).isEmpty();
		assertThat(TypedDates.read("1405/12/30", PERSIAN, SOLAR_HIJRI)).isEmpty();
		assertThat(TypedDates.read("1502/12/30", PERSIAN, SOLAR_HIJRI)).as("ICU's exception to the 33-year rule").isEmpty();
		assertThat(TypedDates.read("1503/12/30", PERSIAN, SOLAR_HIJRI)).hasValue(LocalDate.of(2125, 3, 20));
		assertThat(TypedDates.read("1405/07/31", PERSIAN, SOLAR_HIJRI)).as("Mehr has 30 days").isEmpty();
		assertThat(TypedDates.read("1405/06/31", PERSIAN, SOLAR_HIJRI)).as("Shahrivar has 31").isPresent();
	}

	@Test
	void everyDayFrom1900To2200GoesToTheSolarHijriCalendarAndBackAsIcuCountsIt() {
		Calendar icu = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=persian"));
		assertThat(icu.getType()).isEqualTo("persian");
		for (LocalDate day = Dates.EARLIEST; !day.isAfter(Dates.LATEST); day = day.plusDays(1)) {
			icu.setTimeInMillis(day.toEpochDay() * 86_400_000L);
			String expected = "%04d/%02d/%02d".formatted(icu.get(Calendar.EXTENDED_YEAR), icu.get(Calendar.MONTH) + 1,
					icu.get(Calendar.DAY_OF_MONTH));
			String typed = TypedDates.format(day, ENGLISH, SOLAR_HIJRI);
			assertThat(typed).isEqualTo(expected);
			assertThat(TypedDates.read(typed, PERSIAN, SOLAR_HIJRI)).hasValue(day);
		}
	}

	@Test
	void gregorianDatesGoToTheTypedFormAndBackInEveryLanguage() {
		for (int year : new int[] { 1900, 2000, 2024, 2025, 2026, 2100, 2200 }) {
			for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
				for (Locale language : Languages.SUPPORTED) {
					assertThat(TypedDates.read(TypedDates.format(day, language, GREGORIAN), language, GREGORIAN))
						.hasValue(day);
				}
			}
		}
	}

	@Test
	void whatIsNoDayIsRefused() {
		for (String text : new String[] { "30.02.2026", "31.04.2026", "2026-13-01", "2026-00-10", "31.12.26", "tomorrow",
				"2026/12", "12.2026", "31..12.2026", "31.12-2026", "20261231", "", "31.12.2026 10:00", "1.1.1.2026" }) {
			assertThat(TypedDates.read(text, TURKISH, GREGORIAN)).as(text).isEmpty();
			assertThat(TypedDates.read(text, PERSIAN, SOLAR_HIJRI)).as(text).isEmpty();
		}
		assertThat(TypedDates.read(null, TURKISH, GREGORIAN)).isEmpty();
	}

	@Test
	void thePopupGetsTheCalendarsMonthsAndTheFirstDayOfTheWeek() {
		TypedDates.Picker persian = TypedDates.picker(PERSIAN, SOLAR_HIJRI);
		assertThat(persian.calendar()).isEqualTo("persian");
		assertThat(persian.months()).startsWith("فروردین|اردیبهشت|").endsWith("|اسفند");
		assertThat(persian.digits()).isEqualTo("۰۱۲۳۴۵۶۷۸۹");
		assertThat(persian.firstDay()).as("Saturday").isEqualTo(6);
		TypedDates.Picker turkish = TypedDates.picker(TURKISH, GREGORIAN);
		assertThat(turkish.pattern()).isEqualTo("dd.MM.yyyy");
		assertThat(turkish.months()).startsWith("Ocak|Şubat|");
		assertThat(turkish.weekdays().split("\\|")).hasSize(7);
		assertThat(turkish.firstDay()).as("Monday").isEqualTo(1);
		assertThat(TypedDates.picker(ENGLISH, GREGORIAN).firstDay()).as("Sunday").isZero();
	}
}
