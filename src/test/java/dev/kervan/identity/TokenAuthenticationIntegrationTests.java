package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TokenAuthenticationIntegrationTests extends KervanIntegrationTest {

	@Test
	void aTokenIsIssuedForTheRightPasswordAndAuthenticatesApiCalls() {
		Response issued = api.post("/api/v1/auth/tokens", Map.of("username", "admin", "password", ADMIN_PASSWORD)).send();
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().get("token").asString();
		assertThat(token).startsWith("kvn_");
		Response me = api.get("/api/v1/me").bearer(token).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("admin");
	}

	@Test
	void aPasswordThatIsNoTextIsAWrongPasswordNotAFailure() {
		// Half of a surrogate pair: JSON can send it, UTF-8 cannot hold it, so no hash can be made of it.
		Response refused = api.post("/api/v1/auth/tokens", "{\"username\": \"admin\", \"password\": \"\\ud83d\"}").send();
		assertThat(refused.status()).isEqualTo(401);
		Response unknownUser = api.post("/api/v1/auth/tokens", "{\"username\": \"nobody-here\", \"password\": \"x\\udc00y\"}").send();
		assertThat(unknownUser.status()).isEqualTo(401);
	}

	@Test
	void theUserNameIsCaseInsensitive() {
		Response issued = api.post("/api/v1/auth/tokens", Map.of("username", " ADMIN ", "password", ADMIN_PASSWORD)).send();
		assertThat(issued.status()).isEqualTo(201);
	}

	@Test
	void aWrongPasswordIsA401Problem() {
		Response response = api.post("/api/v1/auth/tokens", Map.of("username", "admin", "password", "wrong")).send();
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo("error.login.failed");
	}

	@Test
	void tokensAreStoredOnlyAsHashes() {
		String token = api.token("admin", ADMIN_PASSWORD);
		long clear = jdbc.sql("select count(*) from api_token where token_hash = :t or token_hint = :t or name = :t")
			.param("t", token).query(Long.class).single();
		assertThat(clear).isZero();
		long hashed = jdbc.sql("select count(*) from api_token where token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
			.param("t", token).query(Long.class).single();
		assertThat(hashed).isOne();
	}

	@Test
	void aBadOrMalformedTokenIsA401Problem() {
		for (String header : new String[] { "Bearer kvn_nonsense", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer " + "x".repeat(500) }) {
			Response response = api.get("/api/v1/me").header("Authorization", header).send();
			assertThat(response.status()).as(header).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void usersListAndRevokeTheirOwnTokens() {
		String token = api.token("admin", ADMIN_PASSWORD);
		Response other = api.post("/api/v1/auth/tokens",
				Map.of("username", "admin", "password", ADMIN_PASSWORD, "name", "reporting tool")).send();
		long otherId = other.json().get("id").asLong();

		JsonNode list = api.get("/api/v1/auth/tokens").bearer(token).send().json();
		assertThat(list.get("items").toString()).contains("reporting tool").doesNotContain(other.json().get("token").asString());

		assertThat(api.delete("/api/v1/auth/tokens/" + otherId).bearer(token).send().status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me").bearer(other.json().get("token").asString()).send().status()).isEqualTo(401);
		assertThat(api.get("/api/v1/me").bearer(token).send().status()).isEqualTo(200);
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		long adminTokenId = jdbc.sql("select max(t.id) from api_token t join app_user u on u.id = t.app_user where u.username = 'admin'")
			.query(Long.class).single();
		Response response = api.delete("/api/v1/auth/tokens/" + adminTokenId).bearer(accountant).send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/me").bearer(admin).send().status()).isEqualTo(200);
	}

	@Test
	void anExpiredTokenIsRefused() {
		String token = api.token("admin", ADMIN_PASSWORD);
		jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = encode(sha256(convert_to(:t, 'UTF8')), 'hex')")
			.param("t", token).update();
		assertThat(api.get("/api/v1/me").bearer(token).send().status()).isEqualTo(401);
	}

	@Test
	void aDeactivatedUsersTokensStopWorking() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String token = api.userWithRoles(admin, "WAREHOUSE");
		JsonNode me = api.get("/api/v1/me").bearer(token).send().json();
		Response deactivated = api.patch("/api/v1/users/" + me.get("id").asLong(), Map.of("active", false))
			.header("If-Match", "*")
			.bearer(admin).send();
		assertThat(deactivated.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me").bearer(token).send().status()).isEqualTo(401);
	}

	@Test
	void aTokenActsWithTheUsersCurrentRoles() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String token = api.userWithRoles(admin, "MARKETING");
		long id = api.get("/api/v1/me").bearer(token).send().json().get("id").asLong();
		assertThat(api.get("/api/v1/users").bearer(token).send().status()).isEqualTo(403);
		api.patch("/api/v1/users/" + id, Map.of("roles", java.util.List.of("MARKETING", "ADMIN")))
			.header("If-Match", "*")
			.bearer(admin).send();
		assertThat(api.get("/api/v1/users").bearer(token).send().status()).isEqualTo(200);
	}

	@Test
	void healthIsPublicAndMetricsAreForAdministratorsOnly() {
		assertThat(api.get("/actuator/health").send().status()).isEqualTo(200);
		String admin = api.token("admin", ADMIN_PASSWORD);
		String marketing = api.userWithRoles(admin, "MARKETING");
		assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
		assertThat(api.get("/actuator/prometheus").bearer(marketing).send().status()).isEqualTo(403);
		Response metrics = api.get("/actuator/prometheus").bearer(admin).send();
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void theOpenApiDocumentDescribesTheApi() {
		Response docs = api.get("/v3/api-docs").bearer(api.token("admin", ADMIN_PASSWORD)).send();
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/auth/tokens", "/api/v1/users");
	}
}
