package dev.kervan.identity.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, for the login form and the token endpoint alike: after too many failures
 * for one user name, or from one address, within a window, further attempts are refused (429) for a while,
 * even with the right password. Counted in PostgreSQL, so all instances count together.
 */
@Component
class LoginThrottle {

	/**
	 * @param maxFailuresPerUser failures for one user name that block it
	 * @param maxFailuresPerAddress failures from one client address that block it
	 * @param window how long failures are remembered
	 * @param blockFor how long a block lasts
	 */
	@ConfigurationProperties("kervan.security.login-throttle")
	record Settings(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("30") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration blockFor) {
	}

	private final JdbcClient jdbc;
	private final Settings settings;

	LoginThrottle(JdbcClient jdbc, Settings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** How long the caller must still wait, if the user name or the address is blocked. */
	Optional<Duration> blockedFor(String username, String address) {
		return jdbc.sql("""
				select ceil(extract(epoch from blocked_until - now()))::bigint from login_throttle
				where throttle_key in (:keys) and blocked_until > now()
				order by blocked_until desc limit 1""")
			.param("keys", List.of(userKey(username), addressKey(address)))
			.query(Long.class)
			.optional()
			.map(Duration::ofSeconds);
	}

	void recordFailure(String username, String address) {
		count(userKey(username), settings.maxFailuresPerUser());
		count(addressKey(address), settings.maxFailuresPerAddress());
	}

	void recordSuccess(String username) {
		jdbc.sql("delete from login_throttle where throttle_key = :key").param("key", userKey(username)).update();
	}

	private void count(String key, int limit) {
		jdbc.sql("""
				insert into login_throttle as t (throttle_key, failures, window_started_at)
				values (:key, 1, now())
				on conflict (throttle_key) do update set
				  failures = case when t.window_started_at < now() - make_interval(secs => :window) then 1 else t.failures + 1 end,
				  window_started_at = case when t.window_started_at < now() - make_interval(secs => :window) then now() else t.window_started_at end""")
			.param("key", key)
			.param("window", settings.window().toSeconds())
			.update();
		jdbc.sql("""
				update login_throttle set blocked_until = now() + make_interval(secs => :block), failures = 0,
				  window_started_at = now()
				where throttle_key = :key and failures >= :limit""")
			.param("key", key)
			.param("block", settings.blockFor().toSeconds())
			.param("limit", limit)
			.update();
	}

	private static String userKey(String username) {
		return "user:" + username.strip().toLowerCase(Locale.ROOT);
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}
}
