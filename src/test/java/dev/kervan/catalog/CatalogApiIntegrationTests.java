package dev.kervan.catalog;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogApiIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void aProductIsEnteredWithDefaultsAndFoundByNameCodeOrBarcode() {
		String code = Api.uniqueName("WM");
		Response created = api.post("/api/v1/products", Map.of("code", code, "name", "Çamaşır Makinesi 9 kg", "names",
				Map.of("fa", "ماشین لباسشویی"), "tracking", "SERIAL", "barcodes", List.of("8690000000012"), "salePrice", "24999.90",
				"minStock", "2", "maxStock", "20", "warrantyLength", 2, "warrantyUnit", "YEARS")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode product = created.json();
		assertThat(product.get("unitCode").asString()).isEqualTo("PCS");
		assertThat(product.get("salePrice").asString()).isEqualTo("24999.90");
		assertThat(product.get("minStock").asString()).isEqualTo("2");
		assertThat(product.get("tracking").asString()).isEqualTo("SERIAL");
		assertThat(product.get("stage").asString()).isEqualTo("ACTIVE");

		assertThat(codes("camasir makinesi")).contains(code);
		assertThat(codes("ÇAMAŞIR")).contains(code);
		assertThat(codes("لباسشویی")).contains(code);
		assertThat(codes("8690000000012")).containsExactly(code);
		assertThat(codes(code.toLowerCase())).containsExactly(code);
		assertThat(codes("%%")).isEmpty();

		Response translated = api.post("/api/v1/products", Map.of("code", Api.uniqueName("T"), "name", Map.of("tr", "Su ısıtıcı",
				"en", "Kettle", "fa", "کتری"))).bearer(admin).send();
		assertThat(translated.status()).as(translated.body()).isEqualTo(201);
		assertThat(translated.json().get("name").asString()).isEqualTo("Kettle");
		assertThat(translated.json().get("names").get("tr").asString()).isEqualTo("Su ısıtıcı");
		assertThat(translated.json().get("names").get("fa").asString()).isEqualTo("کتری");
	}

	@Test
	void badBarcodesDuplicatesAndOddValuesAreRefusedAndChangeNothing() {
		String code = Api.uniqueName("X");
		Response badCheckDigit = api.post("/api/v1/products", Map.of("code", code, "name", "Kettle", "barcodes",
				List.of("8690000000013"))).bearer(admin).send();
		assertProblem(badCheckDigit, 400, "error.validation");
		assertThat(badCheckDigit.body()).contains("barcodes");
		assertThat(codes(code)).isEmpty();

		assertThat(api.post("/api/v1/products", Map.of("code", code, "name", "Kettle", "barcodes", List.of("4006381333931")))
			.bearer(admin).send().status()).isEqualTo(201);
		assertProblem(api.post("/api/v1/products", Map.of("code", code.toLowerCase(), "name", "Other")).bearer(admin).send(), 409,
				"error.product.code-taken");
		assertProblem(api.post("/api/v1/products", Map.of("code", Api.uniqueName("Y"), "name", "Other", "barcodes",
				List.of("4006381333931"))).bearer(admin).send(), 400, "error.validation");
		String oddCode = Api.uniqueName("Z");
		Response odd = api.post("/api/v1/products", Map.of("code", oddCode, "name", "Odd", "unit", "FURLONG", "minStock", "-1",
				"maxStock", "-2", "vatRate", "120", "salePrice", "-5")).bearer(admin).send();
		assertProblem(odd, 400, "error.validation");
		assertThat(odd.json().get("errors")).extracting(error -> error.get("field").asString())
			.as("one answer names every value the checks refuse")
			.contains("unit", "minStock", "maxStock", "vatRate", "salePrice");
		// A value that cannot be read as its field's type is refused as the request is read, before the checks.
		for (var unreadable : List.of(Map.of("maxStock", "abc"), Map.of("tracking", "MAGIC"), Map.of("colour", "red"))) {
			var body = new HashMap<String, Object>(Map.of("code", oddCode, "name", "Odd"));
			body.putAll(unreadable);
			Response refused = api.post("/api/v1/products", body).bearer(admin).send();
			assertProblem(refused, 400, "error.validation");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo(unreadable.keySet().iterator().next());
		}
		assertThat(codes(oddCode)).isEmpty();
		assertProblem(api.post("/api/v1/products", Map.of("code", Api.uniqueName("S"), "name", "Installation", "kind",
				"SERVICE", "tracking", "SERIAL")).bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void aProductAsAnsweredMayBeSentBackAsItsChangeAndItsChoicesAreReadInAnyCase() {
		long id = product(Map.of("name", "Blender", "kind", "good", "tracking", "lot", "stage", "Test", "warrantyLength", 2,
				"warrantyUnit", "years"));
		JsonNode product = api.get("/api/v1/products/" + id).bearer(admin).send().json();
		assertThat(product.get("tracking").asString()).isEqualTo("LOT");
		assertThat(product.get("stage").asString()).isEqualTo("TEST");
		assertThat(product.get("warrantyUnit").asString()).isEqualTo("YEARS");

		var sentBack = (tools.jackson.databind.node.ObjectNode) product.deepCopy();
		sentBack.put("name", "Blender 2");
		Response changed = api.patch("/api/v1/products/" + id, sentBack).bearer(admin).send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("name").asString()).isEqualTo("Blender 2");
		assertThat(changed.json().get("tracking").asString()).isEqualTo("LOT");
		assertThat(changed.json().get("version").asLong()).isEqualTo(1);

		Response unknown = api.patch("/api/v1/products/" + id, Map.of("version", 1, "colour", "red")).bearer(admin).send();
		assertProblem(unknown, 400, "error.validation");
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("colour");
		assertThat(api.get("/api/v1/products/" + id).bearer(admin).send().json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void aRefusedPriceRuleIsNamedByItsPlaceInTheListAndChangesNothing() {
		long product = product(Map.of("name", "Mixer", "salePrice", "100"));
		String name = Api.uniqueName("Placed");
		var good = Map.of("productId", product, "type", "FIXED", "value", "90");
		Response outOfRange = api.post("/api/v1/price-lists", Map.of("name", name, "currency", "TRY", "rules", List.of(good,
				Map.of("productId", product, "type", "percent_off", "value", "150", "minQuantity", "5")))).bearer(admin).send();
		assertProblem(outOfRange, 400, "error.validation");
		assertThat(outOfRange.json().get("errors")).extracting(error -> error.get("field").asString())
			.containsExactly("rules[1].value");
		Response unreadable = api.post("/api/v1/price-lists", Map.of("name", name, "currency", "TRY", "rules", List.of(good,
				Map.of("productId", product, "type", "FIXED", "value", "ninety")))).bearer(admin).send();
		assertProblem(unreadable, 400, "error.validation");
		assertThat(unreadable.json().get("errors").get(0).get("field").asString()).isEqualTo("rules[1].value");
		assertThat(api.get("/api/v1/price-lists").bearer(admin).send().body()).doesNotContain(name);

		long list = api.post("/api/v1/price-lists", Map.of("name", name, "currency", "TRY", "rules", List.of(good)))
			.bearer(admin).send().json().get("id").asLong();
		Response changed = api.patch("/api/v1/price-lists/" + list, Map.of("version", 0, "rules", List.of(good,
				Map.of("categoryId", 99999999, "type", "FIXED", "value", "1")))).bearer(admin).send();
		assertProblem(changed, 400, "error.validation");
		assertThat(changed.json().get("errors").get(0).get("field").asString()).isEqualTo("rules[1].categoryId");
		JsonNode unchanged = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json();
		assertThat(unchanged.get("version").asLong()).isZero();
		assertThat(unchanged.get("rules")).hasSize(1);
	}

	@Test
	void supplierTermsNotSentStayAsTheyWere() {
		long product = product(Map.of("name", "Pump"));
		long supplier = customer(Map.of("roles", List.of("SUPPLIER")));
		String purchasing = api.userWithRoles(admin, "PURCHASING");
		String path = "/api/v1/products/" + product + "/suppliers";
		Response first = api.post(path, Map.of("supplierId", supplier, "price", "10", "currency", "EUR", "leadDays", 5))
			.bearer(purchasing).send();
		assertThat(first.status()).as(first.body()).isEqualTo(200);

		JsonNode terms = api.post(path, Map.of("supplierId", supplier, "minQuantity", "3")).bearer(purchasing).send().json();
		assertThat(terms.get("price").asString()).isEqualTo("10.00");
		assertThat(terms.get("currency").asString()).isEqualTo("EUR");
		assertThat(terms.get("leadDays").asInt()).isEqualTo(5);
		assertThat(terms.get("minQuantity").asString()).isEqualTo("3");

		var withoutPrice = new HashMap<String, Object>(Map.of("supplierId", supplier));
		withoutPrice.put("price", null);
		JsonNode cleared = api.post(path, withoutPrice).bearer(purchasing).send().json();
		assertThat(cleared.path("price").isNull() || cleared.path("price").isMissingNode()).as("a price sent as null is cleared")
			.isTrue();
		assertThat(cleared.get("leadDays").asInt()).isEqualTo(5);
		assertProblem(api.post(path, Map.of("supplierId", supplier, "leadDays", 9999)).bearer(purchasing).send(), 400,
				"error.validation");
		assertThat(api.get(path).bearer(admin).send().json().get("items").get(0).get("leadDays").asInt()).isEqualTo(5);
	}

	@Test
	void aCategoryIsRenamedAgainstTheVersionRead() {
		JsonNode category = api.post("/api/v1/product-categories", Map.of("name", Api.uniqueName("Ovens"))).bearer(admin).send()
			.json();
		String path = "/api/v1/product-categories/" + category.get("id").asLong();
		assertProblem(api.patch(path, Map.of("name", "Nameless")).bearer(admin).send(), 428, "error.version.required");

		var sentBack = (tools.jackson.databind.node.ObjectNode) category.deepCopy();
		sentBack.remove("parentId");
		sentBack.put("name", category.get("name").asString() + " and grills");
		Response renamed = api.patch(path, sentBack).bearer(admin).send();
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("path").asString()).endsWith(" and grills");
		assertThat(api.patch(path, Map.of("name", "Stale", "version", 0)).bearer(admin).send().status()).isEqualTo(409);
		assertThat(api.get(path).bearer(admin).send().json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void variantsAreGeneratedFromAttributesAndAlternativesWorkBothWays() {
		Response colour = api.post("/api/v1/attributes", Map.of("name", Api.uniqueName("Colour"), "values",
				List.of("Red", "Blue", "Black"))).bearer(admin).send();
		assertThat(colour.status()).as(colour.body()).isEqualTo(201);
		Response size = api.post("/api/v1/attributes", Map.of("name", Api.uniqueName("Size"), "values", List.of("S", "M")))
			.bearer(admin).send();
		long shirt = product(Map.of("name", "Shirt"));
		Response variants = api.post("/api/v1/products/" + shirt + "/variants", Map.of("attributes", List.of(
				Map.of("attributeId", colour.json().get("id").asLong(), "values", List.of("Red", "Blue")),
				Map.of("attributeId", size.json().get("id").asLong(), "values", List.of("S", "M"))))).bearer(admin).send();
		assertThat(variants.status()).as(variants.body()).isEqualTo(201);
		assertThat(variants.json().get("items")).hasSize(4);
		assertThat(variants.json().get("items").get(0).get("variantOfId").asLong()).isEqualTo(shirt);
		Response again = api.post("/api/v1/products/" + shirt + "/variants", Map.of("attributes", List.of(
				Map.of("attributeId", colour.json().get("id").asLong(), "values", List.of("Red", "Black"))))).bearer(admin).send();
		assertThat(again.status()).isEqualTo(201);
		assertProblem(api.post("/api/v1/products/" + shirt + "/variants", Map.of("attributes", List.of(
				Map.of("attributeId", colour.json().get("id").asLong(), "values", List.of("Purple"))))).bearer(admin).send(), 400,
				"error.validation");

		long other = product(Map.of("name", "Shirt by another maker"));
		assertThat(api.post("/api/v1/products/" + shirt + "/links", Map.of("productId", other, "kind", "ALTERNATIVE"))
			.bearer(admin).send().status()).isEqualTo(200);
		JsonNode back = api.get("/api/v1/products/" + other + "/links").bearer(admin).send().json().get("items");
		assertThat(back).extracting(l -> l.get("productId").asLong()).containsExactly(shirt);
		assertProblem(api.post("/api/v1/products/" + shirt + "/links", Map.of("productId", shirt, "kind", "ALTERNATIVE"))
			.bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void competitorPricesAreKeptOverTime() {
		long product = product(Map.of("name", "Fridge"));
		String competitor = Api.uniqueName("Rival");
		assertThat(api.post("/api/v1/products/" + product + "/competitor-prices", Map.of("competitor", competitor, "price",
				"1000", "observedOn", "2026-10-01")).bearer(admin).send().status()).isEqualTo(201);
		assertThat(api.post("/api/v1/products/" + product + "/competitor-prices", Map.of("competitor", competitor, "price",
				"950", "observedOn", "2026-11-01")).bearer(admin).send().status()).isEqualTo(201);
		JsonNode prices = api.get("/api/v1/products/" + product + "/competitor-prices").bearer(admin).send().json().get("items");
		assertThat(prices).extracting(p -> p.get("price").asString()).containsExactly("1000.00", "950.00");
		assertProblem(api.post("/api/v1/products/" + product + "/competitor-prices", Map.of("competitor", competitor, "price",
				"-1")).bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void pricesComeFromTheCustomersListThenItsClassThenTheBasePrice() {
		long product = product(Map.of("name", "Dishwasher", "salePrice", "200"));
		long cheap = product(Map.of("name", "Kettle", "salePrice", "50"));
		long classId = api.post("/api/v1/customer-classes", Map.of("name", Api.uniqueName("Dealer"), "defaultDiscount", "10"))
			.bearer(admin).send().json().get("id").asLong();
		long dealer = customer(Map.of("classId", classId));
		long walkIn = customer(Map.of());

		JsonNode base = price(product, walkIn, "1");
		assertThat(base.get("unitPrice").asString()).isEqualTo("200.00");
		assertThat(base.get("rule").get("source").asString()).isEqualTo("BASE_PRICE");
		JsonNode classDiscount = price(cheap, dealer, "1");
		assertThat(classDiscount.get("unitPrice").asString()).isEqualTo("45.00");
		assertThat(classDiscount.get("discount").asString()).isEqualTo("10.00");
		assertThat(classDiscount.get("rule").get("source").asString()).isEqualTo("CLASS_DISCOUNT");

		Response list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Dealer list"), "currency", "TRY",
				"customerIds", List.of(dealer), "rules", List.of(
						Map.of("productId", product, "type", "FIXED", "value", "180", "minQuantity", "1"),
						Map.of("productId", product, "type", "PERCENT_OFF", "value", "15", "minQuantity", "10")))).bearer(admin).send();
		assertThat(list.status()).as(list.body()).isEqualTo(201);
		JsonNode fixed = price(product, dealer, "2");
		assertThat(fixed.get("unitPrice").asString()).isEqualTo("180.00");
		assertThat(fixed.get("rule").get("type").asString()).isEqualTo("FIXED");
		assertThat(fixed.get("rule").get("priceListId").asLong()).isEqualTo(list.json().get("id").asLong());
		JsonNode volume = price(product, dealer, "12");
		assertThat(volume.get("unitPrice").asString()).isEqualTo("170.00");
		assertThat(volume.get("discount").asString()).isEqualTo("15.00");
		assertThat(price(product, walkIn, "12").get("unitPrice").asString()).isEqualTo("200.00");

		Response everyone = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Campaign"), "currency", "TRY", "rules",
				List.of(Map.of("productId", cheap, "type", "PERCENT_OFF", "value", "5")))).bearer(admin).send();
		assertThat(everyone.status()).as(everyone.body()).isEqualTo(201);
		assertThat(price(cheap, walkIn, "1").get("unitPrice").asString()).isEqualTo("47.50");
		assertThat(price(cheap, dealer, "1").get("rule").get("source").asString()).isEqualTo("CLASS_DISCOUNT");
		assertThat(price(cheap, dealer, "1").get("unitPrice").asString()).isEqualTo("45.00");

		assertProblem(api.get("/api/v1/prices?productId=" + product + "&quantity=-1").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/prices?productId=abc").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/prices?productId=99999999").bearer(admin).send(), 404, "error.not-found");
		assertProblem(api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Bad"), "currency", "XXY", "rules",
				List.of(Map.of("productId", product, "type", "PERCENT_OFF", "value", "150")))).bearer(admin).send(), 400,
				"error.validation");
	}

	@Test
	void rolesDecideWhoEditsProductsSuppliersAndPrices() {
		long product = product(Map.of("name", "Toaster"));
		String sales = api.userWithRoles(admin, "SALESPERSON");
		String purchasing = api.userWithRoles(admin, "PURCHASING");
		assertThat(api.get("/api/v1/products/" + product).bearer(sales).send().status()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/products/" + product, Map.of("name", "Changed")).bearer(sales).send(), 403,
				"error.catalog.forbidden");
		assertProblem(api.post("/api/v1/price-lists", Map.of("name", "Mine", "currency", "TRY")).bearer(purchasing).send(), 403,
				"error.catalog.forbidden");
		long supplier = customer(Map.of("roles", List.of("SUPPLIER")));
		assertThat(api.post("/api/v1/products/" + product + "/suppliers", Map.of("supplierId", supplier, "price", "10"))
			.bearer(purchasing).send().status()).isEqualTo(200);
		assertProblem(api.post("/api/v1/products/" + product + "/suppliers", Map.of("supplierId", supplier, "price", "10"))
			.bearer(sales).send(), 403, "error.catalog.forbidden");
		Response patched = api.patch("/api/v1/products/" + product, Map.of("name", "Toaster 2", "version", 0)).bearer(purchasing).send();
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(api.patch("/api/v1/products/" + product, Map.of("name", "Stale", "version", 0)).bearer(purchasing).send().status())
			.isEqualTo(409);
		assertProblem(api.post("/api/v1/products/pdf/send", Map.of("to", "a@b.example", "language", "en")).bearer(purchasing).send(),
				403, "error.catalog.forbidden");
		JsonNode history = api.get("/api/v1/products/" + product + "/history").bearer(sales).send().json().get("items");
		assertThat(history.size()).isGreaterThanOrEqualTo(2);
	}

	private JsonNode price(long product, long customer, String quantity) {
		Response response = api.get("/api/v1/prices?productId=" + product + "&customerId=" + customer + "&quantity=" + quantity)
			.bearer(admin).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> codes(String query) {
		Response response = api.get("/api/v1/products?q=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8))
			.bearer(admin).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var codes = new java.util.ArrayList<String>();
		response.json().get("items").forEach(item -> codes.add(item.get("code").asString()));
		return codes;
	}

	private long product(Map<String, Object> fields) {
		var body = new HashMap<String, Object>(fields);
		body.put("code", Api.uniqueName("C"));
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long customer(Map<String, Object> fields) {
		var body = new HashMap<String, Object>(Map.of("kind", "COMPANY", "name", Api.uniqueName("Account"), "roles",
				List.of("CUSTOMER"), "country", "TR"));
		body.putAll(fields);
		Response created = api.post("/api/v1/customers", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
