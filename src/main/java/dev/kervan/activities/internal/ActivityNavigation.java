package dev.kervan.activities.internal;

import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where activities appear in the shell. */
@Configuration(proxyBeanMethods = false)
class ActivityNavigation {

	@Bean
	MenuEntry myDayMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.my-day", "/activities/today", "calendar-check", 50,
				Set.copyOf(Role.internal().stream().map(Role::name).toList()));
	}

	@Bean
	MenuEntry activityTypesMenuEntry() {
		return new MenuEntry("menu.section.admin", "menu.activity-types", "/activities/types", "list-check", 907,
				Set.of(Role.ADMIN.name()));
	}

	@Bean
	MenuEntry calendarMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.calendar", "/calendar", "calendar3", 60,
				Set.copyOf(Role.internal().stream().map(Role::name).toList()));
	}
}
