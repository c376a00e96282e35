package dev.kervan.customers.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.SearchProvider;
import dev.kervan.platform.SearchProvider.SearchHit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where accounts appear in the shell: the sidebar, and the global search with its quick-create. */
@Configuration(proxyBeanMethods = false)
class CustomerNavigation {

	private static final Set<String> STAFF = Set.copyOf(Role.internal().stream().map(Role::name).toList());

	@Bean
	MenuEntry customersMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.customers", "/customers", "buildings", 100, STAFF);
	}

	@Bean
	MenuEntry customerSettingsMenuEntry() {
		return new MenuEntry("menu.section.admin", "menu.customer-settings", "/admin/customer-settings", "sliders", 905,
				Set.of(Role.ADMIN.name()));
	}

	@Bean
	SearchProvider customerSearch(CustomerQueries queries, CurrentUsers users) {
		return (query, limit) -> {
			var user = users.find();
			if (user.isEmpty() || !user.get().hasAny(Role.internal().toArray(Role[]::new))) {
				return List.of();
			}
			var hits = new ArrayList<SearchHit>();
			queries.page(new CustomerQueries.Filter(query, null, null, null, null, null, null, null, null),
					CustomerQueries.Sort.NAME, null, PageLimit.of(limit))
				.items()
				.forEach(c -> hits.add(new SearchHit("search.kind.customer", c.name(), String.join(" · ",
						List.of(c.taxNumber() == null ? "" : c.taxNumber(), c.city() == null ? "" : c.city(),
								c.email() == null ? "" : c.email())
							.stream()
							.filter(s -> !s.isEmpty())
							.toList()),
						"/customers/" + c.id())));
			if (user.get().has(Role.SALESPERSON)) {
				hits.add(SearchHit.action("search.kind.create-customer", query,
						"/customers/new?name=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
			}
			return hits;
		};
	}
}
