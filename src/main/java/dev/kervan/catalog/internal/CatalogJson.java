package dev.kervan.catalog.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.kervan.catalog.Tracking;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;

/**
 * How the catalog's choices read in commands: by name in any case ({@code serial}, {@code Serial}), as people type them
 * in forms and spreadsheets and as the API has always taken them, and a blank one as none (the usual value).
 */
@Configuration(proxyBeanMethods = false)
class CatalogJson {

	private static final List<Class<? extends Enum<?>>> CHOICES = List.of(ProductKind.class, ProductStage.class,
			WarrantyUnit.class, Tracking.class, PriceLists.RuleType.class);

	@Bean
	JsonMapperBuilderCustomizer catalogChoicesInAnyCase() {
		return builder -> CHOICES.forEach(choice -> builder
			.withConfigOverride(choice,
					override -> override.setFormat(JsonFormat.Value.empty()
						.withFeature(JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES)))
			.withCoercionConfig(choice, coercion -> coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull)));
	}
}
