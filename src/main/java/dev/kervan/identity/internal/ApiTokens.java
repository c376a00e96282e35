package dev.kervan.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.kervan.identity.Role;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens: random secrets handed out once and kept only as SHA-256 hashes, so a copy of the database lets
 * nobody in. A token acts for its user with the user's current roles, and stops working when it expires or is
 * revoked; deactivating the user, taking a role away or a new password revokes it for good.
 */
@Service
public class ApiTokens {

	static final String PREFIX = "kvn_";
	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration lifetime;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Clock clock, @Value("${kervan.security.token-lifetime:90d}") Duration lifetime) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	/** A new token; its secret is in the answer and nowhere else. */
	public record IssuedToken(long id, String name, String token, Instant createdAt, Instant expiresAt) {
	}

	/** A token as its owner may see it later: without the secret. */
	public record TokenInfo(long id, String name, String hint, Instant createdAt, Instant expiresAt,
			@Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
	}

	@Transactional
	public IssuedToken issue(long userId, @Nullable String name) {
		String label = name == null || name.isBlank() ? "API token" : name.strip();
		if (label.length() > 100) {
			throw InvalidInputException.of("name", "error.value.too-long", 100);
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant now = clock.instant();
		Instant expiresAt = now.plus(lifetime);
		long id = jdbc.sql("""
				insert into api_token (app_user, name, token_hash, token_hint, created_at, expires_at)
				values (:user, :name, :hash, :hint, :now, :expires) returning id""")
			.param("user", userId)
			.param("name", label)
			.param("hash", hash(token))
			.param("hint", token.substring(0, PREFIX.length() + 6))
			.param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.param("expires", OffsetDateTime.ofInstant(expiresAt, java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single();
		return new IssuedToken(id, label, token, now, expiresAt);
	}

	public List<TokenInfo> list(long userId) {
		return jdbc.sql("""
				select id, name, token_hint, created_at, expires_at, last_used_at, revoked_at
				from api_token where app_user = :user order by id desc""")
			.param("user", userId)
			.query((rs, n) -> new TokenInfo(rs.getLong("id"), rs.getString("name"), rs.getString("token_hint"),
					instant(rs.getObject("created_at", OffsetDateTime.class)),
					instant(rs.getObject("expires_at", OffsetDateTime.class)),
					instantOrNull(rs.getObject("last_used_at", OffsetDateTime.class)),
					instantOrNull(rs.getObject("revoked_at", OffsetDateTime.class))))
			.list();
	}

	/** Revokes one of the user's own tokens; someone else's token is "not found". */
	@Transactional
	public void revoke(long userId, long tokenId) {
		int updated = jdbc.sql("""
				update api_token set revoked_at = coalesce(revoked_at, now()) where id = :id and app_user = :user""")
			.param("id", tokenId)
			.param("user", userId)
			.update();
		if (updated == 0) {
			throw new RecordNotFoundException("token", tokenId);
		}
	}

	/**
	 * What an API call authenticated by token carries as its authentication's details: which token it was, so
	 * that a password changed with it can keep it.
	 */
	public record TokenDetails(long tokenId) {
	}

	/** Revokes every token of the user, for good, but the one given. */
	void revokeAll(long userId, @Nullable Long except) {
		jdbc.sql("""
				update api_token set revoked_at = now()
				where app_user = :user and revoked_at is null and id <> :except""")
			.param("user", userId)
			.param("except", except == null ? -1L : except)
			.update();
	}

	/** The token presented and the user it acts for, if the token is valid now. */
	Optional<Presented> authenticate(String token) {
		if (!token.startsWith(PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		Optional<Holder> holder = jdbc.sql("""
				select t.id as token_id, t.last_used_at, u.id, u.username, u.display_name, u.language, u.calendar,
				       array(select r.role from user_role r where r.app_user = u.id) as roles
				from api_token t join app_user u on u.id = t.app_user
				where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and u.active""")
			.param("hash", hash(token))
			.param("now", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
			.query((rs, n) -> new Holder(rs.getLong("token_id"),
					instantOrNull(rs.getObject("last_used_at", OffsetDateTime.class)),
					new KervanPrincipal(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
							roles(rs.getArray("roles")), Locale.forLanguageTag(rs.getString("language")),
							DisplayCalendar.valueOf(rs.getString("calendar")), true, null)))
			.optional();
		holder.ifPresent(this::touch);
		return holder.map(h -> new Presented(h.tokenId(), h.principal()));
	}

	record Presented(long tokenId, KervanPrincipal principal) {
	}

	/** Notes when a token was last used, at most once a minute so busy clients cost no write per call. */
	private void touch(Holder holder) {
		Instant now = clock.instant();
		if (holder.lastUsedAt() == null || holder.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
			jdbc.sql("update api_token set last_used_at = :now where id = :id")
				.param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
				.param("id", holder.tokenId())
				.update();
		}
	}

	private record Holder(long tokenId, @Nullable Instant lastUsedAt, KervanPrincipal principal) {
	}

	private static EnumSet<Role> roles(Array array) throws SQLException {
		var roles = EnumSet.noneOf(Role.class);
		for (Object role : (Object[]) array.getArray()) {
			roles.add(Role.valueOf((String) role));
		}
		return roles;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Instant instant(OffsetDateTime time) {
		return time.toInstant();
	}

	private static @Nullable Instant instantOrNull(@Nullable OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
