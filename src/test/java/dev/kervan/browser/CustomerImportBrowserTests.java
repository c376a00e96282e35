package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * A Turkish sales manager imports their old customer list, written with Turkish headers and values, and sees which
 * accounts it changes, and how, before confirming it.
 */
class CustomerImportBrowserTests extends BrowserTest {

	@Test
	void aTurkishFileIsImportedAfterThePreviewListsTheAccountsItChanges() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String manager = Api.uniqueName("ithal");
		api.createUser(admin, manager, "tr", "SALES_MANAGER");
		String marker = Api.uniqueName("m");
		long tax = 7_000_000_000L + System.nanoTime() % 1_000_000_000L;
		long existing = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", "Eski " + marker + " Ticaret",
				"roles", List.of("CUSTOMER"), "country", "TR", "taxNumber", String.valueOf(tax), "email", "eski@ticaret.example"))
			.bearer(admin).send().json().get("id").asLong();
		String csv = "Firma Adı;Tür;Vergi No;Şehir;İlçe;E-posta;Kredi Limiti;Tedarikçi\n"
				+ "Yeni " + marker + " Ticaret;;" + tax + ";İzmir;Konak;;12.500,50;Evet\n"
				+ "Deniz " + marker + " Lojistik;Şirket;" + (tax + 1) + ";Mersin;Akdeniz;bilgi@deniz.example;;Hayır\n";
		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("tr-TR"))) {
			Page page = context.newPage();
			logIn(page, manager);
			page.navigate(api.base() + "/customers/import");
			page.setInputFiles("#import-file", new FilePayload("cariler.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
			page.click("#import-upload button[type=submit]");

			assertThat(page.locator("#map-name")).hasValue("Firma Adı");
			assertThat(page.locator("#map-taxNumber")).hasValue("Vergi No");
			assertThat(page.locator("#map-city")).hasValue("Şehir");
			assertThat(page.locator("#map-district")).hasValue("İlçe");
			assertThat(page.locator("#map-isSupplier")).hasValue("Tedarikçi");
			var changed = page.locator("#import-changes tr[data-account='" + existing + "']");
			assertThat(changed.locator("a")).hasText("Eski " + marker + " Ticaret");
			assertThat(changed).containsText("Yeni " + marker + " Ticaret");
			assertThat(changed).containsText("12.500,50");
			assertThat(changed).containsText("İzmir");
			assertThat(changed).containsText("Tedarikçi");
			assertThat(changed).not().containsText("eski@ticaret.example →");
			assertThat(page.locator("#import-creations")).containsText("Deniz " + marker + " Lojistik");
			assertThat(page.locator("#import-plan-counts")).containsText("Yeni hesap: 1. Değişecek hesap: 1.");
			screenshot(page, "customer-import-preview-tr.png");
			assertThat(jdbc.sql("select name from customer where id = :id").param("id", existing).query(String.class)
				.single()).as("nothing is saved before the import starts").isEqualTo("Eski " + marker + " Ticaret");

			page.click("#start-import");
			assertThat(page.locator("#import-progress")).hasAttribute("data-status", "DONE");
		}
		var account = jdbc.sql("""
				select c.name, c.email, c.credit_limit, c.is_supplier, a.city, a.district
				from customer c join customer_address a on a.customer = c.id where c.id = :id""")
			.param("id", existing)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getBoolean(4),
					rs.getString(5), rs.getString(6)))
			.single();
		assertThat(account.get(0)).isEqualTo("Yeni " + marker + " Ticaret");
		assertThat(account.get(1)).as("a blank cell keeps the stored email").isEqualTo("eski@ticaret.example");
		assertThat((BigDecimal) account.get(2)).isEqualByComparingTo("12500.50");
		assertThat(account.subList(3, 6)).containsExactly(true, "İzmir", "Konak");
		assertThat(jdbc.sql("""
				select a.city from customer c join customer_address a on a.customer = c.id where c.tax_number = :tax""")
			.param("tax", String.valueOf(tax + 1)).query(String.class).single()).isEqualTo("Mersin");
	}
}
