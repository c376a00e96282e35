package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void aRepeatedKeyWithTheSameBodyAnswersTheFirstResponseWithoutDoingTheWorkAgain() {
		String username = uniqueName();
		Map<String, Object> body = newUser(username);
		String key = UUID.randomUUID().toString();

		Response first = api.post("/api/v1/users", body).header("Idempotency-Key", key).bearer(admin).send();
		Response second = api.post("/api/v1/users", body).header("Idempotency-Key", key).bearer(admin).send();

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Location")).isEqualTo(first.header("Location"));
		assertThat(second.header("Idempotency-Replayed")).hasValue("true");
		assertThat(usersNamed(username)).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyIsA422AndChangesNothing() {
		String key = UUID.randomUUID().toString();
		String first = uniqueName();
		assertThat(api.post("/api/v1/users", newUser(first)).header("Idempotency-Key", key).bearer(admin).send().status())
			.isEqualTo(201);
		String other = uniqueName();
		Response response = api.post("/api/v1/users", newUser(other)).header("Idempotency-Key", key).bearer(admin).send();
		assertProblem(response, 422, "error.idempotency.mismatch");
		assertThat(usersNamed(other)).isZero();
	}

	@Test
	void concurrentRequestsWithOneKeyDoTheWorkOnce() throws Exception {
		String username = uniqueName();
		Map<String, Object> body = newUser(username);
		String key = UUID.randomUUID().toString();
		int callers = 8;
		var start = new CountDownLatch(1);
		List<Future<Response>> answers = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(callers)) {
			for (int i = 0; i < callers; i++) {
				answers.add(pool.submit(() -> {
					start.await();
					return api.post("/api/v1/users", body).header("Idempotency-Key", key).bearer(admin).send();
				}));
			}
			start.countDown();
			List<String> bodies = new ArrayList<>();
			for (Future<Response> answer : answers) {
				Response response = answer.get();
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				bodies.add(response.body());
			}
			assertThat(bodies).allMatch(b -> b.equals(bodies.getFirst()));
		}
		assertThat(usersNamed(username)).isEqualTo(1);
	}

	@Test
	void keysBelongToTheirCaller() {
		String key = UUID.randomUUID().toString();
		String otherAdmin = api.userWithRoles(admin, "ADMIN");
		String mine = uniqueName();
		String theirs = uniqueName();
		assertThat(api.post("/api/v1/users", newUser(mine)).header("Idempotency-Key", key).bearer(admin).send().status())
			.isEqualTo(201);
		assertThat(api.post("/api/v1/users", newUser(theirs)).header("Idempotency-Key", key).bearer(otherAdmin).send().status())
			.isEqualTo(201);
		assertThat(usersNamed(mine)).isEqualTo(1);
		assertThat(usersNamed(theirs)).isEqualTo(1);
	}

	@Test
	void refusalsAreReplayedTooAndKeptInPostgres() {
		String key = UUID.randomUUID().toString();
		Map<String, Object> invalid = Map.of("username", "!", "password", "x");
		Response first = api.post("/api/v1/users", invalid).header("Idempotency-Key", key).bearer(admin).send();
		Response second = api.post("/api/v1/users", invalid).header("Idempotency-Key", key).bearer(admin).send();
		assertThat(first.status()).isEqualTo(400);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(jdbc.sql("select state from idempotency_record where idem_key = :key").param("key", key)
			.query(String.class).single()).isEqualTo("DONE");
	}

	@Test
	void anInvalidKeyIsA400() {
		Response response = api.post("/api/v1/users", newUser(uniqueName()))
			.header("Idempotency-Key", "x".repeat(300))
			.bearer(admin)
			.send();
		assertProblem(response, 400, "error.validation");
	}

	private long usersNamed(String username) {
		return jdbc.sql("select count(*) from app_user where username = :name").param("name", username)
			.query(Long.class).single();
	}

	private static String uniqueName() {
		return "idem" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private static Map<String, Object> newUser(String username) {
		return Map.of("username", username, "displayName", "Idempotent " + username, "roles", List.of("MARKETING"),
				"password", "a long enough password");
	}
}
