package dev.kervan.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.kervan.support.Api.Response;

/** A multipart/form-data upload, as a browser sends a file input. */
public final class Multipart {

	private final String boundary = "kervan" + System.nanoTime();
	private final ByteArrayOutputStream body = new ByteArrayOutputStream();
	private final Map<String, String> headers = new LinkedHashMap<>();

	public Multipart file(String field, String filename, String contentType, byte[] content) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
		body.writeBytes(content);
		write("\r\n");
		return this;
	}

	public Multipart field(String field, String value) {
		write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n" + value + "\r\n");
		return this;
	}

	public Multipart header(String name, String value) {
		headers.put(name, value);
		return this;
	}

	public Response post(String url) {
		write("--" + boundary + "--\r\n");
		var request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		headers.forEach(request::header);
		return Api.exchange(HttpClient.newHttpClient(), request.build());
	}

	private void write(String text) {
		body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
