package dev.kervan.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A file answered by the application (a PDF, a spreadsheet) as bytes, which {@link Api} would read as text. */
public record Download(int status, Map<String, List<String>> headers, byte[] content) {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** GETs a path with a bearer token and, in pairs, further headers. */
	public static Download get(String base, String path, String token, String... headers) {
		var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
			.header("Authorization", "Bearer " + token);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public String header(String name) {
		return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
			.flatMap(e -> e.getValue().stream()).findFirst().orElse("");
	}

	public String text() {
		return new String(content, StandardCharsets.UTF_8);
	}
}
