package dev.kervan.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser journeys: the running application driven through the system's Chromium (never a
 * downloaded browser). Screenshots land in {@code target/screenshots}.
 */
public abstract class BrowserTest extends KervanIntegrationTest {

	protected static Playwright playwright;
	protected static Browser browser;

	@BeforeAll
	static void startBrowser() {
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(chromium())
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	/** Creates a user with the roles (English, password {@link Api#PASSWORD}) and answers their user name. */
	protected String staffUser(String prefix, String... roles) {
		String username = Api.uniqueName(prefix);
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", roles);
		return username;
	}

	protected void logIn(Page page, String username) {
		page.navigate(api.base() + "/login");
		page.fill("#username", username);
		page.fill("#password", Api.PASSWORD);
		page.click("#login-form button[type=submit]");
		page.waitForURL(api.base() + "/");
		page.waitForLoadState(LoadState.LOAD);
	}

	protected static void screenshot(Page page, String name) {
		try {
			Path folder = Files.createDirectories(Path.of("target", "screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(folder.resolve(name)).setFullPage(true));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path chromium() {
		for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")) {
			if (Files.isExecutable(Paths.get(candidate))) {
				return Paths.get(candidate);
			}
		}
		throw new IllegalStateException("The browser tests need Chromium at /usr/bin/chromium; ./kervan test installs it.");
	}
}
