package dev.kervan.platform.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

import dev.kervan.platform.Actor;
import dev.kervan.platform.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on API POSTs: the first request with a key does the work and its answer is kept in
 * PostgreSQL; a repeat with the same body gets that answer again (marked {@code Idempotency-Replayed: true})
 * without the work being done twice, even when both arrive at once or on different instances; a repeat with
 * a different body is refused with 422. Keys belong to the caller and are kept for a day. Failed attempts
 * (5xx, or errors answered without a body) are not kept, so the client may retry them.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);
	private static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
	private static final int MAX_BUFFERED_BODY = 32 * 1024 * 1024;

	private final JdbcClient jdbc;
	private final Problems problems;

	IdempotencyFilter(JdbcClient jdbc, Problems problems) {
		this.jdbc = jdbc;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Actor> actor = Actor.current();
		if (actor.isEmpty()) {
			// Keys are scoped to a caller; an anonymous request has none to scope them to.
			chain.doFilter(request, response);
			return;
		}
		String key = request.getHeader(HEADER).strip();
		if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
			problems.write(request, response, problems.withErrors(problems.of(400, "error.validation"),
					java.util.List.of(new Problems.FieldMessage(HEADER, problems.message("error.idempotency.key-invalid")))));
			return;
		}
		long actorId = actor.get().id();
		BufferedRequest buffered = BufferedRequest.of(request);
		String hash = buffered.fingerprint();

		long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
		while (true) {
			if (claim(actorId, key, hash)) {
				doWork(actorId, key, buffered, response, chain);
				return;
			}
			Optional<Stored> stored = find(actorId, key);
			if (stored.isEmpty()) {
				continue; // the first attempt failed and gave the key back
			}
			if (!stored.get().hash().equals(hash)) {
				problems.write(request, response, problems.of(422, "error.idempotency.mismatch"));
				return;
			}
			if (stored.get().done()) {
				replay(stored.get(), response);
				return;
			}
			if (takeOverAbandoned(actorId, key)) {
				doWork(actorId, key, buffered, response, chain);
				return;
			}
			if (System.nanoTime() > deadline) {
				problems.write(request, response, problems.of(409, "error.idempotency.in-progress"));
				return;
			}
			sleep();
		}
	}

	private void doWork(long actorId, String key, BufferedRequest request, HttpServletResponse response,
			FilterChain chain) throws IOException, ServletException {
		var recorder = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, recorder);
			byte[] body = recorder.getContentAsByteArray();
			int status = recorder.getStatus();
			if (status < 500 && (status < 400 || body.length > 0)) {
				jdbc.sql("""
						update idempotency_record set state = 'DONE', response_status = :status, content_type = :type,
						  location = :location, etag = :etag, response_body = :body, updated_at = now()
						where actor_id = :actor and idem_key = :key""")
					.param("status", status)
					.param("type", recorder.getContentType())
					.param("location", recorder.getHeader(HttpHeaders.LOCATION))
					.param("etag", recorder.getHeader(HttpHeaders.ETAG))
					.param("body", body)
					.param("actor", actorId)
					.param("key", key)
					.update();
				kept = true;
			}
		}
		finally {
			if (!kept) {
				jdbc.sql("delete from idempotency_record where actor_id = :actor and idem_key = :key")
					.param("actor", actorId)
					.param("key", key)
					.update();
			}
			recorder.copyBodyToResponse();
		}
	}

	private boolean claim(long actorId, String key, String hash) {
		return jdbc.sql("""
				insert into idempotency_record (actor_id, idem_key, request_hash, state)
				values (:actor, :key, :hash, 'IN_PROGRESS') on conflict do nothing""")
			.param("actor", actorId)
			.param("key", key)
			.param("hash", hash)
			.update() == 1;
	}

	/** A first attempt whose instance died mid-way must not block the key forever. */
	private boolean takeOverAbandoned(long actorId, String key) {
		return jdbc.sql("""
				update idempotency_record set updated_at = now()
				where actor_id = :actor and idem_key = :key and state = 'IN_PROGRESS'
				  and updated_at < now() - make_interval(secs => :seconds)""")
			.param("actor", actorId)
			.param("key", key)
			.param("seconds", ABANDONED_AFTER.toSeconds())
			.update() == 1;
	}

	private Optional<Stored> find(long actorId, String key) {
		return jdbc.sql("""
				select request_hash, state, response_status, content_type, location, etag, response_body
				from idempotency_record where actor_id = :actor and idem_key = :key""")
			.param("actor", actorId)
			.param("key", key)
			.query((rs, n) -> new Stored(rs.getString("request_hash"), "DONE".equals(rs.getString("state")),
					rs.getInt("response_status"), rs.getString("content_type"), rs.getString("location"),
					rs.getString("etag"), rs.getBytes("response_body")))
			.optional();
	}

	private static void replay(Stored stored, HttpServletResponse response) throws IOException {
		response.setStatus(stored.status());
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		if (stored.etag() != null) {
			response.setHeader(HttpHeaders.ETAG, stored.etag());
		}
		response.setHeader("Idempotency-Replayed", "true");
		if (stored.body() != null) {
			response.getOutputStream().write(stored.body());
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void forgetOldKeys() {
		jdbc.sql("delete from idempotency_record where created_at < now() - interval '24 hours'").update();
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for an idempotent request", e);
		}
	}

	private record Stored(String hash, boolean done, int status, @Nullable String contentType,
			@Nullable String location, @Nullable String etag, byte @Nullable [] body) {
	}

	/**
	 * The request with its body read once, so that the body can be fingerprinted and still be read by the
	 * controller.
	 */
	private static final class BufferedRequest extends HttpServletRequestWrapper {

		private final byte @Nullable [] body;
		private final String fingerprint;

		private BufferedRequest(HttpServletRequest request, byte @Nullable [] body, String fingerprint) {
			super(request);
			this.body = body;
			this.fingerprint = fingerprint;
		}

		static BufferedRequest of(HttpServletRequest request) throws IOException, ServletException {
			MessageDigest digest = sha256();
			update(digest, request.getMethod());
			update(digest, request.getRequestURI());
			update(digest, String.valueOf(request.getQueryString()));
			String contentType = String.valueOf(request.getContentType());
			if (contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)) {
				// The container parses multipart bodies from its own stream; fingerprint the parsed parts.
				for (Part part : request.getParts()) {
					update(digest, part.getName());
					update(digest, String.valueOf(part.getSubmittedFileName()));
					try (InputStream in = part.getInputStream()) {
						digest.update(in.readAllBytes());
					}
				}
				return new BufferedRequest(request, null, HexFormat.of().formatHex(digest.digest()));
			}
			if (contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
				new TreeMap<>(request.getParameterMap()).forEach((name, values) -> {
					update(digest, name);
					for (String value : values) {
						update(digest, value);
					}
				});
				return new BufferedRequest(request, null, HexFormat.of().formatHex(digest.digest()));
			}
			update(digest, contentType);
			byte[] body = request.getInputStream().readNBytes(MAX_BUFFERED_BODY);
			digest.update(body);
			return new BufferedRequest(request, body, HexFormat.of().formatHex(digest.digest()));
		}

		String fingerprint() {
			return fingerprint;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (body == null) {
				return super.getInputStream();
			}
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new IllegalStateException("Buffered bodies are read synchronously");
				}
			};
		}

		@Override
		public java.io.BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
		}

		private static void update(MessageDigest digest, String value) {
			digest.update(value.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
		}

		private static MessageDigest sha256() {
			try {
				return MessageDigest.getInstance("SHA-256");
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException(e);
			}
		}
	}
}
