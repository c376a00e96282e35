package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * The customer journey in Chromium: import a small list, find an account by a misspelt Turkish name, add a
 * contact and a branch, export the list.
 */
class CustomerBrowserTests extends BrowserTest {

	@Test
	void importFindOpenAddContactAndBranchAndExport() throws Exception {
		String manager = staffUser("manager", "SALES_MANAGER");
		String marker = Api.uniqueName("m");
		long tax = 5_000_000_000L + System.nanoTime() % 1_000_000_000L;
		String csv = "kind,name,taxNumber,country,email,phone\n"
				+ "COMPANY,Özdemir " + marker + " Yapı Malzemeleri," + tax + ",TR,bilgi@ozdemir.example,0312 444 12 12\n"
				+ "COMPANY,Güneş " + marker + " Enerji," + (tax + 1) + ",TR,info@gunes.example,\n"
				+ "PERSON,Şükrü " + marker + " Ilıcak," + (tax + 2) + "1,TR,,0533 222 11 00\n";
		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setAcceptDownloads(true))) {
			Page page = context.newPage();
			logIn(page, manager);

			page.click(".kervan-sidebar a[href='/customers']");
			page.click("#import-customers");
			page.setInputFiles("#import-file", new FilePayload("musteriler.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
			page.click("#import-upload button[type=submit]");
			assertThat(page.locator("#import-mapping")).isVisible();
			assertThat(page.locator("#map-name")).hasValue("name");
			page.click("#start-import");
			assertThat(page.locator("#import-progress")).hasAttribute("data-status", "DONE");
			assertThat(page.locator("#import-status")).containsText("3 new accounts");

			// A misspelt name, without Turkish letters: "ozdemr yapi".
			page.navigate(api.base() + "/customers");
			page.fill("#customer-q", "ozdemr " + marker + " yapi");
			assertThat(page.locator("#customer-list tbody tr").first()).containsText("Özdemir " + marker + " Yapı");
			page.locator("#customer-list a.customer-link").first().click();
			assertThat(page.locator("#customer-name")).hasText("Özdemir " + marker + " Yapı Malzemeleri");

			page.click("#tab-button-contacts");
			page.fill("#add-contact input[name=name]", "Kübra Yıldız");
			page.fill("#add-contact input[name=phone]", "0532 765 43 21");
			page.click("#add-contact button[type=submit]");
			assertThat(page.locator("#contacts-table")).containsText("Kübra Yıldız");
			assertThat(page.locator("#contacts-table")).containsText("+90 532 765 43 21");

			page.click("#tab-button-branches");
			page.fill("#add-branch input[name=name]", "Ankara Ostim şubesi");
			page.fill("#add-branch input[name=city]", "Ankara");
			page.click("#add-branch button[type=submit]");
			assertThat(page.locator("#branches-table")).containsText("Ankara Ostim şubesi");
			screenshot(page, "customer-page.png");

			page.navigate(api.base() + "/customers?q=" + marker);
			page.click("#export-menu");
			Download download = page.waitForDownload(() -> page.click("#export-xlsx"));
			assertThat(download.suggestedFilename()).isEqualTo("customers.xlsx");
			byte[] xlsx = Files.readAllBytes(download.path());
			assertThat(xlsx.length).isGreaterThan(100);
			assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
			screenshot(page, "customers-list.png");
		}
	}
}
