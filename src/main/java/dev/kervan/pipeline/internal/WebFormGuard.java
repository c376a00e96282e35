package dev.kervan.pipeline.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps robots off the public lead form: each form carries a signed token with the time it was shown and the
 * address it was shown to, and a submission is taken only when it comes from that address, at least a few
 * seconds (a person typing) and at most a day after the form was shown, with the hidden field robots fill left
 * empty, when its address has not sent five in the last ten minutes, and only once per token. Tokens sent are
 * remembered in PostgreSQL, so every instance refuses a replay; no session is needed.
 */
@Component
public class WebFormGuard {

	/** What a submission is. */
	public enum Verdict {
		ACCEPTED, ROBOT, TOO_SOON, EXPIRED, TOO_MANY,
		/** The form was shown to another address: a replay, or a visitor whose address changed. */
		ELSEWHERE,
		/** The form was sent already. */
		USED
	}

	private static final int PER_ADDRESS = 5;
	private static final Duration WINDOW = Duration.ofMinutes(10);
	private static final Duration LIFETIME = Duration.ofDays(1);
	private static final SecureRandom RANDOM = new SecureRandom();

	private final PipelineSettings settings;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration minimum;

	WebFormGuard(PipelineSettings settings, JdbcClient jdbc, Clock clock,
			@Value("${kervan.web-form.min-seconds:3}") long minimumSeconds) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.minimum = Duration.ofSeconds(minimumSeconds);
	}

	/** A token for a form shown now to the given address: issued time, a nonce, the address's tag, signature. */
	public String token(String address) {
		byte[] nonce = new byte[16];
		RANDOM.nextBytes(nonce);
		String signed = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce) + "."
				+ addressTag(address);
		return signed + "." + sign(signed);
	}

	/** Judges a submission and, when it is accepted, counts it against its address. */
	@Transactional
	public Verdict judge(String token, String honeypot, String address) {
		if (!honeypot.isBlank()) {
			return Verdict.ROBOT;
		}
		String[] parts = token.split("\\.", -1);
		if (parts.length != 4 || token.length() > 200) {
			return Verdict.ROBOT;
		}
		String signed = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(sign(signed).getBytes(StandardCharsets.UTF_8), parts[3].getBytes(StandardCharsets.UTF_8))) {
			return Verdict.ROBOT;
		}
		Instant issued;
		try {
			issued = Instant.ofEpochMilli(Long.parseLong(parts[0]));
		}
		catch (NumberFormatException e) {
			return Verdict.ROBOT;
		}
		if (!MessageDigest.isEqual(addressTag(address).getBytes(StandardCharsets.UTF_8),
				parts[2].getBytes(StandardCharsets.UTF_8))) {
			return Verdict.ELSEWHERE;
		}
		Instant now = clock.instant();
		if (issued.plus(minimum).isAfter(now)) {
			return Verdict.TOO_SOON;
		}
		if (issued.plus(LIFETIME).isBefore(now)) {
			return Verdict.EXPIRED;
		}
		String key = addressKey(address);
		// Serializes the senders of one address, so that five at once cannot all slip under the limit.
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:address))").param("address", key).query().listOfRows();
		long recent = jdbc.sql("select count(*) from web_form_submission where address = :address and submitted_at > :since")
			.param("address", key)
			.param("since", java.sql.Timestamp.from(now.minus(WINDOW)))
			.query(Long.class)
			.single();
		if (recent >= PER_ADDRESS) {
			return Verdict.TOO_MANY;
		}
		// The nonce's primary key lets one of two submissions of the same form in, on whichever instance.
		int fresh = jdbc.sql("insert into web_form_token (nonce, expires_at) values (:nonce, :expires) on conflict do nothing")
			.param("nonce", parts[1])
			.param("expires", java.sql.Timestamp.from(issued.plus(LIFETIME)))
			.update();
		if (fresh == 0) {
			return Verdict.USED;
		}
		jdbc.sql("insert into web_form_submission (address) values (:address)").param("address", key).update();
		jdbc.sql("delete from web_form_token where expires_at < :now").param("now", java.sql.Timestamp.from(now)).update();
		return Verdict.ACCEPTED;
	}

	private static String addressKey(String address) {
		return address.length() > 64 ? address.substring(0, 64) : address;
	}

	/** The address in the token, signed apart so that a token shown elsewhere is told from a forged one. */
	private String addressTag(String address) {
		return sign("address:" + addressKey(address)).substring(0, 16);
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(settings.formSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}
}
