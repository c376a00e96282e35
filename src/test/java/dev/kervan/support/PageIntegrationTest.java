package dev.kervan.support;

import org.junit.jupiter.api.BeforeEach;

/** Tests of pages: the administrator's API token and a cookie-keeping client logged in as the administrator. */
public abstract class PageIntegrationTest extends KervanIntegrationTest {

	protected String admin;
	protected Browserless browser;

	@BeforeEach
	void logInAsAdministrator() {
		admin = api.token("admin", ADMIN_PASSWORD);
		browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
	}
}
