package dev.kervan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kervan.support.Api.Response;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests no well-behaved client sends: a request target with a
 * lone {@code %} or an empty parameter name, headers past the server's limit, any bytes in a header. Java's
 * {@code HttpClient} refuses to build them. One request per connection.
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** Sends a request; {@code target} goes on the request line exactly as given. */
	public Response send(String method, String target, List<String[]> headers, byte @Nullable [] body) {
		try (var socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 5_000);
			socket.setSoTimeout(60_000);
			var head = new StringBuilder().append(method).append(' ').append(target).append(" HTTP/1.1\r\n")
				.append("Host: localhost:").append(port).append("\r\n");
			for (String[] header : headers) {
				head.append(header[0]).append(": ").append(header[1]).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.UTF_8));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException e) {
					// The server may answer (413) and close before reading all of a large body.
				}
			}
			out.flush();
			return parse(readAll(socket.getInputStream()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("No answer to " + method + " " + abbreviate(target), e);
		}
	}

	public Response get(String target, String... headerPairs) {
		var headers = new ArrayList<String[]>();
		for (int i = 0; i + 1 < headerPairs.length; i += 2) {
			headers.add(new String[] { headerPairs[i], headerPairs[i + 1] });
		}
		return send("GET", target, headers, null);
	}

	private static byte[] readAll(InputStream in) throws IOException {
		var bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[16384];
		try {
			for (int n; (n = in.read(buffer)) >= 0;) {
				bytes.write(buffer, 0, n);
			}
		}
		catch (java.net.SocketException e) {
			// A reset after the answer was sent (the server closing while the rest of a body was still arriving).
			if (bytes.size() == 0) {
				throw e;
			}
		}
		return bytes.toByteArray();
	}

	private static Response parse(byte[] raw) {
		int start = 0;
		while (true) {
			int end = indexOf(raw, start);
			if (end < 0) {
				throw new IllegalStateException("Not an HTTP answer: " + new String(raw, StandardCharsets.ISO_8859_1));
			}
			String[] lines = new String(raw, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).trim());
			}
			int bodyStart = end + 4;
			if (status == 100) {
				start = bodyStart;
				continue;
			}
			byte[] body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
			if (headers.entrySet()
				.stream()
				.anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding")
						&& h.getValue().toString().toLowerCase(Locale.ROOT).contains("chunked"))) {
				body = unchunk(body);
			}
			return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
		}
	}

	private static byte[] unchunk(byte[] body) {
		var out = new ByteArrayOutputStream();
		int position = 0;
		while (position < body.length) {
			int lineEnd = position;
			while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String sizeText = new String(body, position, lineEnd - position, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
			if (size == 0) {
				break;
			}
			out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
			position = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] raw, int from) {
		for (int i = from; i + 3 < raw.length; i++) {
			if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static String abbreviate(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}
}
