package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import com.zaxxer.hikari.HikariDataSource;
import dev.kervan.KervanApplication;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;

/**
 * People's side of security and the shell: form login with CSRF, sessions in PostgreSQL, roles on pages,
 * languages, error pages.
 */
class PagesIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() {
		Response response = new Browserless(api.base()).get("/admin/users");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void loginWithTheFormOpensTheStartPageAndStoresTheSessionInPostgres() {
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		Response home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("Administrator", "id=\"global-search\"", "href=\"/admin/users\"");
		long sessions = jdbc.sql("select count(*) from spring_session where principal_name = 'admin'").query(Long.class).single();
		assertThat(sessions).isPositive();
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		Response response = browser.post("/admin/users", Map.of("username", "csrfless", "displayName", "No token"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from app_user where username = 'csrfless'").query(Long.class).single()).isZero();
		Response login = new Browserless(api.base()).post("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
		assertThat(login.status()).isEqualTo(403);
	}

	@Test
	void aWrongPasswordShowsTheLoginPageAgain() {
		Response response = new Browserless(api.base()).submitLogin("admin", "not the password");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location").orElseThrow()).endsWith("/login?error");
	}

	@Test
	void logoutEndsTheSession() {
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		Response home = browser.get("/");
		Response logout = browser.post("/logout", Map.of("_csrf", Browserless.csrfOf(home.body())));
		assertThat(logout.header("Location").orElseThrow()).endsWith("/login?logout");
		assertThat(browser.get("/").status()).isEqualTo(302);
	}

	@Test
	void staffWithoutTheAdminRoleSeeAForbiddenPageInTheirLanguage() {
		String username = Api.uniqueName("plain");
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "tr", "SALESPERSON");
		Browserless browser = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		Response forbidden = browser.get("/admin/users");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Bu sayfayı açma yetkiniz yok").contains("lang=\"tr\"");
		Response home = browser.get("/");
		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).doesNotContain("href=\"/admin/users\"");
	}

	@Test
	void portalUsersCannotOpenStaffPages() {
		String username = Api.uniqueName("portal");
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "PORTAL");
		Browserless browser = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		assertThat(browser.get("/").header("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/portal"));
		assertThat(browser.get("/customers").status()).isEqualTo(403);
		assertThat(browser.get("/admin/users").status()).isEqualTo(403);
	}

	@Test
	void theLanguageSwitchWorksOnEveryPageAndPersianIsRightToLeft() {
		Browserless browser = new Browserless(api.base());
		Response persian = browser.get("/login?lang=fa");
		assertThat(persian.body()).contains("<html lang=\"fa\" dir=\"rtl\">", "bootstrap.rtl.min.css", "ورود");
		Response remembered = browser.get("/login");
		assertThat(remembered.body()).contains("dir=\"rtl\"");
		Response turkish = browser.get("/login?lang=tr");
		assertThat(turkish.body()).contains("<html lang=\"tr\" dir=\"ltr\">", "Giriş yap");
		Response unknown = browser.get("/login?lang=xx");
		assertThat(unknown.body()).contains("lang=\"tr\"");
	}

	@Test
	void theBrowsersLanguageIsTheDefault() {
		Response response = new Browserless(api.base()).get("/login", "fa-IR,fa;q=0.9,en;q=0.5");
		assertThat(response.body()).contains("dir=\"rtl\"");
		Response german = new Browserless(api.base()).get("/login", "de-DE");
		assertThat(german.body()).contains("lang=\"en\"");
	}

	@Test
	void aLoggedInUsersLanguageChoiceIsRememberedForTheirNextSession() {
		String username = Api.uniqueName("lang");
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "MARKETING");
		Browserless first = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		first.get("/?lang=fa");
		String language = jdbc.sql("select language from app_user where username = :u").param("u", username)
			.query(String.class).single();
		assertThat(language).isEqualTo("fa");
		Browserless second = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		assertThat(second.get("/").body()).contains("dir=\"rtl\"");
	}

	@Test
	void errorPagesAreFriendlyAndTranslated() {
		String username = Api.uniqueName("errors");
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "ACCOUNTANT");
		Browserless browser = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		Response english = browser.get("/no/such/page");
		assertThat(english.status()).isEqualTo(404);
		assertThat(english.body()).contains("Page not found").doesNotContain("Whitelabel", "Exception");
		browser.get("/?lang=fa");
		Response persian = browser.get("/no/such/page");
		assertThat(persian.body()).contains("صفحه یافت نشد", "dir=\"rtl\"");
	}

	@Test
	void anAdministratorManagesUsersThroughThePages() {
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		String username = "paged" + System.nanoTime() % 1_000_000;
		Response invalid = browser.submit("/admin/users/new", "/admin/users",
				Map.of("username", username, "displayName", "", "password", "short", "language", "en", "calendar", "GREGORIAN"));
		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.body()).contains("is-invalid", "At least 10 characters.", "Choose at least one role.");
		assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class).single())
			.isZero();

		Response created = browser.submit("/admin/users/new", "/admin/users", Map.of("username", username, "displayName",
				"Paged <b>User</b>", "password", "a long enough password", "language", "tr", "calendar", "GREGORIAN",
				"roles", "WAREHOUSE"));
		assertThat(created.status()).isEqualTo(302);
		String location = created.header("Location").orElseThrow();
		Response page = browser.get(location.replace(api.base(), ""));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Paged &lt;b&gt;User&lt;/b&gt;").doesNotContain("Paged <b>User</b>");

		Response list = browser.get("/admin/users?q=" + username);
		assertThat(list.body()).contains(username);
		Response export = browser.get("/admin/users/export?format=csv&q=" + username);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(export.body()).contains(username, "Warehouse");
	}

	@Test
	void usersKeepTheirOwnProfileLanguageCalendarPasswordAndTokens() {
		String username = Api.uniqueName("profile");
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "SALESPERSON");
		Browserless browser = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		Response page = browser.get("/profile");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Your details", "API tokens");

		Response saved = browser.submit("/profile", "/profile", Map.of("displayName", "Parisa Profile", "email", "",
				"language", "fa", "calendar", "SOLAR_HIJRI", "version", "0"));
		assertThat(saved.status()).isEqualTo(302);

		Response token = browser.submit("/profile", "/profile/tokens", Map.of("name", "my script"));
		assertThat(token.status()).isEqualTo(302);
		Response withToken = browser.get("/profile");
		assertThat(withToken.body()).contains("dir=\"rtl\"", "my script", "kvn_", "id=\"new-token\"");
		// The token's dates are shown in the Solar Hijri calendar, in Persian digits.
		assertThat(withToken.body()).containsAnyOf("۱۴۰۵", "۱۴۰۶");
		assertThat(browser.get("/profile").body()).doesNotContain("id=\"new-token\"");

		Response wrong = browser.submit("/profile", "/profile/password",
				Map.of("currentPassword", "not it", "newPassword", "another long password"));
		assertThat(wrong.status()).isEqualTo(302);
		assertThat(browser.get("/profile").body()).contains("گذرواژهٔ کنونی نادرست است");
		Response changed = browser.submit("/profile", "/profile/password",
				Map.of("currentPassword", Api.PASSWORD, "newPassword", "another long password"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(api.token(username, "another long password")).isNotBlank();
	}

	@Test
	void aStaleFormIsRefusedWithAMessageAndChangesNothing() {
		String username = Api.uniqueName("stale");
		long id = api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "SALESPERSON").json().get("id").asLong();
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		String form = browser.get("/admin/users/" + id).body();
		Map<String, String> fields = Map.of("_csrf", Browserless.csrfOf(form), "displayName", "First edit", "email", "",
				"language", "en", "calendar", "GREGORIAN", "roles", "SALESPERSON", "version", "0");
		assertThat(browser.post("/admin/users/" + id, fields).status()).isEqualTo(302);
		var second = new java.util.HashMap<>(fields);
		second.put("displayName", "Second edit");
		Response refused = browser.post("/admin/users/" + id, second);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.body()).contains("Somebody changed this user");
		assertThat(jdbc.sql("select display_name from app_user where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("First edit");
	}

	@Test
	void deactivatingAUserEndsTheirSessionsAtOnce() {
		String username = Api.uniqueName("leaver");
		long id = api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "WAREHOUSE").json().get("id").asLong();
		Browserless leaver = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		assertThat(leaver.get("/").status()).isEqualTo(200);

		Browserless admin = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		Response deactivated = admin.submit("/admin/users/" + id, "/admin/users/" + id + "/deactivate", Map.of("version", "0"));
		assertThat(deactivated.status()).isEqualTo(302);
		assertThat(admin.get("/admin/users/" + id).body()).contains("The user was deactivated");

		assertThat(leaver.get("/").status()).isEqualTo(302);
		assertThat(new Browserless(api.base()).submitLogin(username, Api.PASSWORD).header("Location").orElseThrow())
			.endsWith("/login?error");
	}

	@Test
	void theGlobalSearchFindsUsersForAdministratorsOnly() {
		String username = Api.uniqueName("findme");
		api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "MARKETING");
		Browserless admin = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		assertThat(admin.get("/search?q=" + username).body()).contains(username, "/admin/users/");
		Browserless marketing = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		assertThat(marketing.get("/search?q=" + username).body()).doesNotContain("/admin/users/");
	}

	@Test
	void sessionsAreSharedByEveryInstanceOnTheSameDatabase() {
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		String session = browser.cookie("SESSION");
		String url = ((HikariDataSource) dataSource).getJdbcUrl();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(KervanApplication.class).run(
				"--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=" + ((HikariDataSource) dataSource).getPassword(),
				"--kervan.data-dir=" + dataDirectory().resolve("second-instance"))) {
			int port = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/"))
				.header("Cookie", "SESSION=" + session)
				.build();
			var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("Administrator");
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
