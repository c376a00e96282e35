package dev.kervan.inventory.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.platform.MenuEntry;
import dev.kervan.platform.SearchProvider;
import dev.kervan.platform.SearchProvider.SearchHit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Where inventory appears in the shell: the sidebar, and serial numbers in the global search. */
@Configuration(proxyBeanMethods = false)
class InventoryNavigation {

	private static final Set<String> STAFF = Set.copyOf(Role.internal().stream().map(Role::name).toList());

	@Bean
	MenuEntry inventoryMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.inventory", "/inventory", "boxes", 320, STAFF);
	}

	@Bean
	MenuEntry stockMovesMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.stock-moves", "/inventory/moves", "arrow-left-right", 330, STAFF);
	}

	@Bean
	MenuEntry replenishmentMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.replenishment", "/inventory/replenishment", "cart-plus", 340, STAFF);
	}

	/** Serial numbers, for staff, who all see stock. */
	@Bean
	@Order(320)
	SearchProvider serialSearch(SerialNumbers serials, CurrentUsers users) {
		return (query, limit) -> {
			if (!users.find().map(user -> user.isStaff()).orElse(false)) {
				return List.of();
			}
			return serials.startingWith(query, limit)
				.stream()
				.map(found -> new SearchHit("search.kind.serial", found.serial(), found.productCode() + " · " + found.productName(),
						"/inventory/serials?serial=" + URLEncoder.encode(found.serial(), StandardCharsets.UTF_8) + "&productId="
								+ found.productId()))
				.toList();
		};
	}
}
