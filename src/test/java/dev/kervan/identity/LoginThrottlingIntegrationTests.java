package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.Browserless;
import org.junit.jupiter.api.Test;

class LoginThrottlingIntegrationTests extends KervanIntegrationTest {

	@Test
	void repeatedFailuresForAUserAnswer429EvenForTheRightPassword() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = createUser(admin, "throttled-one");
		for (int i = 0; i < 5; i++) {
			assertThat(tokenAttempt(username, "wrong password " + i).status()).isEqualTo(401);
		}
		Response blocked = tokenAttempt(username, Api.PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		assertThat(blocked.contentType()).startsWith("application/problem+json");
		assertThat(blocked.header("Retry-After")).isPresent();

		// The login form answers the same way for the same user.
		Browserless browser = new Browserless(api.base());
		Response form = browser.submitLogin(username, Api.PASSWORD);
		assertThat(form.status()).isEqualTo(429);
		assertThat(form.body()).contains("Too many failed attempts");
	}

	@Test
	void failuresOnTheFormCountForTheApiToo() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = createUser(admin, "throttled-two");
		Browserless browser = new Browserless(api.base());
		for (int i = 0; i < 5; i++) {
			Response failed = browser.submitLogin(username, "nope " + i);
			assertThat(failed.status()).isEqualTo(302);
			assertThat(failed.header("Location").orElseThrow()).endsWith("/login?error");
		}
		assertThat(tokenAttempt(username, Api.PASSWORD).status()).isEqualTo(429);
	}

	@Test
	void repeatedFailuresFromOneAddressAnswer429ForEveryUserName() {
		for (int i = 0; i < 30; i++) {
			tokenAttempt("nobody-" + i, "guess");
		}
		Response blocked = tokenAttempt("admin", ADMIN_PASSWORD);
		assertThat(blocked.status()).isEqualTo(429);
		jdbc.sql("delete from login_throttle").update();
		assertThat(tokenAttempt("admin", ADMIN_PASSWORD).status()).isEqualTo(201);
	}

	@Test
	void aSuccessClearsTheUsersFailures() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = createUser(admin, "throttled-three");
		for (int round = 0; round < 3; round++) {
			for (int i = 0; i < 4; i++) {
				assertThat(tokenAttempt(username, "wrong").status()).isEqualTo(401);
			}
			assertThat(tokenAttempt(username, Api.PASSWORD).status()).isEqualTo(201);
		}
	}

	private Response tokenAttempt(String username, String password) {
		return api.post("/api/v1/auth/tokens", Map.of("username", username, "password", password)).send();
	}

	private String createUser(String admin, String prefix) {
		String username = Api.uniqueName(prefix);
		assertThat(api.createUser(admin, username, "en", "SALESPERSON").status()).isEqualTo(201);
		return username;
	}
}
