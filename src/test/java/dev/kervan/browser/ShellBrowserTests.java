package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.kervan.support.BrowserTest;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;

/**
 * The main journey of the shell in the system's Chromium: log in, create a user, switch to Persian, log out.
 */
class ShellBrowserTests extends BrowserTest {

	@Test
	void logInCreateAUserSwitchToPersianAndLogOut() {
		String administrator = "chief" + System.nanoTime() % 1_000_000;
		api.post("/api/v1/users", Map.of("username", administrator, "displayName", "Chief Browser", "language", "en",
				"roles", List.of("ADMIN"), "password", "a long enough password"))
			.bearer(api.token("admin", ADMIN_PASSWORD))
			.send();
		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login");
			page.fill("#username", administrator);
			page.fill("#password", "a long enough password");
			page.click("#login-form button[type=submit]");
			assertThat(page.locator("#user-menu")).containsText("Chief Browser");
			page.waitForLoadState(LoadState.LOAD);

			// The sidebar leads to the users; "/" focuses the global search.
			page.keyboard().press("/");
			assertThat(page.locator("#global-search")).isFocused();
			page.click(".kervan-sidebar a[href='/admin/users']");
			assertThat(page).hasURL(api.base() + "/admin/users");
			page.click("#new-user");

			// A first attempt with a short password is refused next to the field.
			String username = "browser" + System.nanoTime() % 1_000_000;
			page.fill("#username", username);
			page.fill("#displayName", "Leyla Karaca");
			page.fill("#email", username + "@example.com");
			page.fill("#password", "short");
			page.check("input[name=roles][value=SALESPERSON]");
			page.click("#user-form button[type=submit]");
			assertThat(page.locator("#password-error")).containsText("At least 10 characters");

			page.fill("#password", "a long enough password");
			page.click("#user-form button[type=submit]");
			assertThat(page.locator("h1")).containsText("Leyla Karaca");
			assertThat(page.locator(".alert-success")).isVisible();
			page.click("#history-tab");
			assertThat(page.locator("#history")).containsText("Leyla Karaca");

			// The list filters as one types, and the global search finds the new user from anywhere.
			page.navigate(api.base() + "/admin/users");
			page.fill("#user-q", username);
			assertThat(page.locator("#user-list tbody tr")).hasCount(1);
			assertThat(page.locator("#user-list")).containsText("Leyla Karaca");
			page.fill("#global-search", "leyla kara");
			assertThat(page.locator("#search-results a").first()).containsText("Leyla Karaca");
			page.locator("#search-results a").first().click();
			assertThat(page.locator("h1")).containsText("Leyla Karaca");

			// Persian: right to left, in Persian, and remembered.
			page.click("#language-menu");
			page.click("a[data-lang=fa]");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			assertThat(page.locator("html")).hasAttribute("lang", "fa");
			assertThat(page.locator("h1")).containsText("Leyla Karaca");
			assertThat(page.locator(".nav-tabs")).containsText("تاریخچه");
			String stylesheet = page.locator("link[rel=stylesheet]").first().getAttribute("href");
			assertThat(stylesheet).contains("bootstrap.rtl");
			screenshot(page, "user-fa.png");

			page.navigate(api.base() + "/admin/users");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			screenshot(page, "users-fa.png");

			// The API documentation is one click away for administrators.
			page.click(".kervan-sidebar a[href='/swagger-ui/index.html']");
			// The document is built on its first request, which takes several seconds on a busy two-core machine.
			assertThat(page.locator(".swagger-ui .opblock-summary-path").first())
				.isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
			assertThat(page.locator("#swagger-ui")).containsText("/api/v1/users");
			page.goBack();

			page.click("#user-menu");
			page.click("#logout");
			assertThat(page).hasURL(api.base() + "/login?logout");
			page.navigate(api.base() + "/admin/users");
			assertThat(page).hasURL(api.base() + "/login");
		}
	}

	@Test
	void theTopBarsMenusAreNamedByTheWordsTheyShow() {
		String username = staffUser("named", "SALESPERSON");
		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900))) {
			Page page = context.newPage();
			logIn(page, username);
			assertThat(page.locator("#language-menu")).hasAccessibleName(Pattern.compile("^Language\\s+English$"));
			assertThat(page.locator("#user-menu")).hasAccessibleName("Test " + username);
		}
		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))) {
			Page page = context.newPage();
			logIn(page, username);
			assertThat(page.locator("#language-menu")).hasAccessibleName("Language");
			assertThat(page.locator("#user-menu")).hasAccessibleName("Test " + username);
		}
	}

	@Test
	void theShellWorksOnAPhone() {
		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true))) {
			Page page = context.newPage();
			page.navigate(api.base() + "/login?lang=en");
			page.fill("#username", "admin");
			page.fill("#password", ADMIN_PASSWORD);
			page.click("#login-form button[type=submit]");
			page.waitForLoadState(LoadState.LOAD);
			assertThat(page.locator(".kervan-sidebar a[href='/admin/users']")).not().isVisible();
			page.click("button[data-bs-target='#sidebar']");
			assertThat(page.locator(".kervan-sidebar a[href='/admin/users']")).isVisible();
			screenshot(page, "phone-menu.png");
		}
	}
}
