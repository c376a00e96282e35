package dev.kervan.inventory.web;

import java.util.Map;

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

	@Bean
	ProductPanel stockPanel(StockLevels levels, Reservations reservations, StockLedger ledger, InventoryPolicy policy) {
		return new ProductPanel() {

			@Override
			public int order() {
				return 10;
			}

			@Override
			public String titleKey() {
				return "inventory.panel.stock";
			}

			@Override
			public String template() {
				return "inventory/panels";
			}

			@Override
			public String fragment() {
				return "stock";
			}

			@Override
			public Map<String, Object> model(ProductFacts product) {
				if (product.service()) {
					return Map.of();
				}
				return Map.of("productId", product.id(), "levels", levels.list(product.id(), null, null, PageLimit.of(null)).items(),
						"lots", product.tracking() == Tracking.LOT ? levels.lots(product.id()) : java.util.List.of(),
						"reservations", reservations.list(product.id(), null, Reservations.Status.ACTIVE, 50),
						"moves", ledger.list(product.id(), null, null, null, PageLimit.of(10)).items(), "mayReserve",
						policy.mayReserve(), "serialTracked", product.tracking() == Tracking.SERIAL);
			}
		};
	}

	@Bean
	ProductPanel serialPanel(SerialNumbers serials) {
		return new ProductPanel() {

			@Override
			public int order() {
				return 20;
			}

			@Override
			public String titleKey() {
				return "inventory.panel.serials";
			}

			@Override
			public String template() {
				return "inventory/panels";
			}

			@Override
			public String fragment() {
				return "serials";
			}

			@Override
			public Map<String, Object> model(ProductFacts product) {
				if (product.tracking() != Tracking.SERIAL) {
					return Map.of();
				}
				return Map.of("productId", product.id(), "serials", serials.list(product.id(), null, null, 200));
			}
		};
	}
}
