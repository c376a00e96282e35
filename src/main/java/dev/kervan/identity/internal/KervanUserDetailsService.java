package dev.kervan.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Finds the user who is logging in, whatever case they typed their name in. */
@Component
class KervanUserDetailsService implements UserDetailsService {

	private final UserAccounts users;

	KervanUserDetailsService(UserAccounts users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByUsername(username.strip())
			.map(KervanPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}
}
