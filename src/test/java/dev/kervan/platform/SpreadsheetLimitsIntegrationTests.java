package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.Multipart;
import dev.kervan.support.PageIntegrationTest;
import dev.kervan.support.Spreadsheets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every import reads its file within the same limits, checked while reading: a zip bomb, an over-long cell or too
 * many rows is refused with the limit named, and nothing is imported.
 */
class SpreadsheetLimitsIntegrationTests extends PageIntegrationTest {

	private static final long GIBIBYTE = 1L << 30;

	/** An import endpoint, the most rows it takes, and what it would have written. */
	private record Import(String name, String path, int rows, String written) {
	}

	@Test
	void aZipBombIsRefusedByEveryImportBeforeItUnpacks() {
		byte[] inline = Spreadsheets.inlineStringBomb(List.of("name"), GIBIBYTE);
		byte[] shared = Spreadsheets.sharedStringBomb(List.of("name"), GIBIBYTE / 4);
		for (Import target : imports()) {
			long before = written(target);
			long started = System.nanoTime();
			assertRefused(upload(target, "bomb.xlsx", inline), target, "A cell in row 2 has more than 32,767 characters.");
			assertRefused(upload(target, "bomb.xlsx", shared), target, "A text in the file has more than 32,767 characters.");
			assertThat((System.nanoTime() - started) / 1_000_000_000).as(target.name() + ": seconds to refuse both")
				.isLessThan(20);
			assertThat(written(target)).as(target.name() + ": nothing imported").isEqualTo(before);
		}
	}

	@Test
	void anOverLongCellIsRefusedByEveryImportWithItsRow() {
		String csv = "name,code\nfine,A-1\n\"" + "x".repeat(32_768) + "\",A-2\n";
		for (Import target : imports()) {
			long before = written(target);
			assertRefused(upload(target, "long.csv", csv.getBytes(StandardCharsets.UTF_8)), target,
					"A cell in row 3 has more than 32,767 characters.");
			assertThat(written(target)).as(target.name() + ": nothing imported").isEqualTo(before);
		}
	}

	@Test
	void oneRowMoreThanAnImportTakesIsRefusedNamingTheLimit() {
		for (Import target : imports()) {
			var csv = new StringBuilder("name,code,quantity\n");
			for (int i = 0; i <= target.rows(); i++) {
				csv.append("Row ").append(i).append(",R-").append(i).append(",1\n");
			}
			long before = written(target);
			assertRefused(upload(target, "many.csv", csv.toString().getBytes(StandardCharsets.UTF_8)), target,
					"A file may have at most " + String.format(java.util.Locale.ENGLISH, "%,d", target.rows())
							+ " rows; split it.");
			assertThat(written(target)).as(target.name() + ": nothing imported").isEqualTo(before);
		}
	}

	@Test
	void theImportPagesNameTheLimitAFilePasses() {
		byte[] bomb = Spreadsheets.inlineStringBomb(List.of("name"), GIBIBYTE);
		String form = browser.get("/customers/import").body();
		Response customers = new Multipart().file("file", "bomb.xlsx", TableExport.Format.XLSX.contentType(), bomb)
			.field("_csrf", Browserless.csrfOf(form))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/customers/import");
		assertThat(customers.status()).isEqualTo(422);
		assertThat(customers.body()).contains("A cell in row 2 has more than 32,767 characters.");

		String products = browser.get("/products/import").body();
		Response upload = new Multipart().file("file", "bomb.xlsx", TableExport.Format.XLSX.contentType(), bomb)
			.field("_csrf", Browserless.csrfOf(products))
			.header("Cookie", "SESSION=" + browser.cookie("SESSION"))
			.post(api.base() + "/products/import");
		assertThat(upload.status()).isEqualTo(302);
		assertThat(browser.get("/products/import").body()).contains("A cell in row 2 has more than 32,767 characters.");
	}

	private List<Import> imports() {
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Sınır"), "currency", "TRY")).bearer(admin)
			.send().json().get("id").asLong();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("L").substring(0, 8), "name", "Sınır"))
			.bearer(admin).send().json().get("id").asLong();
		return List.of(
				new Import("customers", "/api/v1/customers/import", 100_000,
						"select (select count(*) from customer_import) + (select count(*) from customer)"),
				new Import("leads", "/api/v1/leads/import", 5_000, "select count(*) from lead"),
				new Import("products", "/api/v1/products/import", 10_000, "select count(*) from product"),
				new Import("prices", "/api/v1/price-lists/" + list + "/import", 10_000,
						"select count(*) from price_rule where price_list = " + list),
				new Import("opening stock", "/api/v1/stock-moves/import?warehouseId=" + warehouse, 10_000,
						"select count(*) from stock_move where warehouse = " + warehouse));
	}

	private Response upload(Import target, String filename, byte[] content) {
		return new Multipart().file("file", filename, "application/octet-stream", content)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + target.path());
	}

	private long written(Import target) {
		return jdbc.sql(target.written()).query(Long.class).single();
	}

	private static void assertRefused(Response response, Import target, String message) {
		assertProblem(response, 400, "error.validation");
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).as(target.name()).isEqualTo("file");
		assertThat(error.get("message").asString()).as(target.name()).isEqualTo(message);
	}
}
