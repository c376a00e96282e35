package dev.kervan.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

class InventoryPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void aProductIsEnteredOnItsFormAndItsPageShowsStockPerWarehouse() {
		assertThat(browser.get("/products").status()).isEqualTo(200);
		assertThat(browser.get("/products/new").body()).contains("id=\"product-form\"");
		Response refused = browser.submit("/products/new", "/products", Map.of("code", "", "name", "Fırın", "barcodes", "8690000000013",
				"unit", "PCS", "tracking", "NONE", "kind", "GOOD", "stage", "ACTIVE", "currency", "TRY", "vatRate", "20"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-code-error", "f-barcodes-error");

		String code = Api.uniqueName("OVEN");
		Response created = browser.submit("/products/new", "/products", Map.of("code", code, "name", "Fırın <Mini>", "nameFa", "فر کوچک",
				"unit", "PCS", "tracking", "SERIAL", "kind", "GOOD", "stage", "ACTIVE", "currency", "TRY", "vatRate", "20",
				"salePrice", "4500"));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String page = created.header("Location").orElseThrow().replace(api.base(), "").replace("?created", "");
		long productId = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));

		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").substring(0, 8), "name", "Depo"))
			.bearer(admin).send().json().get("id").asLong();
		String serial = Api.uniqueName("SN");
		assertThat(api.post("/api/v1/stock-moves", Map.of("type", "RECEIPT", "warehouseId", warehouse, "lines", List.of(Map.of(
				"productId", productId, "quantity", "1", "serials", List.of(serial))))).bearer(admin).send().status()).isEqualTo(201);

		String html = browser.get(page).body();
		assertThat(html).contains("Fırın &lt;Mini&gt;", "id=\"stock-" + warehouse + "\"", "id=\"reserve-form\"", serial);
		Response reserved = browser.submit(page, "/inventory/reservations", Map.of("productId", String.valueOf(productId),
				"warehouseId", String.valueOf(warehouse), "quantity", "1", "reference", "Showroom", "serial", serial));
		assertThat(reserved.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("Showroom");
		assertThat(api.get("/api/v1/stock-levels?productId=" + productId + "&warehouseId=" + warehouse).bearer(admin).send().json()
			.get("items").get(0).get("available").asString()).isEqualTo("0");
		String persian = Api.uniqueName("fa");
		api.createUser(admin, persian, "fa", "SALESPERSON");
		assertThat(new Browserless(api.base()).loggedInAs(persian, Api.PASSWORD).get(page).body()).contains("dir=\"rtl\"", "فر کوچک",
				"موجودی");
		assertThat(browser.get("/inventory/serials?serial=" + serial).body()).contains("id=\"serial-status\"", "Reserved");
	}

	@Test
	void movesAreEnteredByCodeAndBadLinesAreShownBesideThemselves() {
		String code = Api.uniqueName("BOLT");
		String barcode = ean13();
		api.post("/api/v1/products", Map.of("code", code, "name", "Bolt", "barcodes", List.of(barcode),
				"minStock", "10", "maxStock", "100")).bearer(admin).send().json().get("id").asLong();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").substring(0, 8), "name", "Depo"))
			.bearer(admin).send().json().get("id").asLong();
		assertThat(browser.get("/inventory/moves/new?type=RECEIPT").body()).contains("id=\"scan\"", "id=\"move-lines\"");
		Response unknown = browser.submit("/inventory/moves/new", "/inventory/moves", Map.of("type", "RECEIPT", "warehouseId",
				String.valueOf(warehouse), "code", "NO-SUCH-THING", "quantity", "2"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("NO-SUCH-THING", "invalid-feedback");
		Response negative = browser.submit("/inventory/moves/new", "/inventory/moves", Map.of("type", "RECEIPT", "warehouseId",
				String.valueOf(warehouse), "code", code, "quantity", "-2"));
		assertThat(negative.status()).isEqualTo(422);
		Response posted = browser.submit("/inventory/moves/new", "/inventory/moves", Map.of("type", "RECEIPT", "warehouseId",
				String.valueOf(warehouse), "code", barcode, "quantity", "4"));
		assertThat(posted.status()).as(posted.body()).isEqualTo(302);
		String move = posted.header("Location").orElseThrow().replace(api.base(), "");
		assertThat(browser.get("/inventory/moves/new?type=ADJUSTMENT").body()).contains("id=\"f-counted\"");
		Response counted = browser.submit("/inventory/moves/new?type=ADJUSTMENT", "/inventory/moves", Map.of("type", "ADJUSTMENT",
				"warehouseId", String.valueOf(warehouse), "reason", "Shelf count", "counted", "true", "code", code, "quantity", "3"));
		assertThat(counted.status()).as(counted.body()).isEqualTo(302);
		assertThat(browser.get(move).body()).contains("id=\"move-posted\"", code);
		assertThat(browser.get("/inventory").body()).contains(code);
		long bolt = api.get("/api/v1/products?q=" + code).bearer(admin).send().json().get("items").get(0).get("id").asLong();
		assertThat(api.get("/api/v1/stock-levels?productId=" + bolt + "&warehouseId=" + warehouse).bearer(admin).send().json()
			.get("items").get(0).get("onHand").asString()).isEqualTo("3");
		assertThat(browser.get("/inventory/moves").body()).contains("id=\"move-list\"");
		assertThat(browser.get("/inventory/replenishment").body()).contains(code);
		Response export = browser.get("/inventory/replenishment/export?format=xlsx");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).contains("spreadsheetml");
		assertThat(browser.get("/inventory/warehouses").body()).contains("id=\"warehouse-form\"");
		assertThat(browser.submit("/inventory/warehouses", "/inventory/warehouses/" + warehouse + "/locations", Map.of("code", "RAF-A1"))
			.status()).isEqualTo(302);
		assertThat(browser.get("/inventory/warehouses").body()).contains("RAF-A1");
		assertThat(browser.get("/products/abc").status()).isEqualTo(400);
		assertThat(browser.get("/products/99999999").status()).isEqualTo(404);
		assertThat(browser.get("/price-lists/99999999").status()).isEqualTo(404);
		assertThat(browser.get("/inventory/moves/new?type=BOGUS").status()).isEqualTo(400);
		assertThat(browser.get("/inventory/moves/99999999").status()).isEqualTo(404);
		assertThat(browser.get("/inventory/serials?serial=%25%3Cb%3E").body()).contains("&lt;b&gt;").doesNotContain("<b>");
		assertThat(browser.get("/products?q=%3Cscript%3E").status()).isEqualTo(200);
	}

	@Test
	void aRefusedLineIsShownBesideItsOwnFieldsAndNothingIsPosted() {
		String bolt = Api.uniqueName("BOLT"), nut = Api.uniqueName("NUT");
		api.post("/api/v1/products", Map.of("code", bolt, "name", "Bolt")).bearer(admin).send();
		api.post("/api/v1/products", Map.of("code", nut, "name", "Nut")).bearer(admin).send();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").substring(0, 8), "name", "Depo"))
			.bearer(admin).send().json().get("id").asLong();
		String csrf = Browserless.csrfOf(browser.get("/inventory/moves/new?type=RECEIPT").body());

		// The blank second row is left out: the third row sent is the draft's lines[1].
		Response refused = browser.post("/inventory/moves", repeated("_csrf", csrf, "type", "RECEIPT", "warehouseId",
				String.valueOf(warehouse), "code", bolt, "quantity", "4", "unit", "", "code", "", "quantity", "", "unit", "",
				"code", nut, "quantity", "-2", "unit", "PARSEC"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-lines[1].quantity-error\"", "id=\"f-lines[1].unit-error\"", "PARSEC")
			.doesNotContain("id=\"f-lines[0].quantity-error\"", "id=\"f-lines[0].unit-error\"");

		Response unknown = browser.post("/inventory/moves", repeated("_csrf", csrf, "type", "RECEIPT", "warehouseId",
				String.valueOf(warehouse), "code", bolt, "quantity", "4", "code", "NO-SUCH-THING", "quantity", "1"));
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.body()).contains("id=\"f-lines[1].productId-error\"", "NO-SUCH-THING")
			.doesNotContain("id=\"f-lines[0].productId-error\"");

		long boltId = api.get("/api/v1/products?q=" + bolt).bearer(admin).send().json().get("items").get(0).get("id").asLong();
		assertThat(api.get("/api/v1/stock-levels?productId=" + boltId + "&warehouseId=" + warehouse).bearer(admin).send().json()
			.get("items").get(0).get("onHand").asString()).isEqualTo("0");
		assertThat(api.get("/api/v1/stock-moves?productId=" + boltId).bearer(admin).send().json().get("items")).isEmpty();
	}

	@Test
	void aCodeWithAControlCharacterIsRefusedBesideItsLineAndLooksNothingUp() {
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").substring(0, 8), "name", "Depo"))
			.bearer(admin).send().json().get("id").asLong();
		long movesBefore = jdbc.sql("select count(*) from stock_move").query(Long.class).single();
		Response refused = browser.submit("/inventory/moves/new", "/inventory/moves", Map.of("type", "RECEIPT", "warehouseId",
				String.valueOf(warehouse), "code", "BOLT\u0000", "quantity", "2"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-lines[0].productId-error\"");
		assertThat(browser.get("/inventory/lookup?code=BOLT%00").status()).isEqualTo(404);
		Response serial = browser.get("/inventory/serials?serial=SN%00");
		assertThat(serial.status()).isEqualTo(200);
		assertThat(serial.body()).contains("alert alert-warning");
		assertThat(jdbc.sql("select count(*) from stock_move").query(Long.class).single()).isEqualTo(movesBefore);
	}

	/** A form's fields in the order given, a name as often as it is given (the lines of a move repeat theirs). */
	private static Map<String, String> repeated(String... namesAndValues) {
		var fields = new java.util.LinkedHashSet<Map.Entry<String, String>>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			fields.add(new java.util.AbstractMap.SimpleImmutableEntry<>(namesAndValues[i], namesAndValues[i + 1]) {
				// Each field is one more entry, even with the name and value of an earlier one.
				@Override
				public boolean equals(Object other) {
					return this == other;
				}

				@Override
				public int hashCode() {
					return System.identityHashCode(this);
				}
			});
		}
		return new java.util.AbstractMap<>() {
			@Override
			public java.util.Set<Map.Entry<String, String>> entrySet() {
				return fields;
			}
		};
	}

	@Test
	void priceListsAreKeptAndCheckedOnTheirPages() {
		String code = Api.uniqueName("KETTLE");
		api.post("/api/v1/products", Map.of("code", code, "name", "Kettle", "salePrice", "100")).bearer(admin).send();
		String name = Api.uniqueName("Bayi");
		Response created = browser.submit("/price-lists", "/price-lists", Map.of("name", name, "currency", "TRY", "validFrom", "", "validTo", ""));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String page = created.header("Location").orElseThrow().replace(api.base(), "");
		Response rule = browser.submit(page, page + "/rules", Map.of("product", code, "categoryId", "", "type", "PERCENT_OFF",
				"value", "25", "minQuantity", "1", "validFrom", "", "version", "0"));
		assertThat(rule.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains(code);
		browser.submit(page, page + "/rules", Map.of("product", "NO-SUCH-CODE", "categoryId", "", "type", "FIXED", "value", "1",
				"minQuantity", "1", "validFrom", "", "version", "1"));
		assertThat(browser.get(page).body()).contains("NO-SUCH-CODE");
		assertThat(browser.get(page + "?product=" + code + "&quantity=2").body()).contains("id=\"quote\"", "75");
		long kettle = api.get("/api/v1/products?q=" + code).bearer(admin).send().json().get("items").get(0).get("id").asLong();
		assertThat(browser.get("/products/" + kettle + "?quantity=3").body()).contains("id=\"product-quote\"", "75");
		assertThat(browser.get("/products/" + kettle + "?quantity=abc").body()).contains("id=\"product-price-check\"")
			.doesNotContain("id=\"product-quote\"");
		assertThat(browser.get("/products/" + kettle + "?customerId=99999999").status()).isEqualTo(200);
		assertThat(browser.get("/price-lists").body()).contains(name);
		assertThat(browser.get(page + "?product=" + code + "&quantity=1e999999999").body()).contains("id=\"price-list-name\"");
		Response stale = browser.submit(page, page + "/rules", Map.of("product", code, "categoryId", "", "type", "FIXED",
				"value", "60", "minQuantity", "5", "validFrom", "", "version", "0"));
		assertThat(stale.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("id=\"price-list-problem\"");
		assertThat(api.get("/api/v1" + page).bearer(admin).send().json().get("rules")).hasSize(1);
		assertThat(browser.get("/products/settings").body()).contains("id=\"category-form\"", "BOX12");
	}

	/** A random EAN-13 with a right check digit, so no two runs share a barcode. */
	static String ean13() {
		String digits = "20" + String.valueOf(System.nanoTime() % 10_000_000_000L + 10_000_000_000L).substring(1);
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return digits + (10 - sum % 10) % 10;
	}
}
