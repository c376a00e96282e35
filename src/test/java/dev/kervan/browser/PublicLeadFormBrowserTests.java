package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** The public "contact us" form as a visitor on a phone sees it, in Persian: right to left, as wide as the screen. */
class PublicLeadFormBrowserTests extends BrowserTest {

	@Test
	void thePersianFormFitsAPhone() {
		var phone = new Browser.NewContextOptions().setLocale("fa-IR").setViewportSize(390, 844).setIsMobile(true)
			.setHasTouch(true);
		try (var context = browser.newContext(phone)) {
			Page page = context.newPage();
			page.navigate(api.base() + "/public/lead-form?lang=fa");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("form").first()).isVisible();
			assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("the page is no wider than the phone").isTrue();
			screenshot(page, "public-lead-form-fa-phone.png");
		}
	}
}
