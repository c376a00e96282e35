package dev.kervan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import dev.kervan.support.Accessibility;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * axe-core on the main pages, in English and in Persian (right to left), on a desk and on a phone: no finding of
 * impact serious or critical on the login, My day, the customers and every tab of an account (its history among
 * them), the board, an opportunity, a lead, the products and a product, stock entry, the portal's start page and the
 * public lead form. Each test reads all its pages and lists every finding at once.
 */
class AccessibilityBrowserTests extends BrowserTest {

	private String admin;
	private long account;
	private String contactEmail;
	private long team;
	private long opportunity;
	private long lead;
	private long product;

	@BeforeEach
	void anAccountWithAnOpportunityALeadAndAProduct() {
		admin = api.token("admin", ADMIN_PASSWORD);
		account = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Trakya İnşaat"),
				"roles", List.of("CUSTOMER"), "country", "TR", "creditLimit", "1250000", "currency", "TRY"))
			.bearer(admin).send().json().get("id").asLong();
		api.patch("/api/v1/customers/" + account, Map.of("creditLimit", "1500000", "version", 0)).bearer(admin).send();
		contactEmail = Api.uniqueName("gul") + "@trakya.example";
		api.post("/api/v1/customers/" + account + "/contacts", Map.of("name", "Gül Doğan", "email", contactEmail,
				"portalAccess", true)).bearer(admin).send();
		api.post("/api/v1/customers/" + account + "/notes", Map.of("text", "Arandı, teklif istedi.")).bearer(admin).send();
		team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Marmara"))).bearer(admin).send()
			.json().get("id").asLong();
		api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", "Yeni", "probability", 10)).bearer(admin).send();
		opportunity = api.post("/api/v1/opportunities", Map.of("title", "Forklift filosu", "teamId", team,
				"customerId", account, "expectedRevenue", "12500.50")).bearer(admin).send().json().get("id").asLong();
		lead = api.post("/api/v1/leads", Map.of("title", "Vinç kiralama", "companyName", "Trakya")).bearer(admin).send()
			.json().get("id").asLong();
		product = api.post("/api/v1/products", Map.of("code", Api.uniqueName("FRIDGE"), "name", "Buzdolabı No Frost",
				"salePrice", "32000")).bearer(admin).send().json().get("id").asLong();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fa" })
	void theMainPagesHaveNoSeriousOrCriticalAccessibilityFindingsOnADesk(String language) {
		assertThat(findings(language, 1366, 900, false)).as("serious or critical accessibility findings in %s", language)
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fa" })
	void theMainPagesHaveNoSeriousOrCriticalAccessibilityFindingsOnAPhone(String language) {
		assertThat(findings(language, 390, 844, true)).as("serious or critical accessibility findings in %s on a phone",
				language).isEmpty();
	}

	private List<String> findings(String language, int width, int height, boolean phone) {
		Api.Person manager = api.createPerson(admin, "Ayşe Demir", language, "SALES_MANAGER", "WAREHOUSE");
		String portalUser = Api.uniqueName("portal");
		api.post("/api/v1/users", Map.of("username", portalUser, "displayName", "Gül Doğan", "language", language,
				"email", contactEmail, "roles", List.of("PORTAL"), "password", Api.PASSWORD)).bearer(admin).send();
		List<String> findings = new ArrayList<>();
		// Reduced motion: a tab's pane is read once shown, not while Bootstrap fades it in.
		var options = new Browser.NewContextOptions().setLocale(language).setViewportSize(width, height).setIsMobile(phone)
			.setReducedMotion(ReducedMotion.REDUCE);
		try (var context = browser.newContext(options)) {
			Page page = context.newPage();
			read(page, "/login?lang=" + language, findings);
			read(page, "/public/lead-form?lang=" + language, findings);

			logIn(page, manager.username());
			findings.addAll(Accessibility.seriousFindings(page));
			read(page, "/customers", findings);
			page.navigate(api.base() + "/customers/" + account);
			for (String tab : page.locator("[role=tablist] [role=tab]").all().stream().map(t -> t.getAttribute("id")).toList()) {
				page.click("#" + tab);
				page.waitForSelector("#" + tab + "[aria-selected=true]");
				findings.addAll(Accessibility.seriousFindings(page));
			}
			read(page, "/pipeline?teamId=" + team, findings);
			read(page, "/pipeline/opportunities/" + opportunity, findings);
			read(page, "/pipeline/leads/" + lead, findings);
			read(page, "/products", findings);
			read(page, "/products/" + product, findings);
			read(page, "/inventory/moves/new?type=RECEIPT", findings);
			page.context().clearCookies();

			page.navigate(api.base() + "/login");
			page.fill("#username", portalUser);
			page.fill("#password", Api.PASSWORD);
			page.click("#login-form button[type=submit]");
			page.waitForURL(api.base() + "/portal");
			findings.addAll(Accessibility.seriousFindings(page));
		}
		return findings;
	}

	private void read(Page page, String path, List<String> findings) {
		page.navigate(api.base() + path);
		findings.addAll(Accessibility.seriousFindings(page));
	}
}
