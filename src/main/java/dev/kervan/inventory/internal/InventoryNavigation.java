package dev.kervan.inventory.internal;

import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where inventory appears in the sidebar. */
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
}
