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
		Response odd = api.post("/api/v1/products", Map.of("code", Api.uniqueName("Z"), "name", "Odd", "unit", "FURLONG",
				"minStock", "-1", "maxStock", "abc", "tracking", "MAGIC", "vatRate", "120", "salePrice", "-5", "colour", "red"))
			.bearer(admin).send();
		assertProblem(odd, 400, "error.validation");
		assertThat(odd.body()).contains("unit", "minStock", "maxStock", "tracking", "vatRate", "salePrice", "colour");
		assertProblem(api.post("/api/v1/products", Map.of("code", Api.uniqueName("S"), "name", "Installation", "kind",
				"SERVICE", "tracking", "SERIAL")).bearer(admin).send(), 400, "error.validation");
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
