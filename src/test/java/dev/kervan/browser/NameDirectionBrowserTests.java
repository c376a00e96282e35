package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * A Latin name in a right-to-left page is drawn in its own direction: "Trakya İnşaat A.Ş." keeps its dot at its end
 * (never ".Trakya İnşaat A.Ş") in a list's cell, a board card and a page's heading, where it stands in the page; and
 * a Persian page's charts speak Persian digits.
 */
class NameDirectionBrowserTests extends BrowserTest {

	/** Whether the element's text has its last letter to the right of its first: it reads left to right. */
	private static final String READS_LEFT_TO_RIGHT = """
			element => { const text = element.firstChild, range = document.createRange();
			  range.setStart(text, 0); range.setEnd(text, 1); const first = range.getBoundingClientRect().left;
			  range.setStart(text, text.length - 1); range.setEnd(text, text.length);
			  return first < range.getBoundingClientRect().left; }""";

	@Test
	void aLatinNameEndingInADotKeepsTheDotAtItsEndInAPersianPage() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String name = Api.uniqueName("Trakya İnşaat") + " A.Ş.";
		long account = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name, "roles", List.of("CUSTOMER")))
			.bearer(admin).send().json().get("id").asLong();
		String deal = Api.uniqueName("Crane");
		api.post("/api/v1/opportunities", Map.of("title", deal, "customerId", account)).bearer(admin).send();
		Person reader = api.createPerson(admin, "خواننده", "fa", "SALES_MANAGER");

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("fa").setViewportSize(1366, 900))) {
			Page page = context.newPage();
			logIn(page, reader.username());

			page.navigate(api.base() + "/customers?q=" + name.substring(0, name.length() - 6).replace(' ', '+'));
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertReadsLeftToRight(page.locator("a.customer-link", new Page.LocatorOptions().setHasText(name)), "a list's cell");

			page.navigate(api.base() + "/pipeline?q=" + deal);
			assertReadsLeftToRight(page.locator(".kervan-card .kervan-name", new Page.LocatorOptions().setHasText(name)).first(),
					"a board card");

			page.navigate(api.base() + "/customers/" + account);
			Locator heading = page.locator("#customer-name");
			assertReadsLeftToRight(heading, "a page's heading");
			assertThat((Boolean) heading.evaluate("h => { const box = h.getBoundingClientRect(), range = document.createRange();"
					+ " range.selectNodeContents(h); return range.getBoundingClientRect().right > box.right - 2; }"))
				.as("the heading stays on the right of a right-to-left page").isTrue();
		}
	}

	@Test
	void aPersianChartDrawsItsFiguresInPersianDigitsFromTheRight() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Chart"), "expectedRevenue", "25000", "currency", "TRY"))
			.bearer(admin).send();
		Person reader = api.createPerson(admin, "خواننده", "fa", "SALES_MANAGER");

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("fa").setViewportSize(1366, 900))) {
			Page page = context.newPage();
			logIn(page, reader.username());
			page.navigate(api.base() + "/pipeline/stats");
			page.waitForFunction("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart=bar]'))");

			String ticks = (String) page.evaluate("() => { const chart = Chart.getChart(document.querySelector('canvas[data-chart=bar]'));"
					+ " return chart.scales.y.ticks.map(tick => tick.label).join(' '); }");
			assertThat(ticks).as("the amounts along the chart").doesNotContainPattern("[0-9]").containsPattern("[۱-۹]");
			assertThat(page.evaluate("() => Chart.getChart(document.querySelector('canvas[data-chart=bar]')).options.scales.x.reverse"))
				.as("the stages read from the right").isEqualTo(true);
		}
	}

	private static void assertReadsLeftToRight(Locator name, String where) {
		assertThat(name).isVisible();
		assertThat(name.evaluate("element => getComputedStyle(element).unicodeBidi")).as(where).isEqualTo("plaintext");
		assertThat((Boolean) name.evaluate(READS_LEFT_TO_RIGHT)).as("the name in %s reads left to right", where).isTrue();
	}
}
