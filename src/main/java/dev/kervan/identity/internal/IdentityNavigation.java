package dev.kervan.identity.internal;

import java.util.List;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import dev.kervan.platform.SearchProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;

/** Where users appear in the shell: the admin menu, and the global search for administrators. */
@Configuration(proxyBeanMethods = false)
class IdentityNavigation {

	@Bean
	MenuEntry usersMenuEntry() {
		return new MenuEntry("menu.section.admin", "menu.users", "/admin/users", "people", 900, Set.of(Role.ADMIN.name()));
	}

	@Bean
	@Order(900)
	SearchProvider userSearch(UserQueries queries) {
		return (query, limit) -> {
			var authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean admin = authentication != null && authentication.getAuthorities()
				.stream()
				.anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
			if (!admin) {
				return List.of();
			}
			return queries
				.page(new UserQueries.Filter(query, null, null), UserQueries.Sort.NAME, null,
						dev.kervan.platform.PageLimit.of(limit))
				.items()
				.stream()
				.map(user -> new SearchProvider.SearchHit("search.kind.user", user.displayName(),
						user.username() + (user.email() == null ? "" : " · " + user.email()), "/admin/users/" + user.id()))
				.toList();
		};
	}
}
