package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A salesperson's opportunity, changed on its page in Chromium: on a phone, in Turkish, amounts the Turkish way. */
class OpportunityFormBrowserTests extends BrowserTest {

	@Test
	void aTurkishSalespersonChangesRevenueStarsAndCloseDateOnTheOpportunitysPageOnAPhone() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = Api.uniqueName("satis");
		long salesperson = api.post("/api/v1/users", Map.of("username", username, "displayName", "Selin Satış", "language",
				"tr", "roles", List.of("SALESPERSON"), "password", Api.PASSWORD)).bearer(admin).send().json().get("id").asLong();
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Marmara"), "memberIds", List.of(salesperson)))
			.bearer(admin).send().json().get("id").asLong();
		api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "Yeni", "probability", 10)).bearer(admin).send();
		long id = api.post("/api/v1/opportunities", Map.of("title", "Forklift filosu", "teamId", team, "salespersonId",
				salesperson, "expectedRevenue", "1000")).bearer(admin).send().json().get("id").asLong();

		var phone = new Browser.NewContextOptions().setLocale("tr-TR").setViewportSize(390, 844).setIsMobile(true)
			.setHasTouch(true);
		try (var context = browser.newContext(phone)) {
			Page page = context.newPage();
			logIn(page, username);
			page.navigate(api.base() + "/pipeline/opportunities/" + id);
			assertThat(page.locator("#opportunity-form")).isVisible();
			page.fill("#f-expectedRevenue", "12.500,50");
			page.selectOption("#f-priority", "2");
			page.fill("#f-expectedCloseDate", "15.01.2027");
			page.click("#save-opportunity");
			page.waitForURL(url -> url.endsWith("/pipeline/opportunities/" + id));
			assertThat(page.locator("#activity-message")).isVisible();
			assertThat(page.locator("#f-expectedRevenue")).hasValue("12.500,50");
			assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("the form fits the phone's width").isTrue();
			screenshot(page, "opportunity-form-tr-phone.png");
		}
		JsonNode saved = api.get("/api/v1/opportunities/" + id).bearer(admin).send().json();
		assertThat(new BigDecimal(saved.get("expectedRevenue").asString())).isEqualByComparingTo("12500.50");
		assertThat(saved.get("priority").asInt()).isEqualTo(2);
		assertThat(saved.get("expectedCloseDate").asString()).isEqualTo("2027-01-15");
	}

	/** The opportunity's form in English and in Persian (right to left, Persian digits): the README's screenshots. */
	@Test
	void theOpportunitysFormReadsInEnglishAndInPersian() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", "Trakya İnşaat A.Ş.")).bearer(admin)
			.send().json().get("id").asLong();
		long id = api.post("/api/v1/opportunities", Map.of("title", "Forklift fleet renewal", "customerId", customer,
				"expectedRevenue", "12500.50", "priority", 2, "expectedCloseDate", "2027-01-15", "tags", List.of("fleet", "2027")))
			.bearer(admin).send().json().get("id").asLong();
		for (String language : List.of("en", "fa")) {
			String username = Api.uniqueName("form" + language);
			api.post("/api/v1/users", Map.of("username", username, "displayName", "Reader " + language, "language", language,
					"calendar", language.equals("fa") ? "SOLAR_HIJRI" : "GREGORIAN", "roles", List.of("SALES_MANAGER"),
					"password", Api.PASSWORD)).bearer(admin).send();
			try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
				Page page = context.newPage();
				logIn(page, username);
				page.navigate(api.base() + "/pipeline/opportunities/" + id);
				assertThat(page.locator("#f-customerId")).hasValue("Trakya İnşaat A.Ş.");
				assertThat(page.locator("#f-expectedRevenue")).hasValue(language.equals("fa") ? "۱۲٬۵۰۰٫۵۰" : "12,500.50");
				assertThat(page.locator("html")).hasAttribute("dir", language.equals("fa") ? "rtl" : "ltr");
				page.locator("#main").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
					.setPath(java.nio.file.Path.of("target", "screenshots", "opportunity-form-" + language + ".png")));
			}
		}
	}
}
