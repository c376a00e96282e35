package dev.kervan.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.kervan.support.Api.Response;

/**
 * A browser without JavaScript: keeps cookies, reads CSRF tokens from pages and submits forms the way an HTML
 * form does. For the page tests that need no real browser.
 */
public final class Browserless {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
	private final HttpClient client;

	public Browserless(String base) {
		this.base = base;
		this.client = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
	}

	public Response get(String path, String acceptLanguage) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Accept-Language", acceptLanguage)
			.GET());
	}

	/** Asks as a page's script does for JSON (a picker's matches), with the session's cookie. */
	public Response getJson(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
	}

	/** Asks as htmx does for the element with id {@code target}, as a filter bar reloading its list. */
	public Response getFragment(String path, String target) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("HX-Request", "true")
			.header("HX-Target", target)
			.GET());
	}

	/** Submits a form found on {@code page}, with the page's CSRF token. */
	public Response submit(String page, String action, Map<String, String> fields) {
		var withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrfOf(get(page).body()));
		return post(action, withToken);
	}

	/** Submits a form found on {@code page} whose fields repeat (ticked boxes, a picker's several records). */
	public Response submitAll(String page, String action, List<Map.Entry<String, String>> fields) {
		var withToken = new ArrayList<>(fields);
		withToken.add(Map.entry("_csrf", csrfOf(get(page).body())));
		String body = withToken.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Posts a form as is, with no CSRF token unless the fields hold one. */
	public Response post(String action, Map<String, String> fields) {
		return post(action, fields, "text/html");
	}

	/** Posts a form as a page's script does, accepting the given answer type. */
	public Response post(String action, Map<String, String> fields, String accept) {
		String body = fields.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + action))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Response submitLogin(String username, String password) {
		return submit("/login", "/login", Map.of("username", username, "password", password));
	}

	/** Logs in and fails the test unless the login was accepted. */
	public Browserless loggedInAs(String username, String password) {
		Response response = submitLogin(username, password);
		if (response.status() != 302 || response.header("Location").orElse("").contains("error")) {
			throw new IllegalStateException("Login of " + username + " failed: " + response.status() + " " + response.headers());
		}
		return this;
	}

	public String cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No cookie " + name));
	}

	public static String csrfOf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("The page has no CSRF token");
		}
		return matcher.group(1);
	}

	private Response send(HttpRequest.Builder request) {
		return Api.exchange(client, request.timeout(Duration.ofSeconds(30)).build());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
