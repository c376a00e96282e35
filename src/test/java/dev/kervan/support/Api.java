package dev.kervan.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for the tests: real requests to the running application, JSON in and out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The password of the users tests create. */
	public static final String PASSWORD = "a long enough password";

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();
	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	public String base() {
		return base;
	}

	/** A request builder; finish it with {@link Call#send()}. */
	public Call call(String method, String path) {
		return new Call(method, path);
	}

	public Call get(String path) {
		return call("GET", path);
	}

	public Call post(String path, Object body) {
		return call("POST", path).json(body);
	}

	public Call patch(String path, Object body) {
		return call("PATCH", path).json(body);
	}

	public Call delete(String path) {
		return call("DELETE", path);
	}

	/** Logs in over the API and answers the token. */
	public String token(String username, String password) {
		Response response = post("/api/v1/auth/tokens", Map.of("username", username, "password", password)).send();
		if (response.status() != 201) {
			throw new IllegalStateException("Login of " + username + " failed: " + response);
		}
		return response.json().get("token").asString();
	}

	/** Creates a user with the given roles and answers a token of theirs. */
	public String userWithRoles(String adminToken, String... roles) {
		String username = uniqueName("u");
		Response created = createUser(adminToken, username, "en", roles);
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create a user: " + created);
		}
		return token(username, PASSWORD);
	}

	/** Creates a user (password {@link #PASSWORD}) with an administrator's token and answers the response. */
	public Response createUser(String adminToken, String username, String language, String... roles) {
		return post("/api/v1/users", Map.of("username", username, "displayName", "Test " + username, "language", language,
				"roles", List.of(roles), "password", PASSWORD)).bearer(adminToken).send();
	}

	/** Creates a user with a name of their own (password {@link #PASSWORD}) and answers who they are. */
	public Person createPerson(String adminToken, String displayName, String language, String... roles) {
		String username = uniqueName("p");
		Response created = post("/api/v1/users", Map.of("username", username, "displayName", displayName, "language",
				language, "roles", List.of(roles), "password", PASSWORD)).bearer(adminToken).send();
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create " + displayName + ": " + created);
		}
		return new Person(created.json().get("id").asLong(), username, displayName);
	}

	/** A user a test made, by id, user name and the name people see. */
	public record Person(long id, String username, String displayName) {
	}

	/** A user name no other test uses. */
	public static String uniqueName(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** Sends a request and answers status, headers and body as text. */
	public static Response exchange(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	public final class Call {

		private final String method;
		private final String path;
		private final List<String[]> headers = new ArrayList<>();
		private HttpRequest.BodyPublisher body = BodyPublishers.noBody();

		private Call(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Call json(Object value) {
			header("Content-Type", "application/json");
			return raw(value instanceof String text ? text : JSON.writeValueAsString(value));
		}

		public Call raw(String text) {
			this.body = BodyPublishers.ofString(text);
			return this;
		}

		public Call bytes(byte[] bytes) {
			this.body = BodyPublishers.ofByteArray(bytes);
			return this;
		}

		public Call header(String name, String value) {
			headers.removeIf(h -> h[0].equalsIgnoreCase(name));
			headers.add(new String[] { name, value });
			return this;
		}

		public Call bearer(String token) {
			return header("Authorization", "Bearer " + token);
		}

		public Response send() {
			var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).method(method, body);
			headers.forEach(h -> request.header(h[0], h[1]));
			return exchange(client, request.build());
		}
	}

	/** An answer: status, headers and body. */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		public JsonNode json() {
			return parse(body);
		}

		public Optional<String> header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.flatMap(e -> e.getValue().stream())
				.findFirst();
		}

		public String contentType() {
			return header("Content-Type").orElse("");
		}

		@Override
		public String toString() {
			return status + " " + body;
		}
	}
}
