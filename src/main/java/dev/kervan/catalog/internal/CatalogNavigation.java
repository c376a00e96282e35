package dev.kervan.catalog.internal;

import java.util.Set;

import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.SearchProvider;
import dev.kervan.platform.SearchProvider.SearchHit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Where the catalog appears in the shell: the sidebar, and products in the global search. */
@Configuration(proxyBeanMethods = false)
class CatalogNavigation {

	private static final Set<String> STAFF = Set.copyOf(Role.internal().stream().map(Role::name).toList());

	@Bean
	MenuEntry productsMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.products", "/products", "box-seam", 300, STAFF);
	}

	@Bean
	MenuEntry priceListsMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.price-lists", "/price-lists", "tags", 310, STAFF);
	}

	@Bean
	MenuEntry catalogSettingsMenuEntry() {
		return new MenuEntry("menu.section.admin", "menu.catalog-settings", "/products/settings", "sliders", 908,
				Set.of(Role.ADMIN.name(), Role.SALES_MANAGER.name(), Role.PURCHASING.name(), Role.WAREHOUSE.name()));
	}

	@Bean
	@Order(300)
	SearchProvider productSearch(Products products, CurrentUsers users) {
		return (query, limit) -> {
			var user = users.find();
			if (user.isEmpty() || !user.get().hasAny(Role.internal().toArray(Role[]::new))) {
				return java.util.List.of();
			}
			String language = org.springframework.context.i18n.LocaleContextHolder.getLocale().getLanguage();
			return products.list(new Products.Filter(query, null, null, null, null), null, PageLimit.of(limit))
				.items()
				.stream()
				.map(p -> new SearchHit("search.kind.product", p.name(language), p.code() + (p.brand() == null ? "" : " · " + p.brand()),
						"/products/" + p.id()))
				.toList();
		};
	}
}
