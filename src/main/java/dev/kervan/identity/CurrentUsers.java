package dev.kervan.identity;

import java.util.EnumSet;
import java.util.Optional;

import dev.kervan.platform.Actor;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is asking, for the record rules of other modules ("a salesperson edits their own customers").
 */
@Component
public class CurrentUsers {

	private final RoleHierarchy roles;

	CurrentUsers(RoleHierarchy roles) {
		this.roles = roles;
	}

	public Optional<CurrentUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof Actor actor)) {
			return Optional.empty();
		}
		var held = EnumSet.noneOf(Role.class);
		for (GrantedAuthority authority : roles.getReachableGrantedAuthorities(authentication.getAuthorities())) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					held.add(role);
				}
			}
		}
		return Optional.of(new CurrentUser(actor.id(), actor.username(), actor.displayName(), held));
	}

	/** Whether someone is logged in who holds one of the roles: for what a page offers, not for refusing. */
	public boolean holdsAny(Role... roles) {
		return find().filter(user -> user.hasAny(roles)).isPresent();
	}

	/** The current user; refused as unauthenticated when nobody is logged in. */
	public CurrentUser get() {
		return find().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
				"Nobody is logged in"));
	}
}
