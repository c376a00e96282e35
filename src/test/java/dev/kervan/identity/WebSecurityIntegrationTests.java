package dev.kervan.identity;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The web's side of security: no session before login, privacy headers on every answer, redirects that never
 * follow a forged Host header, the OpenAPI document for staff only, and portal users on their own profile.
 */
class WebSecurityIntegrationTests extends KervanIntegrationTest {

	private static final String FORGED_HOST = "evil.example";

	@Test
	void anonymousPagesStoreNoSession() {
		long before = sessionRows();
		Browserless visitor = new Browserless(api.base());
		for (String page : List.of("/login", "/login?lang=fa", "/login?error", "/public/lead-form", "/public/lead-form?lang=tr",
				"/no/such/page", "/admin/users", "/customers/1", "/calendar/feed/guess.ics", "/favicon.ico")) {
			for (int i = 0; i < 3; i++) {
				Response answer = new Browserless(api.base()).get(page);
				assertThat(answer.headers().getOrDefault("set-cookie", List.of())).as(page).noneMatch(c -> c.startsWith("SESSION="));
			}
			visitor.get(page);
		}
		assertThat(visitor.submitLogin("admin", "not the password").header("Location").orElseThrow()).isEqualTo("/login?error");
		assertThat(sessionRows()).isEqualTo(before);

		// The login form still works without a session, and its CSRF token is still checked.
		Response refused = new Browserless(api.base()).post("/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(sessionRows()).isEqualTo(before);
		visitor.loggedInAs("admin", ADMIN_PASSWORD);
		assertThat(sessionRows()).isEqualTo(before + 1);
		Response home = visitor.get("/");
		assertThat(home.status()).isEqualTo(200);
		Response logout = visitor.post("/logout", Map.of("_csrf", Browserless.csrfOf(home.body())));
		assertThat(logout.header("Location")).hasValue("/login?logout");
		assertThat(sessionRows()).isEqualTo(before);
		assertThat(visitor.get("/").status()).isEqualTo(302);
	}

	@Test
	void thePageAskedForOpensAfterLogin() {
		Browserless visitor = new Browserless(api.base());
		Response asked = visitor.get("/admin/users?q=ad");
		assertThat(asked.status()).isEqualTo(302);
		assertThat(asked.header("Location")).hasValue("/login");
		Response login = visitor.submitLogin("admin", ADMIN_PASSWORD);
		assertThat(login.header("Location")).hasValue("/admin/users?q=ad");
	}

	@Test
	void thePickerMatchesAskedForAfterASessionEndedAreNotWhatOpensAfterLogin() {
		Browserless visitor = new Browserless(api.base());
		Response asked = visitor.getJson("/pick/accounts?q=trakya");
		assertThat(asked.status()).isEqualTo(302);
		Response login = visitor.submitLogin("admin", ADMIN_PASSWORD);
		assertThat(login.header("Location")).hasValue("/");
	}

	@Test
	void everyAnswerCarriesAReferrerPolicyAndAPermissionsPolicy() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		Browserless browser = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		List<Response> answers = List.of(new Browserless(api.base()).get("/login"), browser.get("/"), browser.get("/customers"),
				browser.get("/no/such/page"), new Browserless(api.base()).get("/public/lead-form"),
				api.get("/api/v1/me").bearer(admin).send(), api.get("/api/v1/me").send(),
				api.get("/api/v1/customers/999999999").bearer(admin).send(), api.get("/actuator/health").send(),
				api.get("/v3/api-docs").bearer(admin).send(), api.get("/v3/api-docs").send());
		for (Response answer : answers) {
			assertThat(answer.header("Referrer-Policy")).as(answer.toString()).hasValue("strict-origin-when-cross-origin");
			assertThat(answer.header("Permissions-Policy")).as(answer.toString()).hasValueSatisfying(
					policy -> assertThat(policy).contains("camera=()", "microphone=()", "geolocation=()", "payment=()"));
		}
	}

	@Test
	void noRedirectFollowsAForgedHostHeader() {
		String username = Api.uniqueName("host");
		assertThat(api.createUser(api.token("admin", ADMIN_PASSWORD), username, "en", "SALESPERSON").status()).isEqualTo(201);
		Raw raw = new Raw();
		Response anonymous = raw.send("GET", "/admin/users", Map.of(), null);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).hasValue("/login");

		Browserless visitor = new Browserless(api.base());
		String csrf = Browserless.csrfOf(visitor.get("/login").body());
		Response login = raw.send("POST", "/login", Map.of("Cookie", "kervan-csrf=" + visitor.cookie("kervan-csrf")),
				form(Map.of("username", username, "password", Api.PASSWORD, "_csrf", csrf)));
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).hasValue("/");
		String session = login.headers().get("set-cookie").stream().filter(c -> c.startsWith("SESSION=")).findFirst()
			.map(c -> c.substring(0, c.indexOf(';'))).orElseThrow();

		String profile = raw.send("GET", "/profile", Map.of("Cookie", session), null).body();
		Response saved = raw.send("POST", "/profile", Map.of("Cookie", session), form(Map.of("_csrf", Browserless.csrfOf(profile),
				"displayName", "Host Test", "email", "", "language", "en", "calendar", "GREGORIAN", "version", "0")));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).hasValue("/profile?saved");

		Response feed = raw.send("POST", "/calendar/feed", Map.of("Cookie", session), form(Map.of("_csrf", Browserless.csrfOf(profile))));
		assertThat(feed.header("Location")).hasValue("/calendar");
		String calendar = raw.send("GET", "/calendar", Map.of("Cookie", session), null).body();
		assertThat(calendar).contains("http://localhost:" + port + "/calendar/feed/");

		String token = api.token("admin", ADMIN_PASSWORD);
		Response created = raw.send("POST", "/api/v1/users", Map.of("Authorization", "Bearer " + token, "Content-Type",
				"application/json", "Accept", "application/json"), "{\"username\":\"" + Api.uniqueName("host") + "\",\"displayName\":\"Host\",\"roles\":[\"WAREHOUSE\"],"
						+ "\"password\":\"" + Api.PASSWORD + "\"}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location").orElseThrow()).startsWith("/api/v1/users/");

		Response logout = raw.send("POST", "/logout", Map.of("Cookie", session), form(Map.of("_csrf", Browserless.csrfOf(calendar))));
		assertThat(logout.header("Location")).hasValue("/login?logout");

		for (Response answer : raw.answers) {
			assertThat(answer.headers().toString()).doesNotContain(FORGED_HOST);
			assertThat(answer.body()).doesNotContain(FORGED_HOST);
		}
	}

	@Test
	void theOpenApiDocumentIsForSignedInStaffOnly() {
		assertProblem(api.get("/v3/api-docs").send(), 401, "error.unauthenticated");
		assertProblem(api.get("/v3/api-docs/swagger-config").send(), 401, "error.unauthenticated");
		String admin = api.token("admin", ADMIN_PASSWORD);
		String portal = api.userWithRoles(admin, "PORTAL");
		assertProblem(api.get("/v3/api-docs").bearer(portal).send(), 403, "error.forbidden");
		assertProblem(api.get("/v3/api-docs").bearer("kvn_not-a-token").send(), 401, "error.token.invalid");

		String warehouse = api.userWithRoles(admin, "WAREHOUSE");
		Response document = api.get("/v3/api-docs").bearer(warehouse).send();
		assertThat(document.status()).isEqualTo(200);
		assertThat(document.body()).contains("/api/v1/auth/tokens");

		// Swagger UI reads it with the administrator's session.
		String session = "SESSION=" + new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD).cookie("SESSION");
		assertThat(api.get("/v3/api-docs").header("Cookie", session).send().status()).isEqualTo(200);
		assertThat(api.get("/v3/api-docs/swagger-config").header("Cookie", session).send().status()).isEqualTo(200);
	}

	@Test
	void portalUsersReachTheirOwnProfileAndNothingStaffOnly() {
		String username = Api.uniqueName("portal");
		String admin = api.token("admin", ADMIN_PASSWORD);
		assertThat(api.createUser(admin, username, "en", "PORTAL").status()).isEqualTo(201);
		Browserless browser = new Browserless(api.base());
		Response login = browser.submitLogin(username, Api.PASSWORD);
		assertThat(login.header("Location")).hasValue("/portal");
		Response profile = browser.get("/profile");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(profile.body()).contains("Your details").doesNotContain("id=\"global-search\"");

		long version = jdbc.sql("select version from app_user where username = :u").param("u", username).query(Long.class).single();
		Response saved = browser.submit("/profile", "/profile", Map.of("displayName", "Portal Person", "email", "",
				"language", "tr", "calendar", "GREGORIAN", "version", String.valueOf(version)));
		assertThat(saved.header("Location")).hasValue("/profile?saved");
		Response changed = browser.submit("/profile", "/profile/password",
				Map.of("currentPassword", Api.PASSWORD, "newPassword", "a portal password 2026"));
		assertThat(changed.status()).isEqualTo(302);
		assertThat(jdbc.sql("select display_name || ' ' || language from app_user where username = :u").param("u", username)
			.query(String.class).single()).isEqualTo("Portal Person tr");

		String token = api.token(username, "a portal password 2026");
		assertThat(api.get("/api/v1/me").bearer(token).send().json().get("displayName").asString()).isEqualTo("Portal Person");
		for (String page : List.of("/customers", "/pipeline", "/activities/today", "/calendar", "/products", "/admin/users",
				"/search?q=a")) {
			assertThat(browser.get(page).status()).as(page).isEqualTo(403);
		}
		assertThat(api.get("/api/v1/customers").bearer(token).send().status()).isEqualTo(403);
		assertThat(api.get("/api/v1/users").bearer(token).send().status()).isEqualTo(403);
	}

	@Test
	void aPortalUserLandsOnAStartPageOfTheirOwnWithTheirCompanyAndAWayOut() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String username = Api.uniqueName("portal");
		assertThat(api.createUser(admin, username, "en", "PORTAL").status()).isEqualTo(201);
		String email = username.toLowerCase(java.util.Locale.ROOT) + "@buyer.example";
		jdbc.sql("update app_user set email = :email where username = :u").param("email", email).param("u", username).update();
		Browserless browser = new Browserless(api.base());
		browser.submitLogin(username, Api.PASSWORD);

		Response unlinked = browser.get("/portal");
		assertThat(unlinked.status()).isEqualTo(200);
		assertThat(unlinked.body()).contains("id=\"portal-unlinked\"", "id=\"portal-logout\"")
			.doesNotContain("href=\"/customers\"", "id=\"global-search\"");

		String company = Api.uniqueName("Portal Alıcı A.Ş.");
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", company)).bearer(admin).send()
			.json().get("id").asLong();
		assertThat(api.post("/api/v1/customers/" + customer + "/contacts", Map.of("name", "Buyer", "email",
				email.toUpperCase(java.util.Locale.ROOT), "portalAccess", true)).bearer(admin).send().status()).isEqualTo(201);
		assertThat(browser.get("/").header("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/portal"));
		assertThat(browser.get("/portal").body()).contains(company).doesNotContain("portal-unlinked");

		// Staff have no portal start page.
		Browserless staff = new Browserless(api.base()).loggedInAs("admin", ADMIN_PASSWORD);
		assertThat(staff.get("/portal").status()).isEqualTo(403);
		assertThat(staff.get("/").status()).isEqualTo(200);
	}

	private long sessionRows() {
		return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * HTTP/1.0 by hand over a socket, with a forged Host header (Java's HTTP client will not send one), keeping
	 * every answer.
	 */
	private final class Raw {

		private final List<Response> answers = new ArrayList<>();

		Response send(String method, String path, Map<String, String> headers, String body) {
			byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			// HTTP/1.0 answers are not chunked: read to the end of the connection.
			var request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: " + FORGED_HOST + "\r\n");
			if (!headers.containsKey("Accept")) {
				request.append("Accept: text/html\r\n");
			}
			if (body != null) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
				if (!headers.containsKey("Content-Type")) {
					request.append("Content-Type: application/x-www-form-urlencoded\r\n");
				}
			}
			headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
			request.append("\r\n");
			try (Socket socket = new Socket("localhost", port)) {
				socket.setSoTimeout(30_000);
				OutputStream out = socket.getOutputStream();
				out.write(request.toString().getBytes(StandardCharsets.UTF_8));
				out.write(content);
				out.flush();
				Response response = parse(socket.getInputStream());
				answers.add(response);
				return response;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private static Response parse(InputStream in) throws IOException {
			var all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			var headers = new LinkedHashMap<String, List<String>>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(), k -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			return new Response(status, headers, text.substring(end + 4));
		}
	}
}
