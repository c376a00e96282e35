package dev.kervan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

/** The product and price list forms refuse the one way pages refuse: beside the field with 422, a conflict with 409. */
class ProductPagesIntegrationTests extends PageIntegrationTest {

	private Map<String, String> productForm(String code, String name, String version) {
		var fields = new HashMap<>(Map.of("code", code, "name", name, "unit", "PCS", "tracking", "NONE", "kind", "GOOD",
				"stage", "ACTIVE", "currency", "TRY", "vatRate", "20", "version", version));
		return fields;
	}

	@Test
	void aRefusedProductChangeShowsEachMessageBesideItsFieldWith422AndChangesNothing() {
		String code = Api.uniqueName("FIELD");
		long id = api.post("/api/v1/products", Map.of("code", code, "name", "Ütü")).bearer(admin).send().json().get("id").asLong();
		String page = "/products/" + id;

		var fields = productForm(code, "", "0");
		fields.put("vatRate", "120");
		Response refused = browser.submit(page + "/edit", page, fields);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-name-error\"", "id=\"f-vatRate-error\"", "is-invalid", "value=\"120\"");

		var unreadable = productForm(code, "Ütü", "0");
		unreadable.put("vatRate", "ten");
		Response notANumber = browser.submit(page + "/edit", page, unreadable);

		assertThat(notANumber.status()).isEqualTo(422);
		assertThat(notANumber.body()).contains("id=\"f-vatRate-error\"", "is-invalid", "value=\"ten\"");
		assertThat(api.get("/api/v1/products/" + id).bearer(admin).send().json().get("version").asLong()).isZero();
	}

	@Test
	void aStaleProductFormShowsTheConflictAboveTheFormWith409AndChangesNothing() {
		String code = Api.uniqueName("STALE");
		long id = api.post("/api/v1/products", Map.of("code", code, "name", "Ütü")).bearer(admin).send().json().get("id").asLong();
		String page = "/products/" + id;
		assertThat(browser.submit(page + "/edit", page, productForm(code, "Buharlı ütü", "0")).status()).isEqualTo(302);

		Response stale = browser.submit(page + "/edit", page, productForm(code, "Kuru ütü", "0"));

		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.body()).contains("alert-danger", "Somebody changed this product", "value=\"Kuru ütü\"");
		var product = api.get("/api/v1/products/" + id).bearer(admin).send().json();
		assertThat(product.get("name").asString()).isEqualTo("Buharlı ütü");
		assertThat(product.get("version").asLong()).isEqualTo(1);
	}

	@Test
	void aRefusedPriceListShowsItsMessagesBesideTheFieldsWith422() {
		Response refused = browser.submit("/price-lists", "/price-lists", Map.of("name", "", "currency", "TRY"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-name-error\"", "Required.");
	}

	@Test
	void aSmallFormOnAProductPageGoesBackToItAndSaysWhyItWasRefused() {
		String code = Api.uniqueName("PART");
		long id = api.post("/api/v1/products", Map.of("code", code, "name", "Ütü")).bearer(admin).send().json().get("id").asLong();
		String page = "/products/" + id;

		Response refused = browser.submit(page, page + "/links", Map.of("productId", "", "kind", "ALTERNATIVE"));

		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.header("Location").orElseThrow()).endsWith(page + "#links");
		assertThat(browser.get(page).body()).contains("id=\"product-problem\"", "Product: Required.");
		assertThat(browser.get(page).body()).doesNotContain("id=\"product-problem\"");
	}

	@Test
	void theFilterBarGetsTheListAloneAndThePageKeepsItsFilters() {
		String code = Api.uniqueName("LIST");
		api.post("/api/v1/products", Map.of("code", code, "name", "Liste ürünü")).bearer(admin).send();

		Response list = browser.getFragment("/products?q=" + code + "&stage=ACTIVE", "product-list");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).startsWith("<section id=\"product-list\"").contains(code).doesNotContain("<html", "kervan-filters");
		assertThat(browser.get("/products?q=" + code + "&stage=ACTIVE").body())
			.contains("<html", "id=\"product-list\"", code, "href=\"/products/export?q=" + code + "&amp;stage=ACTIVE&amp;format=xlsx\"");
	}

	@Test
	void aPriceListPageSaysWhatACustomerPaysOrWhyItCannot() {
		String code = Api.uniqueName("CHECK");
		api.post("/api/v1/products", Map.of("code", code, "name", "Ütü", "salePrice", "150.00")).bearer(admin).send();
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Check list"), "currency", "TRY"))
			.bearer(admin).send().json().get("id").asLong();
		String page = "/price-lists/" + list;

		assertThat(browser.get(page + "?product=" + code + "&quantity=2").body()).contains("id=\"quote\"", "Unit price")
			.doesNotContain("id=\"price-list-problem\"");
		assertThat(browser.get(page + "?product=NO-SUCH-" + code).body())
			.contains("id=\"price-list-problem\"", "No product has the code or barcode NO-SUCH-" + code).doesNotContain("id=\"quote\"");
		assertThat(browser.get(page + "?product=" + code + "&quantity=0.00001").body())
			.contains("id=\"price-list-problem\"", "A quantity has at most four decimals")
			.containsPattern("id=\"q-quantity\"\\s+name=\"quantity\" value=\"0.00001\"")
			.doesNotContain("id=\"quote\"");
	}
}
