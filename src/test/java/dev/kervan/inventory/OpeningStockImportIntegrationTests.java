package dev.kervan.inventory;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Download;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpeningStockImportIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private long warehouse;

	@BeforeEach
	void setUp() {
		admin = api.token("admin", ADMIN_PASSWORD);
		Response created = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("O").substring(0, 8), "name", "Açılış"))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		warehouse = created.json().get("id").asLong();
	}

	@Test
	void goodRowsArePostedAsOneReceiptAndRefusedRowsAreListed() {
		long plain = product("NONE", Map.of());
		long lots = product("LOT", Map.of());
		String barcode = Api.uniqueName("SERBC");
		long serials = product("SERIAL", Map.of("barcodes", List.of(barcode)));
		String plainCode = code(plain), lotCode = code(lots);
		String s1 = Api.uniqueName("SN"), s2 = Api.uniqueName("SN");
		String csv = "Ürün kodu;Miktar;Birim;Parti;Son kullanma tarihi;Seri numarası\n"
				+ plainCode + ";5;;;;\n"
				+ plainCode + ";1;BOX12;;;\n"
				+ lotCode + ";10;;L1;31.01.2027;\n"
				+ lotCode + ";5,5;;L1;;\n"
				+ barcode + ";;;;;" + s1 + "\n"
				+ code(serials) + ";1;;;;" + s2 + "\n"
				+ code(serials) + ";1;;;;" + s1 + "\n"
				+ "NO-SUCH-PRODUCT;3;;;;\n"
				+ lotCode + ";2;;;;\n"
				+ plainCode + ";-1;;;;\n"
				+ code(serials) + ";2;;;;" + Api.uniqueName("SN") + "\n";

		Response result = upload("acilis-stoku.csv", csv, admin);

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		JsonNode answer = result.json();
		assertThat(answer.get("moveNumber").asString()).matches("SM-\\d{4}-\\d{6}");
		assertThat(answer.get("lines").asInt()).isEqualTo(3);
		Map<Integer, String> errors = errors(answer);
		assertThat(errors).containsOnlyKeys(8, 9, 10, 11, 12);
		assertThat(errors.get(8)).contains(s1, "row 6");
		assertThat(errors.get(9)).contains("NO-SUCH-PRODUCT");
		assertThat(errors.get(10)).contains("lot");
		assertThat(errors.get(11)).contains("more than zero");
		assertThat(errors.get(12)).contains("quantity 1");

		JsonNode move = api.get("/api/v1/stock-moves/" + answer.get("moveId").asLong()).bearer(admin).send().json();
		assertThat(move.get("type").asString()).isEqualTo("RECEIPT");
		assertThat(move.get("reason").asString()).isEqualTo("Opening stock");
		assertThat(move.get("reference").asString()).isEqualTo("acilis-stoku.csv");
		assertThat(onHand(plain)).isEqualTo("17");
		assertThat(onHand(lots)).isEqualTo("15.5");
		assertThat(onHand(serials)).isEqualTo("2");
		JsonNode lot = api.get("/api/v1/stock-levels/lots?productId=" + lots).bearer(admin).send().json().get("items").get(0);
		assertThat(lot.get("lot").asString()).isEqualTo("L1");
		assertThat(lot.get("expiry").asString()).isEqualTo("2027-01-31");
		assertThat(api.get("/api/v1/serials/" + s1 + "?productId=" + serials).bearer(admin).send().json().get("status").asString())
			.isEqualTo("IN_STOCK");

		Response again = upload("ikinci.csv", "code,serial\n" + code(serials) + "," + s2 + "\n", admin);
		assertThat(again.json().get("moveId").isNull()).as(again.body()).isTrue();
		assertThat(errors(again.json()).get(2)).contains(s2, "exists already");
		assertThat(onHand(serials)).isEqualTo("2");
	}

	@Test
	void unitsWrittenAsTurkishAndPersianWordsAreRead() {
		long plain = product("NONE", Map.of());
		String csv = "Stok Kodu;Miktar;Birim\n" + code(plain) + ";2;Adet\n" + code(plain) + ";3;عدد\n"
				+ code(plain) + ";1;Düzine\n" + code(plain) + ";1;Kilogram\n";

		Response result = upload("birimler.csv", csv, admin);

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(errors(result.json())).as("a kilogram is no piece").containsOnlyKeys(5);
		assertThat(onHand(plain)).isEqualTo("17");
	}

	@Test
	void onlyTheWarehouseImportsAndAnUnknownWarehouseIsRefused() {
		long plain = product("NONE", Map.of());
		String csv = "code,quantity\n" + code(plain) + ",4\n";
		assertProblem(upload("s.csv", csv, api.userWithRoles(admin, "SALESPERSON")), 403, "error.inventory.forbidden");
		assertProblem(new Multipart().file("file", "s.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + admin).post(api.base() + "/api/v1/stock-moves/import?warehouseId=99999999"),
				400, "error.validation");
		assertThat(onHand(plain)).isEqualTo("0");
		Response byKeeper = upload("s.csv", csv, api.userWithRoles(admin, "WAREHOUSE"));
		assertThat(byKeeper.status()).as(byKeeper.body()).isEqualTo(200);
		assertThat(onHand(plain)).isEqualTo("4");
	}

	@Test
	void stockLevelsExportWithTheirFigures() {
		long plain = product("NONE", Map.of());
		upload("s.csv", "code,quantity\n" + code(plain) + ",7\n", admin);
		Download csv = Download.get(api.base(), "/api/v1/stock-levels/export?format=csv&warehouseId=" + warehouse, admin);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.text()).contains("Product code,Product,Warehouse,On hand,Reserved,Available,Incoming,Unit")
			.contains(code(plain) + ",Opening stock NONE,");
		Download xlsx = Download.get(api.base(), "/api/v1/stock-levels/export?warehouseId=" + warehouse, admin);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats");
		assertThat(Download.get(api.base(), "/api/v1/stock-levels/export?warehouseId=99999999", admin).status()).isEqualTo(404);
	}

	private Response upload(String filename, String csv, String token) {
		return new Multipart().file("file", filename, "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + token)
			.post(api.base() + "/api/v1/stock-moves/import?warehouseId=" + warehouse);
	}

	private String onHand(long product) {
		return api.get("/api/v1/stock-levels?productId=" + product + "&warehouseId=" + warehouse).bearer(admin).send().json()
			.get("items").get(0).get("onHand").asString();
	}

	private String code(long product) {
		return api.get("/api/v1/products/" + product).bearer(admin).send().json().get("code").asString();
	}

	private long product(String tracking, Map<String, Object> extra) {
		var body = new HashMap<String, Object>(extra);
		body.put("code", Api.uniqueName("OS"));
		body.put("name", "Opening stock " + tracking);
		body.put("tracking", tracking);
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private static Map<Integer, String> errors(JsonNode result) {
		var errors = new HashMap<Integer, String>();
		var rows = new ArrayList<Integer>();
		result.get("errors").forEach(e -> {
			rows.add(e.get("row").asInt());
			errors.merge(e.get("row").asInt(), e.get("message").asString(), (a, b) -> a + " | " + b);
		});
		return errors;
	}
}
