package dev.kervan.catalog;

import static dev.kervan.support.PickerAnswers.encode;
import static dev.kervan.support.PickerAnswers.ids;
import static dev.kervan.support.PickerAnswers.pick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The product, product category and price list pickers' sources. */
class CatalogPickersIntegrationTests extends PageIntegrationTest {

	@Test
	void aProductIsFoundByItsCodeItsNameInAnyLanguageOrItsBarcodeAndShownByCodeAndName() {
		String code = Api.uniqueName("LMP");
		String barcode = ean13();
		long lamp = product(code, "Işıklı Ayna", Map.of("names", Map.of("fa", "آینهٔ کوچک"), "barcodes", List.of(barcode),
				"brand", "Parlak"));

		assertThat(ids(pick(browser, "/pick/products?q=" + code))).containsExactly(lamp);
		assertThat(ids(pick(browser, "/pick/products?q=" + encode(code + " isikli ayna")))).containsExactly(lamp);
		assertThat(ids(pick(browser, "/pick/products?q=" + encode(code + " آينه")))).containsExactly(lamp);
		JsonNode byBarcode = pick(browser, "/pick/products?q=" + barcode).get("matches");
		assertThat(ids(pick(browser, "/pick/products?q=" + barcode))).containsExactly(lamp);
		assertThat(byBarcode.get(0).get("label").asString()).isEqualTo(code + " · Işıklı Ayna");
		assertThat(byBarcode.get(0).get("detail").asString()).isEqualTo(barcode + " · Parlak");
	}

	@Test
	void inactiveProductsAreNotOfferedAndASourceAnswersTenAtMostInCodeOrder() {
		String code = Api.uniqueName("BLK");
		var made = new ArrayList<Long>();
		for (int i = 0; i < 12; i++) {
			made.add(product(code + "-" + String.format("%02d", i), "Toplu ürün", Map.of()));
		}
		long retired = product(code + "-00-OLD", "Eski ürün", Map.of("active", false));

		List<Long> found = ids(pick(browser, "/pick/products?q=" + code));

		assertThat(found).containsExactlyElementsOf(made.subList(0, 10)).doesNotContain(retired);
	}

	@Test
	void categoriesAreFoundByTheirPathAndPriceListsByNameWhileActive() {
		String word = Api.uniqueName("cat");
		long parent = api.post("/api/v1/product-categories", Map.of("name", "Beyaz Eşya " + word)).bearer(admin).send().json()
			.get("id").asLong();
		long child = api.post("/api/v1/product-categories", Map.of("name", "Buzdolabı", "parentId", parent)).bearer(admin).send()
			.json().get("id").asLong();
		long active = priceList("Bayi İndirimi " + word, true);
		long inactive = priceList("Eski Bayi " + word, false);

		assertThat(ids(pick(browser, "/pick/product-categories?q=" + encode("esya " + word)))).containsExactly(parent, child);
		assertThat(ids(pick(browser, "/pick/product-categories?q=" + encode(word + " buzdolabi")))).containsExactly(child);
		assertThat(pick(browser, "/pick/product-categories?q=" + encode(word + " buzdolabi")).get("matches").get(0).get("label").asString())
			.isEqualTo("Beyaz Eşya " + word + " / Buzdolabı");
		assertThat(ids(pick(browser, "/pick/price-lists?q=" + encode("bayi " + word)))).containsExactly(active).doesNotContain(inactive);
		assertThat(pick(browser, "/pick/price-lists?q=" + encode("bayi indirimi " + word)).get("matches").get(0).get("detail").asString())
			.isEqualTo("TRY");
	}

	@Test
	void aPortalUserIsRefusedTheCatalogsSources() {
		String portal = Api.uniqueName("portal");
		api.createUser(admin, portal, "en", "PORTAL");
		Browserless outsider = new Browserless(api.base()).loggedInAs(portal, Api.PASSWORD);
		for (String source : List.of("/pick/products", "/pick/product-categories", "/pick/price-lists")) {
			Response refused = outsider.getJson(source);
			assertThat(refused.status()).as(source).isEqualTo(403);
			assertThat(refused.body()).as(source).doesNotContain("\"matches\"");
		}
	}

	private long product(String code, String name, Map<String, Object> extra) {
		var body = new HashMap<String, Object>(extra);
		body.put("code", code);
		body.put("name", name);
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long priceList(String name, boolean active) {
		Response created = api.post("/api/v1/price-lists", Map.of("name", name, "currency", "TRY", "active", active))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** An EAN-13 no other test uses, with its GS1 check digit. */
	private static String ean13() {
		String digits = "29" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L));
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
		}
		return digits + (10 - sum % 10) % 10;
	}
}
