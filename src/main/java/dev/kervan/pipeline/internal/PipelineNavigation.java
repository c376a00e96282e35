package dev.kervan.pipeline.internal;

import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.platform.MenuEntry;
import dev.kervan.platform.SearchProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Where the pipeline appears in the shell: the sidebar, and opportunities and leads in the global search. */
@Configuration(proxyBeanMethods = false)
class PipelineNavigation {

	@Bean
	MenuEntry pipelineMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.pipeline", "/pipeline", "kanban", 200,
				Set.of(Role.SALESPERSON.name(), Role.SALES_MANAGER.name(), Role.ADMIN.name()));
	}

	@Bean
	MenuEntry pipelineSettingsMenuEntry() {
		return new MenuEntry("menu.section.admin", "menu.pipeline-settings", "/pipeline/settings", "sliders", 906,
				Set.of(Role.SALES_MANAGER.name(), Role.ADMIN.name()));
	}

	@Bean
	MenuEntry leadsMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.leads", "/pipeline/leads", "person-plus", 190,
				Set.of(Role.SALESPERSON.name(), Role.SALES_MANAGER.name(), Role.MARKETING.name(), Role.ADMIN.name()));
	}

	@Bean
	MenuEntry pipelineStatisticsMenuEntry() {
		return new MenuEntry("menu.section.main", "menu.pipeline-stats", "/pipeline/stats", "bar-chart", 210,
				Set.of(Role.SALESPERSON.name(), Role.SALES_MANAGER.name(), Role.ADMIN.name()));
	}

	@Bean
	@Order(200)
	SearchProvider opportunitySearch(PipelineSearch search) {
		return search::opportunities;
	}

	@Bean
	@Order(210)
	SearchProvider leadSearch(PipelineSearch search) {
		return search::leads;
	}
}
