package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kervan.platform.Dates;
import dev.kervan.platform.TypedNumbers;
import dev.kervan.support.Accessibility;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Amounts and dates in Chromium: typed the Turkish way, read in the page as on the server, picked from the Solar Hijri
 * calendar of a Persian user.
 */
class TypedValuesBrowserTests extends BrowserTest {

	private static final List<String> PERSIAN_MONTHS = List.of("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
			"مهر", "آبان", "آذر", "دی", "بهمن", "اسفند");

	@Test
	void aTurkishUserTypesAnAmountTheTurkishWayAndFindsItShownSo() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String manager = user("tr", "GREGORIAN", "SALES_MANAGER");
		String code = Api.uniqueName("TUTAR");
		long id = api.post("/api/v1/products", Map.of("code", code, "name", "Çaydanlık")).bearer(admin).send().json()
			.get("id").asLong();

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("tr-TR"))) {
			Page page = context.newPage();
			logIn(page, manager);
			page.navigate(api.base() + "/products/" + id + "/edit");
			page.fill("#f-salePrice", "12.500,50");
			page.click("#save-product");
			page.waitForURL(url -> url.endsWith("/products/" + id) || url.contains("/products/" + id + "?"));

			JsonNode product = api.get("/api/v1/products/" + id).bearer(admin).send().json();
			assertThat(new BigDecimal(product.get("salePrice").asString())).isEqualByComparingTo("12500.50");
			page.navigate(api.base() + "/products/" + id + "/edit");
			assertThat(page.locator("#f-salePrice")).hasValue("12.500,50");
		}
	}

	@Test
	void thePageReadsTypedNumbersByTheRulesTheServerReadsThemWith() {
		List<String> typed = List.of("12.500,50", "12,500.50", "1.234.567", "12.5", "12,5", "12.500", "12,500", "1.250,5",
				"۱۲٬۵۰۰٫۵۰", "١٢٫٥", "۱٬۲۵۰", "-1.250,5", "\u2212 7", "+3", "1 250,5", "1\u00a0250", ",5", "007", "0,5", "12,50,0",
				"1.2.3,4,5", "1,234.5.6", "12a", "", "  ", "1٫2٫3", "01.250");
		List<String> disagreements = new ArrayList<>();
		try (var context = browser.newContext()) {
			Page page = context.newPage();
			logIn(page, staffUser("reader", "SALESPERSON"));
			for (String language : List.of("en", "tr", "fa")) {
				for (String text : typed) {
					Object read = page.evaluate("([text, language]) => KervanNumbers.read(text, language)", List.of(text, language));
					String inPage = read == null ? null : new BigDecimal((String) read).toPlainString();
					String onServer = TypedNumbers.read(text, Locale.forLanguageTag(language)).map(BigDecimal::toPlainString)
						.orElse(null);
					if (!Objects.equals(inPage, onServer)) {
						disagreements.add(language + " \"" + text + "\": page " + inPage + ", server " + onServer);
					}
				}
			}
		}
		assertThat(disagreements).isEmpty();
	}

	@Test
	void aPersianUserWithTheSolarHijriCalendarPicksADayInThePopupAndTheRightGregorianDayIsStored() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String manager = user("fa", "SOLAR_HIJRI", "SALES_MANAGER");

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("fa-IR"))) {
			Page page = context.newPage();
			logIn(page, manager);
			page.navigate(api.base() + "/price-lists");
			page.fill("#f-name", Api.uniqueName("فهرست"));
			Locator button = page.locator("#f-validFrom ~ .kervan-date-button");
			assertThat(button).isVisible();
			button.click();
			Locator popup = page.locator(".kervan-calendar");
			assertThat(popup).isVisible();
			assertThat(page.locator(".kervan-calendar-day[tabindex='0']")).isFocused();
			Accessibility.assertNoSeriousFindings(page);

			// By keyboard: the next month, then a week on; Enter picks the day that has the focus.
			page.keyboard().press("PageDown");
			page.keyboard().press("ArrowDown");
			Locator focused = page.locator(".kervan-calendar-day[tabindex='0']");
			assertThat(focused).isFocused();
			String[] title = popup.locator(".kervan-calendar-title").textContent().split(" ");
			int month = PERSIAN_MONTHS.indexOf(title[0]) + 1;
			int year = Integer.parseInt(latin(title[1]));
			int day = Integer.parseInt(latin(focused.textContent()));
			int column = ((Number) focused.evaluate("day => day.parentElement.cellIndex")).intValue();
			assertThat(month).as("a Persian month name: " + title[0]).isPositive();
			screenshot(page, "date-picker-fa.png");
			page.keyboard().press("Enter");

			assertThat(popup).hasCount(0);
			assertThat(page.locator("#f-validFrom")).isFocused();
			LocalDate expected = fromSolarHijri(year, month, day);
			String typed = page.locator("#f-validFrom").inputValue();
			assertThat(latin(typed)).isEqualTo("%04d/%02d/%02d".formatted(year, month, day));
			// The week starts on Saturday: the day's column is its weekday counted from there.
			assertThat(column).isEqualTo((expected.getDayOfWeek().getValue() - DayOfWeek.SATURDAY.getValue() + 7) % 7);

			page.click("#new-price-list button[type=submit]");
			page.waitForURL(url -> url.matches(".*/price-lists/\\d+.*"));
			String list = page.url().replaceAll(".*/price-lists/(\\d+).*", "$1");
			JsonNode stored = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json();
			assertThat(stored.get("validFrom").asString()).isEqualTo(expected.toString());
		}
	}

	@Test
	void thePopupCountsSolarHijriDaysAsIcuDoesFrom1900To2200() {
		String reader = user("fa", "SOLAR_HIJRI", "SALESPERSON");
		try (var context = browser.newContext()) {
			Page page = context.newPage();
			logIn(page, reader);
			int first = (int) Dates.EARLIEST.toEpochDay() + 2440588;
			int last = (int) Dates.LATEST.toEpochDay() + 2440588;
			String computed = (String) page.evaluate("""
					([first, last]) => {
					  const persian = window.KervanCalendars.persian, gregorian = window.KervanCalendars.gregorian;
					  const days = [];
					  for (let jd = first; jd <= last; jd++) {
					    const p = persian.fromDay(jd), g = gregorian.fromDay(jd);
					    if (persian.toDay(p[0], p[1], p[2]) !== jd || gregorian.toDay(g[0], g[1], g[2]) !== jd) {
					      days.push('no way back from ' + jd);
					    }
					    days.push(g.join('-') + '=' + p.join('/'));
					  }
					  return days.join(',');
					}""", List.of(first, last));

			var expected = new ArrayList<String>();
			Calendar icu = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=persian"));
			for (LocalDate day = Dates.EARLIEST; !day.isAfter(Dates.LATEST); day = day.plusDays(1)) {
				icu.setTimeInMillis(day.toEpochDay() * 86_400_000L);
				expected.add(day.getYear() + "-" + day.getMonthValue() + "-" + day.getDayOfMonth() + "="
						+ icu.get(Calendar.EXTENDED_YEAR) + "/" + (icu.get(Calendar.MONTH) + 1) + "/"
						+ icu.get(Calendar.DAY_OF_MONTH));
			}
			List<String> days = Arrays.asList(computed.split(","));
			assertThat(days).hasSize(expected.size());
			for (int i = 0; i < days.size(); i++) {
				if (!days.get(i).equals(expected.get(i))) {
					assertThat(days.get(i)).as("day %d of the range", i).isEqualTo(expected.get(i));
				}
			}
		}
	}

	private String user(String language, String calendar, String... roles) {
		String username = Api.uniqueName(language);
		api.post("/api/v1/users", Map.of("username", username, "displayName", "Reader " + username, "language", language,
				"calendar", calendar, "roles", List.of(roles), "password", Api.PASSWORD))
			.bearer(api.token("admin", ADMIN_PASSWORD)).send();
		return username;
	}

	private static LocalDate fromSolarHijri(int year, int month, int day) {
		Calendar icu = Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale("@calendar=persian"));
		icu.clear();
		icu.set(year, month - 1, day);
		return LocalDate.ofEpochDay(Math.floorDiv(icu.getTimeInMillis(), 86_400_000L));
	}

	private static String latin(String text) {
		var latin = new StringBuilder();
		text.strip().chars().forEach(c -> latin.append(c >= '۰' && c <= '۹' ? (char) ('0' + c - '۰') : (char) c));
		return latin.toString();
	}
}
