package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
	void guessingTheCurrentPasswordBeforeChangingItIsLimitedLikeLoggingIn() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String token = api.userWithRoles(admin, "MARKETING");
		for (int i = 0; i < 5; i++) {
			Response wrong = api.post("/api/v1/me/password", Map.of("currentPassword", "guess number " + i,
					"newPassword", "a brand new password 2026")).bearer(token).send();
			assertThat(wrong.status()).isEqualTo(400);
		}
		Response refused = api.post("/api/v1/me/password", Map.of("currentPassword", Api.PASSWORD,
				"newPassword", "a brand new password 2026")).bearer(token).send();
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isPresent();
		// The right password did not change anything: the token still works and the old password still logs in.
		assertThat(api.get("/api/v1/me").bearer(token).send().status()).isEqualTo(200);
		jdbc.sql("delete from login_throttle").update();
		String username = api.get("/api/v1/me").bearer(token).send().json().get("username").asString();
		assertThat(api.token(username, Api.PASSWORD)).isNotBlank();
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

	@Test
	void fortyParallelGuessesThroughBothDoorsCheckAtMostFivePasswordsAndTheRightOneIsThenRefused() throws Exception {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = createUser(admin, "raced");
		// Half the guesses come through the login form, each from a browser that has fetched the form (and its CSRF
		// token) beforehand, so that all forty arrive together.
		List<Browserless> browsers = new ArrayList<>();
		List<String> csrfTokens = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			Browserless browser = new Browserless(api.base());
			csrfTokens.add(Browserless.csrfOf(browser.get("/login").body()));
			browsers.add(browser);
		}
		ExecutorService threads = Executors.newFixedThreadPool(40);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				int guess = i;
				answers.add(threads.submit(() -> {
					start.await();
					if (guess % 2 == 0) {
						return tokenAttempt(username, "wrong guess " + guess);
					}
					return browsers.get(guess / 2).post("/login", Map.of("username", username, "password",
							"wrong guess " + guess, "_csrf", csrfTokens.get(guess / 2)));
				}));
			}
			start.countDown();
			int passwordsChecked = 0;
			int throttled = 0;
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				boolean wrongPassword = response.status() == 401
						|| (response.status() == 302 && response.header("Location").orElse("").endsWith("/login?error"));
				if (wrongPassword) {
					passwordsChecked++;
				}
				else {
					assertThat(response.status()).as(response.body()).isEqualTo(429);
					throttled++;
				}
			}
			assertThat(passwordsChecked).isEqualTo(5);
			assertThat(throttled).isEqualTo(35);
		}
		finally {
			threads.shutdownNow();
		}

		Response api = tokenAttempt(username, Api.PASSWORD);
		assertThat(api.status()).isEqualTo(429);
		assertThat(api.contentType()).startsWith("application/problem+json");
		assertThat(api.header("Retry-After")).isPresent();
		Response form = new Browserless(this.api.base()).submitLogin(username, Api.PASSWORD);
		assertThat(form.status()).isEqualTo(429);
		assertThat(form.body()).contains("Too many failed attempts");
		assertThat(jdbc.sql("select count(*) from api_token t join app_user u on u.id = t.app_user where u.username = :u")
			.param("u", username).query(Long.class).single()).isZero();
	}

	@Test
	void anOfficeBehindOneAddressIsNotBlockedByItsOwnLogins() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = createUser(admin, "office");
		for (int i = 0; i < 40; i++) {
			assertThat(tokenAttempt(username, Api.PASSWORD).status()).isEqualTo(201);
		}
		// Successful logins left the address its whole allowance: 30 mistakes by colleagues are still checked.
		for (int i = 0; i < 30; i++) {
			assertThat(tokenAttempt("colleague-" + i, "typo").status()).isEqualTo(401);
		}
		assertThat(tokenAttempt(username, Api.PASSWORD).status()).isEqualTo(429);
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
