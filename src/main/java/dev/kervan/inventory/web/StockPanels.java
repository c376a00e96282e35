package dev.kervan.inventory.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.kervan.catalog.ProductFacts;
import dev.kervan.catalog.ProductPanel;
import dev.kervan.catalog.Tracking;
import dev.kervan.inventory.internal.InventoryPolicy;
import dev.kervan.inventory.internal.Reservations;
import dev.kervan.inventory.internal.SerialNumbers;
import dev.kervan.inventory.internal.StockLedger;
import dev.kervan.inventory.internal.StockLevels;
import dev.kervan.platform.PageLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What inventory adds to the product page: the stock per warehouse with its reservations, and the serial numbers. */
@Configuration(proxyBeanMethods = false)
class StockPanels {

	/** A panel of {@code inventory/panels}: its tab, its fragment, and the model the fragment reads. */
	private record Panel(int order, String titleKey, String fragment, Function<ProductFacts, Map<String, Object>> models)
			implements ProductPanel {

		@Override
		public String template() {
			return "inventory/panels";
		}

		@Override
		public Map<String, Object> model(ProductFacts product) {
			return models.apply(product);
		}
	}

	@Bean
	ProductPanel stockPanel(StockLevels levels, Reservations reservations, StockLedger ledger, InventoryPolicy policy) {
		return new Panel(10, "inventory.panel.stock", "stock", product -> product.service() ? Map.of()
				: Map.of("productId", product.id(), "levels", levels.list(product.id(), null, null, PageLimit.of(null)).items(),
						"lots", product.tracking() == Tracking.LOT ? levels.lots(product.id()) : List.of(),
						"reservations", reservations.list(product.id(), null, Reservations.Status.ACTIVE, 50),
						"moves", ledger.list(product.id(), null, null, null, PageLimit.of(10)).items(), "mayReserve",
						policy.mayReserve(), "serialTracked", product.tracking() == Tracking.SERIAL));
	}

	@Bean
	ProductPanel serialPanel(SerialNumbers serials) {
		return new Panel(20, "inventory.panel.serials", "serials", product -> product.tracking() != Tracking.SERIAL ? Map.of()
				: Map.of("productId", product.id(), "serials", serials.list(product.id(), null, null, 200)));
	}
}
