package dev.kervan.platform;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's own sidebar links.
 */
@Configuration(proxyBeanMethods = false)
class PlatformMenu {

	@Bean
	MenuEntry homeMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.home", "/", "house", 0, Set.of());
	}

	@Bean
	MenuEntry apiDocsMenuEntry() {
		return new MenuEntry("menu.section.admin", "menu.api-docs", "/swagger-ui/index.html", "braces", 910,
				Set.of("ADMIN"), true);
	}
}
