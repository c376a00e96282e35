package dev.kervan.pipeline.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps robots off the public lead form: each form carries a signed time, and a submission is taken only when
 * it comes at least a few seconds (a person typing) and at most a day after the form was shown, with the
 * hidden field robots fill left empty, and when its address has not sent five in the last ten minutes.
 */
@Component
public class WebFormGuard {

	/** What a submission is. */
	public enum Verdict {
		ACCEPTED, ROBOT, TOO_SOON, EXPIRED, TOO_MANY
	}

	private static final int PER_ADDRESS = 5;
	private static final Duration WINDOW = Duration.ofMinutes(10);

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

	/** A token for a form shown now. */
	public String token() {
		String issued = String.valueOf(clock.millis());
		return issued + "." + sign(issued);
	}

	/** Judges a submission and, when it is accepted, counts it against its address. */
	@Transactional
	public Verdict judge(String token, String honeypot, String address) {
		if (!honeypot.isBlank()) {
			return Verdict.ROBOT;
		}
		int dot = token.indexOf('.');
		if (dot < 1 || !MessageDigest.isEqual(sign(token.substring(0, dot)).getBytes(StandardCharsets.UTF_8),
				token.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
			return Verdict.ROBOT;
		}
		Instant issued;
		try {
			issued = Instant.ofEpochMilli(Long.parseLong(token.substring(0, dot)));
		}
		catch (NumberFormatException e) {
			return Verdict.ROBOT;
		}
		Instant now = clock.instant();
		if (issued.plus(minimum).isAfter(now)) {
			return Verdict.TOO_SOON;
		}
		if (issued.plus(Duration.ofDays(1)).isBefore(now)) {
			return Verdict.EXPIRED;
		}
		String key = address.length() > 64 ? address.substring(0, 64) : address;
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
		jdbc.sql("insert into web_form_submission (address) values (:address)").param("address", key).update();
		return Verdict.ACCEPTED;
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
