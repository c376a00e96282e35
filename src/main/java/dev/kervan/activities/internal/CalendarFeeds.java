package dev.kervan.activities.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.kervan.identity.CredentialsRevoked;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's activities as an iCalendar feed (RFC 5545) that calendar apps subscribe to by a secret address.
 * The secret is shown once and kept only as a hash; making a new one ends the old address. The address ends
 * with the user's other credentials (a new password, deactivation, a role taken away) and is never revived: a
 * new one must be made. It answers only while its user is active staff.
 */
@Service
public class CalendarFeeds {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;
	private final CurrentUsers currentUsers;
	private final Users users;
	private final Clock clock;

	CalendarFeeds(JdbcClient jdbc, CurrentUsers currentUsers, Users users, Clock clock) {
		this.jdbc = jdbc;
		this.currentUsers = currentUsers;
		this.users = users;
		this.clock = clock;
	}

	/** Makes the current user a new secret address and answers its secret; the previous one stops working. */
	@Transactional
	public String renew() {
		long user = ActivityPolicy.requireStaff(currentUsers.get()).id();
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		jdbc.sql("""
				insert into calendar_feed (app_user, token_hash) values (:user, :hash)
				on conflict (app_user) do update set token_hash = excluded.token_hash, created_at = now()""")
			.param("user", user)
			.param("hash", hash(secret))
			.update();
		return secret;
	}

	/** Whether the current user has an address. */
	public boolean exists() {
		return jdbc.sql("select count(*) from calendar_feed where app_user = :user").param("user", currentUsers.get().id())
			.query(Long.class).single() > 0;
	}

	/** The feed for a secret: the person's activities from a month ago to half a year ahead; empty for an unknown secret. */
	public Optional<String> feed(String secret, LocalDate today) {
		if (secret.length() > 100) {
			return Optional.empty();
		}
		Optional<Long> user = jdbc.sql("select app_user from calendar_feed where token_hash = :hash")
			.param("hash", hash(secret))
			.query(Long.class)
			.optional()
			.filter(id -> users.find(id).filter(CalendarFeeds::activeStaff).isPresent());
		return user.map(id -> ics(jdbc.sql(ActivityRow.select() + " " + """
				where a.assignee = :user and a.status <> 'CANCELLED' and a.due_date between :from and :to order by a.due_date, a.id
				limit 5000""")
			.param("user", id)
			.param("from", today.minusDays(31))
			.param("to", today.plusDays(183))
			.query((rs, n) -> ActivityRow.of(rs))
			.list(), clock.instant()));
	}

	private static boolean activeStaff(UserSummary user) {
		return user.active() && user.roles().stream().anyMatch(role -> role != Role.PORTAL);
	}

	/** Runs in the transaction that ended the user's credentials, so the address ends with them. */
	@EventListener
	void credentialsRevoked(CredentialsRevoked event) {
		jdbc.sql("delete from calendar_feed where app_user = :user").param("user", event.userId()).update();
	}

	static String ics(List<ActivityRow> activities, Instant written) {
		var out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Kervan//Activities//EN");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "X-WR-CALNAME:Kervan");
		String stamp = STAMP.format(written);
		for (ActivityRow a : activities) {
			line(out, "BEGIN:VEVENT");
			line(out, "UID:activity-" + a.id() + "@kervan");
			line(out, "DTSTAMP:" + stamp);
			line(out, "DTSTART;VALUE=DATE:" + DAY.format(a.dueDate()));
			line(out, "DTEND;VALUE=DATE:" + DAY.format(a.dueDate().plusDays(1)));
			line(out, "SUMMARY:" + text((a.planned() ? "" : "✓ ") + a.typeName() + ": " + a.summary()));
			if (a.note() != null) {
				line(out, "DESCRIPTION:" + text(a.note()));
			}
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** Text escaped as RFC 5545 asks: backslash, semicolon, comma and line breaks. */
	private static String text(String value) {
		return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** A content line, folded after 75 octets without splitting a character, ended by CRLF. */
	private static void line(StringBuilder out, String content) {
		int octets = 0;
		for (int i = 0; i < content.length(); ) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append("\r\n");
	}

	private static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
