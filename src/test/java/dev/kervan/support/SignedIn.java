package dev.kervan.support;

import java.util.List;

import dev.kervan.identity.Role;
import dev.kervan.platform.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs a user in on the test's own thread, so that a test can call a service directly (as events are asserted with
 * {@code PublishedEvents}) and be checked by the same policies as a request. Clear it after the test with
 * {@link #out()}.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** The user of that name (id 0 when there is none) with that role, for the rest of the test's thread. */
	public static void as(JdbcClient jdbc, String username, Role role) {
		long id = jdbc.sql("select coalesce((select id from app_user where username = :username), 0)")
			.param("username", username).query(Long.class).single();
		Actor actor = new Actor() {
			@Override
			public long id() {
				return id;
			}

			@Override
			public String username() {
				return username;
			}

			@Override
			public String displayName() {
				return username;
			}
		};
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null,
				List.of(new SimpleGrantedAuthority(role.authority()))));
	}

	public static void out() {
		SecurityContextHolder.clearContext();
	}
}
