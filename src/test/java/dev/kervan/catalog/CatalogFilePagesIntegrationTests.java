package dev.kervan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.Multipart;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

class CatalogFilePagesIntegrationTests extends PageIntegrationTest {

	@Test
	void productsAreImportedOnTheirPageWithTheRefusedRowsListed() {
		Response form = browser.get("/products/import");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"import-products\"", "enctype=\"multipart/form-data\"", "name=\"_csrf\"");
		String code = Api.uniqueName("PG");
		String csv = "Kod;Ad;Birim\n" + code + ";Sayfa ürünü;PCS\n" + code + "-X;Hatalı birim;PARSEC\n";

		Response upload = new Multipart().file("file", "sayfa.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.field("_csrf", Browserless.csrfOf(form.body()))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/products/import");

		assertThat(upload.status()).as(upload.body()).isEqualTo(302);
		assertThat(upload.header("Location").orElseThrow()).endsWith("/products/import");
		String result = browser.get("/products/import").body();
		assertThat(result).contains("id=\"import-result\"", "1 products added, 0 changed.", "id=\"import-errors\"",
				"Row 3: Birim: There is no unit &quot;PARSEC&quot;.");
		assertThat(api.get("/api/v1/products?q=" + code).bearer(admin).send().json().get("items")).hasSize(1);

		Response withoutToken = new Multipart().file("file", "sayfa.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/products/import");
		assertThat(withoutToken.status()).isEqualTo(403);
	}

	@Test
	void pricesAreImportedAndExportedOnTheListsPage() {
		String code = Api.uniqueName("PI");
		api.post("/api/v1/products", Map.of("code", code, "name", "Fiyatlı ürün", "salePrice", "100")).bearer(admin).send();
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Dosyadan"), "currency", "TRY")).bearer(admin)
			.send().json().get("id").asLong();
		String page = browser.get("/price-lists/" + list).body();
		assertThat(page).contains("id=\"price-import\"");
		String csv = "productCode;type;value\n" + code + ";FIXED;80\nNO-SUCH;FIXED;5\n";
		Response upload = new Multipart().file("file", "prices.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.field("_csrf", Browserless.csrfOf(page))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/price-lists/" + list + "/import");
		assertThat(upload.status()).as(upload.body()).isEqualTo(302);
		assertThat(browser.get("/price-lists/" + list).body()).contains("id=\"import-result\"", "1 rules added", "Row 3");
		Response export = browser.get("/price-lists/" + list + "/export?format=csv");
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body()).contains(code);
	}

	@Test
	void aPriceListIsSentFromItsPageAndTheDocumentsOpenForPrinting() {
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Sayfa listesi "), "currency", "TRY", "rules",
				List.of())).bearer(admin).send().json().get("id").asLong();
		String page = "/price-lists/" + list + "/send";
		assertThat(browser.get(page).body()).contains("id=\"send-price-list\"", "name=\"language\"");

		Response refused = browser.submit(page, page, Map.of("to", "nope", "language", "tr", "message", ""));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("f-to-error", "Not an e-mail address.");

		String address = Api.uniqueName("page") + "@example.com";
		Response sent = browser.submit(page, page, Map.of("to", address, "language", "fa", "message", "سلام"));
		assertThat(sent.status()).isEqualTo(302);
		assertThat(browser.get(page).body()).contains("id=\"send-done\"", address);
		assertThat(mailsTo(address)).hasSize(1);

		Response pdf = browser.get("/price-lists/" + list + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.header("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(pdf.header("Content-Disposition").orElseThrow()).startsWith("inline");
		assertThat(browser.get("/products/pdf?categoryId=99999999").status()).isEqualTo(404);
		Response export = browser.get("/products/export?format=csv&q=" + Api.uniqueName("none"));
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body()).startsWith("\uFEFFCode,Name,");
	}

	@Test
	void theOpeningStockIsPostedFromItsPageIntoAChosenWarehouse() {
		String code = Api.uniqueName("W").substring(0, 8);
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", code, "name", "Sayfa deposu")).bearer(admin).send().json()
			.get("id").asLong();
		Response page = browser.get("/inventory/opening-stock");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"import-opening-stock\"", code + " · Sayfa deposu");
		String product = Api.uniqueName("OSP");
		api.post("/api/v1/products", Map.of("code", product, "name", "Sayfa stoku")).bearer(admin).send();

		Response upload = new Multipart().file("file", "acilis.csv", "text/csv",
				("code;quantity\n" + product + ";6\nYOK-" + product + ";1\n").getBytes(StandardCharsets.UTF_8))
			.field("warehouseId", String.valueOf(warehouse))
			.field("_csrf", Browserless.csrfOf(page.body()))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/inventory/opening-stock");

		assertThat(upload.status()).as(upload.body()).isEqualTo(302);
		String result = browser.get("/inventory/opening-stock").body();
		assertThat(result).containsPattern("Receipt SM-\\d{4}-\\d{6} posted with 1 lines.")
			.contains("Row 3: code: There is no product &quot;YOK-" + product + "&quot;.");
	}
}
