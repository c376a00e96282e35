package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An account's history in Chromium reads in words, in English and in Persian (right to left, Persian digits, names
 * isolated), and fits the page at 1366 px and on a phone: nothing scrolls sideways.
 */
class HistoryBrowserTests extends BrowserTest {

	private String admin;
	private long account;

	@BeforeEach
	void aSalesManagerWorksOnAnAccount() {
		admin = api.token("admin", ADMIN_PASSWORD);
		Person ayse = api.createPerson(admin, "Ayşe Demir", "tr", "SALES_MANAGER");
		Person mehmet = api.createPerson(admin, "Mehmet Kaya", "tr", "SALESPERSON");
		String token = api.token(ayse.username(), Api.PASSWORD);
		account = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", "Trakya İnşaat Taahhüt Sanayi ve Ticaret A.Ş. "
				+ Api.uniqueName(""), "roles", List.of("CUSTOMER", "SUPPLIER"), "country", "TR", "status", "POTENTIAL",
				"creditLimit", "1250000", "currency", "TRY", "website", "https://www.trakya-insaat-taahhut-sanayi.example/iletisim"))
			.bearer(token).send().json().get("id").asLong();
		api.patch("/api/v1/customers/" + account, Map.of("status", "ACTIVE", "creditLimit", "1500000", "salespersonId",
				mehmet.id(), "version", 0)).bearer(token).send();
		long contact = api.post("/api/v1/customers/" + account + "/contacts", Map.of("name", "Gül Doğan", "email",
				"gul.dogan.satin.alma.muduru@trakya-insaat-taahhut-sanayi.example")).bearer(token).send().json().get("id").asLong();
		api.patch("/api/v1/customers/" + account + "/contacts/" + contact, Map.of("phone", "0532 111 22 33", "version", 0))
			.bearer(token).send();
		api.post("/api/v1/customers/" + account + "/notes", Map.of("text", "Arandı, teklif istedi. Şartname: "
				+ "https://www.trakya-insaat-taahhut-sanayi.example/ihaleler/2026/vinc-kiralama-teknik-sartname-son-hali.pdf"))
			.bearer(token).send();
	}

	@Test
	void anAccountsHistoryReadsInWordsAt1366PixelsWithoutOverflow() {
		read("en", 1366, 900, false, "Ayşe Demir changed Credit limit from TRY 1,250,000.00 to TRY 1,500,000.00");
		read("fa", 1366, 900, false, "Ayşe Demir سقف اعتبار را از");
	}

	@Test
	void anAccountsHistoryReadsInWordsOnAPhoneWithoutOverflow() {
		read("en", 390, 844, true, "Ayşe Demir set Salesperson to Mehmet Kaya");
		read("fa", 390, 844, true, "Ayşe Demir کارشناس فروش را Mehmet Kaya تعیین کرد");
	}

	@Test
	void theHistoryTabLoadsWhenItIsFirstShown() {
		Person reader = api.createPerson(admin, "Reader tab", "en", "SALES_MANAGER");
		try (var context = browser.newContext()) {
			Page page = context.newPage();
			logIn(page, reader.username());
			page.navigate(api.base() + "/customers/" + account);
			assertThat(page.locator("#history-loading")).hasCount(1);
			page.locator("#tab-button-history").click();
			assertThat(page.locator("#history")).containsText("Ayşe Demir set Salesperson to Mehmet Kaya");
			assertThat(page.locator("#history .kervan-feed-entry")).hasCount(5);
		}
	}

	private void read(String language, int width, int height, boolean phone, String sentence) {
		Person reader = api.createPerson(admin, "Reader " + language, language, "SALES_MANAGER");
		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setIsMobile(phone)
			.setLocale(language))) {
			Page page = context.newPage();
			logIn(page, reader.username());
			page.navigate(api.base() + "/customers/" + account + "?tab=history");
			Locator history = page.locator("#history");
			assertThat(history).isVisible();
			assertThat(history).containsText(sentence);
			assertThat(history).containsText(language.equals("fa") ? "مخاطب تازه‌ای افزود: Gül Doğan" : "added the contact Gül Doğan");
			assertThat(history.locator(".kervan-feed-entry")).hasCount(5);
			assertThat(history.locator(".kervan-feed-entry").first()).hasAttribute("data-kind", "NOTE");
			assertThat(history.locator(".kervan-feed-entry").last()).hasAttribute("data-kind", "CREATED");
			assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("the page scrolls sideways in %s at %d px", language, width).isTrue();
			assertThat((Boolean) page.evaluate("() => [...document.querySelectorAll('#history .kervan-feed-entry')]"
					+ ".every(entry => entry.getBoundingClientRect().right <= document.documentElement.clientWidth + 0.5"
					+ " && entry.getBoundingClientRect().left >= -0.5)"))
				.as("an entry leaves the page in %s at %d px", language, width).isTrue();
			if (language.equals("fa")) {
				assertThat(page.locator("html")).hasAttribute("dir", "rtl");
				assertThat(page.evaluate("() => getComputedStyle(document.querySelector('.kervan-feed')).borderRightWidth"))
					.as("the feed's line is on the reading side").isEqualTo("2px");
				assertThat(history.locator("bdi", new Locator.LocatorOptions().setHasText("Gül Doğan")).first()).isVisible();
				Locator phoneNumber = history.locator("bdi[dir=ltr]", new Locator.LocatorOptions().setHasText("+90 532 111 22 33"));
				assertThat(phoneNumber).isVisible();
				assertThat((Boolean) phoneNumber.evaluate("bdi => { const digits = bdi.firstChild, range = document.createRange();"
						+ " range.setStart(digits, 0); range.setEnd(digits, 1); const plus = range.getBoundingClientRect().left;"
						+ " range.setStart(digits, digits.length - 1); range.setEnd(digits, digits.length);"
						+ " return plus < range.getBoundingClientRect().left; }"))
					.as("a phone number reads left to right in a Persian sentence").isTrue();
				assertThat(history.locator(".kervan-feed-value").first()).not().containsText("1");
				assertThat(history).containsText("۱٬۵۰۰٬۰۰۰");
			}
			history.screenshot(new Locator.ScreenshotOptions()
				.setPath(Path.of("target", "screenshots", "history-" + language + "-" + width + ".png")));
		}
	}
}
