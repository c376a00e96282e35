package dev.kervan.customers.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import dev.kervan.customers.internal.CustomerViews.ListItem;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Picker;
import dev.kervan.platform.SearchProvider;
import dev.kervan.platform.SearchProvider.SearchHit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

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

	/**
	 * Accounts, and the contacts through whom accounts were found: an account found by its own name, tax number,
	 * email, phone or city is listed as the account (those found by their name come first: the search ranks them so);
	 * one found by a contact's name or email is listed as that contact, with the account's name beside it.
	 */
	@Bean
	@Order(100)
	SearchProvider customerSearch(CustomerQueries queries, CurrentUsers users) {
		return (query, limit) -> {
			var user = users.find();
			if (user.isEmpty() || !user.get().hasAny(Role.internal().toArray(Role[]::new))) {
				return List.of();
			}
			List<ListItem> found = queries.page(new CustomerQueries.Filter(query, null, null, null, null, null, null, null, null),
					CustomerQueries.Sort.NAME, null, PageLimit.of(limit)).items();
			var words = Picker.words(query);
			var contacts = queries.contactsOf(found.stream()
				.filter(c -> !words.foundIn(c.name(), c.taxNumber(), c.email(), c.city(), String.join(" ", c.tags())))
				.map(ListItem::id)
				.toList());
			var accounts = new ArrayList<SearchHit>();
			var people = new ArrayList<SearchHit>();
			for (ListItem c : found) {
				var matching = contacts.getOrDefault(c.id(), List.of()).stream()
					.filter(contact -> words.foundIn(contact.name(), contact.email()))
					.toList();
				if (matching.isEmpty()) {
					accounts.add(new SearchHit("search.kind.customer", c.name(), joined(c.taxNumber(), c.city(), c.email()),
							"/customers/" + c.id()));
				}
				matching.forEach(contact -> people.add(new SearchHit("search.kind.contact", contact.name(),
						joined(c.name(), contact.jobTitle(), contact.email()), "/customers/" + c.id() + "?tab=contacts")));
			}
			var hits = new ArrayList<SearchHit>(accounts);
			hits.addAll(people);
			if (user.get().has(Role.SALESPERSON)) {
				hits.add(SearchHit.action("search.kind.create-customer", query,
						"/customers/new?name=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
			}
			return hits;
		};
	}

	private static String joined(@Nullable String... parts) {
		return String.join(" · ", Arrays.stream(parts).filter(part -> part != null && !part.isBlank()).toList());
	}
}
