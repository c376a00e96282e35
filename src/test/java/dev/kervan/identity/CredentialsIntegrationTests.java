package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What ends a credential: a password reset or change, deactivation and a role taken away end sessions, API tokens
 * and the calendar address, for good; a user changing their own password keeps the session or token they did it
 * with.
 */
class CredentialsIntegrationTests extends KervanIntegrationTest {

	private static final Pattern FEED = Pattern.compile("http://[^<\\s]+(/calendar/feed/[A-Za-z0-9_-]+\\.ics)");
	private static final String NEW_PASSWORD = "a brand new password";

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void anAdministratorsPasswordResetEndsTheUsersSessionsTokensAndCalendarAddress() {
		Person person = person("reset", "SALESPERSON");

		Response weak = api.call("PUT", "/api/v1/users/" + person.id + "/password").json(Map.of("password", "short"))
			.bearer(admin).send();
		assertThat(weak.status()).isEqualTo(400);
		assertStillValid(person);

		Response reset = api.call("PUT", "/api/v1/users/" + person.id + "/password").json(Map.of("password", NEW_PASSWORD))
			.bearer(admin).send();
		assertThat(reset.status()).isEqualTo(204);
		assertAllEnded(person);
		assertThat(api.token(person.username, NEW_PASSWORD)).isNotBlank();
	}

	@Test
	void changingOnesOwnPasswordOnTheProfileKeepsThatSessionAndEndsEveryOtherCredential() {
		Person person = person("changer", "SALESPERSON");
		Browserless laptop = new Browserless(api.base()).loggedInAs(person.username, Api.PASSWORD);

		Response wrong = laptop.submit("/profile", "/profile/password",
				Map.of("currentPassword", "not it", "newPassword", NEW_PASSWORD));
		assertThat(wrong.status()).isEqualTo(302);
		assertStillValid(person);

		Response changed = laptop.submit("/profile", "/profile/password",
				Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(laptop.get("/profile").status()).isEqualTo(200);
		assertAllEnded(person);
		assertThat(laptop.get("/profile").status()).isEqualTo(200);
	}

	@Test
	void changingOnesOwnPasswordWithATokenKeepsThatTokenAndEndsEveryOtherCredential() {
		Person person = person("scripted", "ACCOUNTANT");
		String script = api.token(person.username, Api.PASSWORD);

		Response changed = api.post("/api/v1/me/password", Map.of("currentPassword", Api.PASSWORD, "newPassword", NEW_PASSWORD))
			.bearer(script).send();
		assertThat(changed.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me").bearer(script).send().status()).isEqualTo(200);
		assertAllEnded(person);
	}

	@Test
	void deactivationRevokesTokensAndTheCalendarAddressForGoodAndReactivationRevivesNone() {
		Person person = person("leaver", "WAREHOUSE");
		assertThat(patchUser(person.id, Map.of("active", false)).status()).isEqualTo(200);
		assertAllEnded(person);

		assertThat(patchUser(person.id, Map.of("active", true)).status()).isEqualTo(200);
		assertAllEnded(person);
		assertThat(api.token(person.username, Api.PASSWORD)).isNotBlank();
	}

	@Test
	void cuttingAUsersRolesToThePortalEndsTheirSessionsTokensAndCalendarAddress() {
		Person person = person("demoted", "SALESPERSON");
		assertThat(patchUser(person.id, Map.of("roles", List.of("PORTAL"))).status()).isEqualTo(200);
		assertAllEnded(person);

		assertThat(patchUser(person.id, Map.of("roles", List.of("SALESPERSON"))).status()).isEqualTo(200);
		assertAllEnded(person);
	}

	@Test
	void takingOneRoleAwayEndsCredentialsButAddingOneDoesNot() {
		Person added = person("promoted", "SALESPERSON");
		assertThat(patchUser(added.id, Map.of("roles", List.of("SALESPERSON", "MARKETING"))).status()).isEqualTo(200);
		assertStillValid(added);

		Person reduced = person("reduced", "SALESPERSON", "MARKETING");
		assertThat(patchUser(reduced.id, Map.of("roles", List.of("SALESPERSON"))).status()).isEqualTo(200);
		assertAllEnded(reduced);
	}

	@Test
	void aRenewedCalendarAddressWorksAgainAfterTheOldOneEnded() {
		Person person = person("renewer", "SALESPERSON");
		Response reset = api.call("PUT", "/api/v1/users/" + person.id + "/password").json(Map.of("password", NEW_PASSWORD))
			.bearer(admin).send();
		assertThat(reset.status()).isEqualTo(204);
		assertThat(feed(person.feed)).isEqualTo(404);

		Browserless browser = new Browserless(api.base()).loggedInAs(person.username, NEW_PASSWORD);
		String renewed = feedAddress(browser);
		assertThat(renewed).isNotEqualTo(person.feed);
		assertThat(feed(renewed)).isEqualTo(200);
	}

	/** A user with every kind of credential: two sessions, a token and a calendar address. */
	private Person person(String prefix, String... roles) {
		String username = Api.uniqueName(prefix);
		Response created = api.createUser(admin, username, "en", roles);
		assertThat(created.status()).isEqualTo(201);
		Browserless browser = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		Browserless phone = new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
		String token = api.token(username, Api.PASSWORD);
		Person person = new Person(created.json().get("id").asLong(), username, browser, phone, token, feedAddress(browser));
		assertStillValid(person);
		return person;
	}

	private record Person(long id, String username, Browserless browser, Browserless phone, String token, String feed) {
	}

	private void assertStillValid(Person person) {
		assertThat(person.phone.get("/profile").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").bearer(person.token).send().status()).isEqualTo(200);
		assertThat(feed(person.feed)).isEqualTo(200);
	}

	/** The phone's session, the token and the calendar address have ended. */
	private void assertAllEnded(Person person) {
		Response page = person.phone.get("/profile");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location").orElseThrow()).endsWith("/login");
		assertThat(api.get("/api/v1/me").bearer(person.token).send().status()).isEqualTo(401);
		assertThat(feed(person.feed)).isEqualTo(404);
	}

	private Response patchUser(long id, Map<String, Object> changes) {
		return api.patch("/api/v1/users/" + id, changes).header("If-Match", "*").bearer(admin).send();
	}

	private String feedAddress(Browserless browser) {
		Response made = browser.submit("/calendar", "/calendar/feed", Map.of());
		assertThat(made.status()).isEqualTo(302);
		var matcher = FEED.matcher(browser.get("/calendar").body());
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private int feed(String path) {
		return api.get(URI.create(path).getPath()).send().status();
	}
}
