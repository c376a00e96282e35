package dev.kervan.identity.internal;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.platform.Actor;
import dev.kervan.platform.DisplayCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security and the platform see them. It travels in the session (stored in
 * PostgreSQL), so it holds only what a request needs and never the password once login is over.
 */
public final class KervanPrincipal implements UserDetails, CredentialsContainer, Actor {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private final String displayName;
	private final Set<Role> roles;
	private final String language;
	private final DisplayCalendar calendar;
	private final boolean active;
	private @Nullable String password;

	KervanPrincipal(long id, String username, String displayName, Set<Role> roles, Locale language,
			DisplayCalendar calendar, boolean active, @Nullable String password) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.language = language.getLanguage();
		this.calendar = calendar;
		this.active = active;
		this.password = password;
	}

	static KervanPrincipal of(UserAccount user) {
		return new KervanPrincipal(user.id(), user.username(), user.displayName(), user.roles(), user.language(),
				user.calendar(), user.active(), user.passwordHash());
	}

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
		return displayName;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	public Locale language() {
		return Locale.forLanguageTag(language);
	}

	public DisplayCalendar calendar() {
		return calendar;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public @Nullable String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return active;
	}

	@Override
	public void eraseCredentials() {
		password = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof KervanPrincipal principal && principal.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "KervanPrincipal[" + username + "]";
	}
}
