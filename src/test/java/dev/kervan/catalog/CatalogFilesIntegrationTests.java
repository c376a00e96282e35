package dev.kervan.catalog;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Download;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogFilesIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void anImportKeepsGoodRowsChangesKnownCodesAndReportsRefusedRowsWhichChangeNothing() {
		String marker = Api.uniqueName("imp");
		String existing = product(marker + "-OLD", "Eski ürün", Map.of("salePrice", "10", "brand", "Arçelik"));
		String barcode = ean13("869" + digits(9));
		String csv = "code;name;Ad (Türkçe);category;unit;barcode;salePrice;vatRate\n"
				+ marker + "-NEW;Washing machine;Çamaşır makinesi;Appliances " + marker + " / Washers;PCS;" + barcode + ";1.234,50;20\n"
				+ existing + ";;;;;;99;\n"
				+ marker + "-BAD;Bad barcode;;Broken " + marker + " / Never;PCS;" + wrongCheckDigit(ean13("869" + digits(9)))
				+ ";5;\n"
				+ marker + "-UNIT;Unknown unit;;;PARSEC;;5;\n";

		Response result = upload("/api/v1/products/import", "urunler.csv", csv.getBytes(StandardCharsets.UTF_8), admin);

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("imported").asInt()).isEqualTo(1);
		assertThat(result.json().get("updated").asInt()).isEqualTo(1);
		Map<Integer, String> errors = errors(result.json());
		assertThat(errors).containsOnlyKeys(4, 5);
		assertThat(errors.get(4)).startsWith("barcode: ").contains("check digit");
		assertThat(errors.get(5)).isEqualTo("unit: There is no unit \"PARSEC\".");

		JsonNode created = productByCode(marker + "-NEW");
		assertThat(created.get("salePrice").asString()).isEqualTo("1234.50");
		assertThat(created.get("names").get("tr").asString()).isEqualTo("Çamaşır makinesi");
		assertThat(created.get("barcodes").get(0).asString()).isEqualTo(barcode);
		assertThat(categoryPath(created.get("categoryId").asLong())).isEqualTo("Appliances " + marker + " / Washers");

		JsonNode changed = productByCode(existing);
		assertThat(changed.get("salePrice").asString()).isEqualTo("99.00");
		assertThat(changed.get("name").asString()).as("an empty cell leaves the value").isEqualTo("Eski ürün");
		assertThat(changed.get("brand").asString()).isEqualTo("Arçelik");

		assertThat(products(marker + "-BAD")).isEmpty();
		assertThat(products(marker + "-UNIT")).isEmpty();
		assertThat(api.get("/api/v1/product-categories").bearer(admin).send().body())
			.as("the refused row's category was rolled back with it").doesNotContain("Broken " + marker);
	}

	@Test
	void anImportReadsChoicesInAnyCaseAndWholeNumbersWrittenWithDecimals() {
		String code = Api.uniqueName("CASE");
		String csv = "code;name;tracking;kind;stage;shelfLifeDays;warrantyLength;warrantyUnit\n"
				+ code + ";Beyaz peynir;lot;good;Test;180,0;2;years\n";

		Response result = upload("/api/v1/products/import", "peynir.csv", csv.getBytes(StandardCharsets.UTF_8), admin);

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("errors")).as(result.body()).isEmpty();
		JsonNode product = productByCode(code);
		assertThat(product.get("tracking").asString()).isEqualTo("LOT");
		assertThat(product.get("stage").asString()).isEqualTo("TEST");
		assertThat(product.get("shelfLifeDays").asInt()).isEqualTo(180);
		assertThat(product.get("warrantyUnit").asString()).isEqualTo("YEARS");
	}

	@Test
	void unitsAndCurrenciesAreReadFromTheWordsPeopleWriteInTurkishAndPersian() {
		String tea = Api.uniqueName("CAY"), rice = Api.uniqueName("BRNJ"), milk = Api.uniqueName("SUT");
		String csv = "Stok Kodu;Ürün Adı;Birim;Para Birimi;Satış Fiyatı\n"
				+ tea + ";Çay;Adet;TL;12,50\n"
				+ rice + ";برنج;کیلوگرم;;\n"
				+ milk + ";Süt;litre;;\n";

		Response result = upload("/api/v1/products/import", "urunler.csv", csv.getBytes(StandardCharsets.UTF_8), admin);

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("errors")).as(result.body()).isEmpty();
		assertThat(productByCode(tea).get("unitCode").asString()).isEqualTo("PCS");
		assertThat(productByCode(tea).get("currency").asString()).isEqualTo("TRY");
		assertThat(productByCode(rice).get("unitCode").asString()).isEqualTo("KG");
		assertThat(productByCode(milk).get("unitCode").asString()).isEqualTo("L");
	}

	@Test
	void anExportImportedAgainChangesNothingAndAnEditedCellChangesOnlyThat() {
		String marker = Api.uniqueName("rt");
		String first = product(marker + "-A", "Buzdolabı", Map.of("salePrice", "15000", "standardCost", "9000.5",
				"names", Map.of("tr", "Buzdolabı TR", "fa", "یخچال"), "barcodes", List.of(ean13("869" + digits(9)), "INT-" + marker),
				"brand", "Beko", "minStock", "2", "maxStock", "10", "warrantyLength", 24, "warrantyUnit", "MONTHS",
				"tracking", "SERIAL"));
		String second = product(marker + "-B", "Kurulum hizmeti", Map.of("kind", "SERVICE", "unit", "H", "vatRate", "10",
				"salePrice", "750", "currency", "EUR"));
		JsonNode before = productByCode(first);
		JsonNode beforeSecond = productByCode(second);

		Download xlsx = Download.get(api.base(), "/api/v1/products/export?format=xlsx&q=" + marker, admin);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type")).startsWith("application/vnd.openxmlformats");
		Response again = upload("/api/v1/products/import", "products.xlsx", xlsx.content(), admin);
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("errors")).isEmpty();
		assertThat(again.json().get("updated").asInt()).isEqualTo(2);
		assertThat(withoutVersion(productByCode(first))).isEqualTo(withoutVersion(before));
		assertThat(withoutVersion(productByCode(second))).isEqualTo(withoutVersion(beforeSecond));

		// Exported in Turkish, edited, imported by someone reading English: headers are known in every language.
		Download csv = Download.get(api.base(), "/api/v1/products/export?format=csv&q=" + marker, admin,
				"Accept-Language", "tr");
		String text = csv.text();
		assertThat(text).startsWith("\uFEFFKod,Ad,Ad (Türkçe),Ad (Farsça),Kategori,Birim,Barkodlar");
		String edited = text.replace("Kurulum hizmeti", "Kurulum ve devreye alma");
		Response imported = upload("/api/v1/products/import", "duzenlenmis.csv", edited.getBytes(StandardCharsets.UTF_8), admin);
		assertThat(imported.json().get("errors")).as(imported.body()).isEmpty();
		assertThat(productByCode(second).get("name").asString()).isEqualTo("Kurulum ve devreye alma");
		assertThat(withoutVersion(productByCode(first))).isEqualTo(withoutVersion(before));
	}

	@Test
	void pricesImportIntoAListReplacingTheSameProductAndQuantity() {
		String a = product(Api.uniqueName("PA"), "Fırın", Map.of("salePrice", "500"));
		String b = product(Api.uniqueName("PB"), "Ocak", Map.of("salePrice", "300"));
		long productA = productByCode(a).get("id").asLong();
		long list = priceList(List.of(Map.of("productId", productA, "type", "FIXED", "value", "480")));
		String csv = "productCode,type,price,minQuantity,validFrom,validTo\n"
				+ a + ",,450,,,\n"
				+ b + ",PERCENT_OFF,10,5,01.01.2026,2026-12-31\n"
				+ "NO-SUCH-" + a + ",FIXED,1,,,\n"
				+ b + ",PERCENT_OFF,150,,,\n"
				+ b + ",FIXED,250,5,,\n";

		Response result = upload("/api/v1/price-lists/" + list + "/import", "fiyatlar.csv", csv.getBytes(StandardCharsets.UTF_8),
				admin);

		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.json().get("imported").asInt()).isEqualTo(1);
		assertThat(result.json().get("updated").asInt()).isEqualTo(1);
		Map<Integer, String> errors = errors(result.json());
		assertThat(errors).containsOnlyKeys(4, 5, 6);
		assertThat(errors.get(4)).contains("NO-SUCH-" + a);
		assertThat(errors.get(5)).contains("between 0 and 100");
		assertThat(errors.get(6)).contains("row 3");
		JsonNode rules = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json().get("rules");
		assertThat(rules).hasSize(2);
		assertThat(rules.get(0).get("productCode").asString()).isEqualTo(a);
		assertThat(new java.math.BigDecimal(rules.get(0).get("value").asString())).isEqualByComparingTo("450");
		assertThat(rules.get(1).get("type").asString()).isEqualTo("PERCENT_OFF");
		assertThat(rules.get(1).get("validFrom").asString()).isEqualTo("2026-01-01");

		Download exported = Download.get(api.base(), "/api/v1/price-lists/" + list + "/export?format=xlsx", admin);
		Response reimported = upload("/api/v1/price-lists/" + list + "/import", "list.xlsx", exported.content(), admin);
		assertThat(reimported.json().get("errors")).as(reimported.body()).isEmpty();
		assertThat(reimported.json().get("updated").asInt()).isEqualTo(2);
		JsonNode after = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json().get("rules");
		assertThat(after.get(1).get("validTo").asString()).isEqualTo("2026-12-31");
		assertThat(after.get(1).get("minQuantity").asString()).isEqualTo(rules.get(1).get("minQuantity").asString());
	}

	@Test
	void theCatalogueIsAPdfInTheAskedLanguageWithoutChangingTheAskersOwn() throws IOException {
		String marker = Api.uniqueName("pdf");
		long category = api.post("/api/v1/product-categories", Map.of("name", "Katalog " + marker)).bearer(admin).send().json()
			.get("id").asLong();
		product(marker + "-1", "Dishwasher", Map.of("categoryId", category, "salePrice", "21500", "names",
				Map.of("tr", "Bulaşık makinesi", "fa", "ماشین ظرفشویی")));
		product(marker + "-2", "Oven", Map.of("categoryId", category, "salePrice", "8000", "active", false));
		String reader = api.userWithRoles(admin, "ACCOUNTANT");

		Download turkish = Download.get(api.base(), "/api/v1/products/pdf?lang=tr&categoryId=" + category, reader);
		assertThat(turkish.status()).as(turkish.text()).isEqualTo(200);
		assertThat(turkish.header("Content-Type")).isEqualTo("application/pdf");
		String text = pdfText(turkish.content());
		assertThat(text).contains("Ürün kataloğu", "Katalog " + marker, marker + "-1", "Bulaşık makinesi", "21.500,00")
			.as("inactive products are not offered").doesNotContain(marker + "-2");

		Download persian = Download.get(api.base(), "/api/v1/products/pdf?lang=fa&categoryId=" + category, reader);
		assertThat(persian.status()).isEqualTo(200);
		assertThat(pdfText(persian.content())).contains("کاتالوگ کالاها", "ماشین ظرفشویی", marker + "-1");
		assertThat(api.get("/api/v1/me").bearer(reader).send().json().get("language").asString())
			.as("a document's language is not the reader's").isEqualTo("en");

		assertProblem(api.get("/api/v1/products/pdf?lang=de").bearer(admin).send(), 400, "error.validation");
		assertProblem(api.get("/api/v1/products/pdf?categoryId=99999999").bearer(admin).send(), 404, "error.not-found");
	}

	@Test
	void aPriceListIsAPdfForACustomerAndGoesOutByMail() throws Exception {
		String code = product(Api.uniqueName("ML"), "Mikser", Map.of("salePrice", "900", "names", Map.of("tr", "El mikseri")));
		long list = priceList(List.of(Map.of("productId", productByCode(code).get("id").asLong(), "type", "FIXED", "value", "850",
				"minQuantity", "2")));
		String customerName = Api.uniqueName("Anadolu Ticaret ") + " A.Ş.";
		long customer = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", customerName, "roles",
				List.of("CUSTOMER"), "country", "TR")).bearer(admin).send().json().get("id").asLong();

		Download pdf = Download.get(api.base(), "/api/v1/price-lists/" + list + "/pdf?lang=tr&customerId=" + customer, admin);
		assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
		assertThat(pdfText(pdf.content())).contains("Fiyat listesi", customerName, code, "El mikseri", "Sabit fiyat", "850,00");

		String address = Api.uniqueName("buyer") + "@example.com";
		Response sent = api.post("/api/v1/price-lists/" + list + "/send", Map.of("to", address, "language", "tr", "customerId",
				customer, "message", "Merhaba, güncel fiyatlarımız ektedir.")).bearer(admin).send();
		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		List<MimeMessage> mails = mailsTo(address);
		assertThat(mails).hasSize(1);
		MimeMessage mail = mails.getFirst();
		assertThat(mail.getSubject()).startsWith("Fiyat listesi: ");
		var parts = (MimeMultipart) mail.getContent();
		assertThat((String) parts.getBodyPart(0).getContent()).startsWith("Merhaba, güncel fiyatlarımız ektedir.")
			.contains("Saygılarımızla");
		Part attachment = parts.getBodyPart(1);
		assertThat(attachment.isMimeType("application/pdf")).isTrue();
		try (InputStream content = attachment.getInputStream()) {
			assertThat(pdfText(content.readAllBytes())).contains(customerName, "El mikseri");
		}

		Response badAddress = api.post("/api/v1/price-lists/" + list + "/send", Map.of("to", "not an address", "language", "fa"))
			.bearer(admin).send();
		assertProblem(badAddress, 400, "error.validation");
		assertThat(badAddress.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
		assertProblem(api.post("/api/v1/price-lists/" + list + "/send", Map.of("to", "a@b.example", "language", "de")).bearer(admin)
			.send(), 400, "error.validation");

		String catalogueTo = Api.uniqueName("catalogue") + "@example.com";
		Response catalogue = api.post("/api/v1/products/pdf/send", Map.of("to", catalogueTo, "language", "fa")).bearer(admin).send();
		assertThat(catalogue.status()).as(catalogue.body()).isEqualTo(202);
		MimeMessage catalogueMail = mailsTo(catalogueTo).getFirst();
		assertThat(catalogueMail.getSubject()).isEqualTo("کاتالوگ کالاهای ما");
		assertThat(((MimeMultipart) catalogueMail.getContent()).getBodyPart(1).isMimeType("application/pdf")).isTrue();
	}

	@Test
	void onlyProductKeepersImportProductsAndOnlySalesManagersImportPrices() {
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		String keeper = api.userWithRoles(admin, "WAREHOUSE");
		String code = Api.uniqueName("PERM");
		byte[] csv = ("code,name\n" + code + ",Yetki\n").getBytes(StandardCharsets.UTF_8);
		assertProblem(upload("/api/v1/products/import", "p.csv", csv, accountant), 403, "error.catalog.forbidden");
		assertThat(products(code)).isEmpty();
		Response byKeeper = upload("/api/v1/products/import", "p.csv", csv, keeper);
		assertThat(byKeeper.status()).as(byKeeper.body()).isEqualTo(200);
		assertThat(byKeeper.json().get("imported").asInt()).isEqualTo(1);

		long list = priceList(List.of());
		byte[] prices = ("productCode,value\n" + code + ",5\n").getBytes(StandardCharsets.UTF_8);
		assertProblem(upload("/api/v1/price-lists/" + list + "/import", "f.csv", prices, keeper), 403, "error.catalog.forbidden");
		assertProblem(upload("/api/v1/price-lists/" + list + "/import", "f.csv", prices, accountant), 403,
				"error.catalog.forbidden");
		assertThat(api.get("/api/v1/price-lists/" + list).bearer(admin).send().json().get("rules")).isEmpty();

		assertProblem(upload("/api/v1/products/import", "p.pdf", csv, admin), 400, "error.validation");
		assertProblem(upload("/api/v1/products/import", "p.csv", "name\nNo code column\n".getBytes(StandardCharsets.UTF_8), admin),
				400, "error.validation");
		assertProblem(api.get("/api/v1/products/export?format=pdf").bearer(admin).send(), 400, "error.validation");
	}

	private Response upload(String path, String filename, byte[] content, String token) {
		return new Multipart().file("file", filename, "application/octet-stream", content)
			.header("Authorization", "Bearer " + token)
			.post(api.base() + path);
	}

	private String product(String code, String name, Map<String, Object> extra) {
		var body = new HashMap<String, Object>(extra);
		body.put("code", code);
		body.put("name", name);
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return code;
	}

	private long priceList(List<Map<String, Object>> rules) {
		Response created = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Bayi listesi "), "currency", "TRY",
				"rules", rules)).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private List<JsonNode> products(String code) {
		var found = new ArrayList<JsonNode>();
		api.get("/api/v1/products?q=" + code).bearer(admin).send().json().get("items").forEach(p -> {
			if (p.get("code").asString().equalsIgnoreCase(code)) {
				found.add(p);
			}
		});
		return found;
	}

	private JsonNode productByCode(String code) {
		List<JsonNode> found = products(code);
		assertThat(found).as(code).hasSize(1);
		return found.getFirst();
	}

	private String categoryPath(long id) {
		return api.get("/api/v1/product-categories/" + id).bearer(admin).send().json().get("path").asString();
	}

	private static JsonNode withoutVersion(JsonNode product) {
		var copy = (tools.jackson.databind.node.ObjectNode) product.deepCopy();
		copy.remove("version");
		copy.remove("updatedAt");
		return copy;
	}

	private static Map<Integer, String> errors(JsonNode result) {
		var errors = new HashMap<Integer, String>();
		result.get("errors").forEach(e -> errors.put(e.get("row").asInt(), e.get("message").asString()));
		return errors;
	}

	private static String pdfText(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			var stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			// Arabic script is drawn in its joined forms, which NFKC turns back into letters.
			return Normalizer.normalize(stripper.getText(document), Normalizer.Form.NFKC);
		}
	}

	private static String digits(int count) {
		var digits = new StringBuilder();
		for (int i = 0; i < count; i++) {
			digits.append((int) (Math.random() * 10));
		}
		return digits.toString();
	}

	/** Twelve digits and their GS1 check digit. */
	static String ean13(String twelve) {
		int sum = 0;
		for (int i = 0; i < 12; i++) {
			int digit = twelve.charAt(11 - i) - '0';
			sum += i % 2 == 0 ? digit * 3 : digit;
		}
		return twelve + (10 - sum % 10) % 10;
	}

	private static String wrongCheckDigit(String barcode) {
		char last = barcode.charAt(barcode.length() - 1);
		return barcode.substring(0, barcode.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
	}
}
