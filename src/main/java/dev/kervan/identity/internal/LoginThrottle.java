package dev.kervan.identity.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows down password guessing, for the login form and the token endpoint alike. Every attempt is counted
 * before its password is checked, per user name and per client address, each in one conditional upsert: so
 * parallel guesses count as they arrive, and no more than the limit of passwords is ever checked within a
 * window. The attempt over the limit starts a block during which every attempt is refused (429), even with the
 * right password. A success clears the user name's count and gives its attempt back to the address, so that an
 * office behind one address is not blocked by its own logins. Counted in PostgreSQL, so all instances count
 * together.
 */
@Component
class LoginThrottle {

	/**
	 * @param maxFailuresPerUser passwords checked for one user name within a window; the next attempt blocks it
	 * @param maxFailuresPerAddress passwords checked from one client address within a window
	 * @param window how long attempts are remembered
	 * @param blockFor how long a block lasts
	 */
	@ConfigurationProperties("kervan.security.login-throttle")
	record Settings(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("30") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration blockFor) {
	}

	/** Keys longer than any user name or address are cut, so that a huge user name costs no huge row. */
	private static final int KEY_LENGTH = 200;

	/*
	 * One statement per key: PostgreSQL locks the row for the update, so two attempts never read the same count.
	 * A block still running leaves the row as it is; a block that is over, or a window that is over, starts a new
	 * window with this attempt; otherwise the attempt is counted, and the one over the limit starts a block.
	 */
	private static final String ATTEMPT = """
			insert into login_throttle as t (throttle_key, attempts, window_started_at)
			values (:key, 1, now())
			on conflict (throttle_key) do update set
			  attempts = case
			      when t.blocked_until > now() then t.attempts
			      when t.blocked_until is not null or t.window_started_at <= now() - make_interval(secs => :window) then 1
			      else t.attempts + 1 end,
			  window_started_at = case
			      when t.blocked_until > now() then t.window_started_at
			      when t.blocked_until is not null or t.window_started_at <= now() - make_interval(secs => :window) then now()
			      else t.window_started_at end,
			  blocked_until = case
			      when t.blocked_until > now() then t.blocked_until
			      when t.blocked_until is not null or t.window_started_at <= now() - make_interval(secs => :window) then null
			      when t.attempts + 1 > :limit then now() + make_interval(secs => :block)
			      else null end
			returning case when t.blocked_until is null then null
			  else greatest(1, ceil(extract(epoch from t.blocked_until - now())))::bigint end""";

	private final JdbcClient jdbc;
	private final Settings settings;
	private final TransactionTemplate ownTransaction;

	LoginThrottle(JdbcClient jdbc, Settings settings, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Counts a check of a signed-in user's current password (before changing it) as an attempt to log in as
	 * them, so that a stolen session or token cannot guess it faster than the login form could. Counted in a
	 * transaction of its own: the refusal of a wrong password rolls the caller's back, not the count.
	 */
	Optional<Duration> passwordCheck(String username) {
		return Objects.requireNonNull(ownTransaction.execute(status -> count(userKey(username), settings.maxFailuresPerUser())));
	}

	/** The current password was right: the user name starts afresh. */
	void passwordConfirmed(String username) {
		ownTransaction.executeWithoutResult(status -> jdbc.sql("delete from login_throttle where throttle_key = :key")
			.param("key", userKey(username))
			.update());
	}

	/**
	 * Counts an attempt to log in, before its password is checked. Answers nothing when the password may be
	 * checked, or how long the caller must wait when the user name or the address is blocked (then this
	 * attempt is not counted against the other).
	 */
	Optional<Duration> attempt(String username, String address) {
		String addressKey = addressKey(address);
		Optional<Duration> addressBlocked = count(addressKey, settings.maxFailuresPerAddress());
		if (addressBlocked.isPresent()) {
			return addressBlocked;
		}
		Optional<Duration> userBlocked = count(userKey(username), settings.maxFailuresPerUser());
		if (userBlocked.isPresent()) {
			// No password is checked for this attempt: the address keeps its allowance.
			giveBack(addressKey);
		}
		return userBlocked;
	}

	/** A login succeeded: the user name starts afresh, and the address gets its attempt back. */
	void succeeded(String username, String address) {
		jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", userKey(username)).update();
		giveBack(addressKey(address));
	}

	private Optional<Duration> count(String key, int limit) {
		return jdbc.sql(ATTEMPT)
			.param("key", key)
			.param("window", settings.window().toSeconds())
			.param("block", settings.blockFor().toSeconds())
			.param("limit", limit)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, Long.class)))
			.single()
			.map(Duration::ofSeconds);
	}

	private void giveBack(String key) {
		jdbc.sql("update login_throttle set attempts = attempts - 1 where throttle_key = :key and attempts > 0 and blocked_until is null")
			.param("key", key)
			.update();
	}

	private static String userKey(String username) {
		return cut("user:" + username.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return cut("address:" + address);
	}

	private static String cut(String key) {
		return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
	}
}
