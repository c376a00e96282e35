package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import dev.kervan.support.Api;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;

/**
 * Inventory in Chromium: a warehouse keeper scans serial-numbered units into stock, a salesperson reserves one on
 * the product page and sees the available figure fall.
 */
class InventoryBrowserTests extends BrowserTest {

	@Test
	void receiveSerialNumberedStockByScanningThenReserveOneAndSeeAvailabilityFall() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String keeper = staffUser("keeper", "WAREHOUSE");
		String seller = staffUser("seller", "SALESPERSON");
		String code = Api.uniqueName("FRIDGE");
		long product = api.post("/api/v1/products", Map.of("code", code, "name", "Buzdolabı No Frost", "tracking", "SERIAL",
				"salePrice", "32000")).bearer(admin).send().json().get("id").asLong();
		String warehouseCode = Api.uniqueName("W").substring(0, 8).toUpperCase();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", warehouseCode, "name", "Ana depo")).bearer(admin).send()
			.json().get("id").asLong();
		List<String> serials = List.of(Api.uniqueName("SN"), Api.uniqueName("SN"), Api.uniqueName("SN"));

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			logIn(page, keeper);
			page.navigate(api.base() + "/inventory/moves/new?type=RECEIPT");
			page.selectOption("#f-warehouseId", String.valueOf(warehouse));
			page.fill("#f-reference", "Delivery note 4711");
			page.fill("#scan", code);
			page.press("#scan", "Enter");
			assertThat(page.locator("#move-lines tbody tr").first().locator("[name='code']")).hasValue(code);
			for (String serial : serials) {
				page.fill("#scan", serial);
				page.press("#scan", "Enter");
			}
			assertThat(page.locator("#move-lines tbody tr").first().locator("[name='quantity']")).hasValue("3");
			page.click("#post-move");
			assertThat(page.locator("#move-posted")).isVisible();
			assertThat(page.locator("#move-lines")).containsText(serials.get(2));
			screenshot(page, "stock-receipt");
			page.context().clearCookies();

			logIn(page, seller);
			page.navigate(api.base() + "/products/" + product);
			var row = page.locator("#stock-" + warehouse);
			assertThat(row.locator("[data-figure='onHand']")).hasText("3");
			assertThat(row.locator("[data-figure='available']")).hasText("3");
			page.selectOption("#r-warehouse", String.valueOf(warehouse));
			page.fill("#r-quantity", "1");
			page.fill("#r-reference", "Order of Ayşe Yılmaz");
			page.click("#reserve");
			assertThat(row.locator("[data-figure='reserved']")).hasText("1");
			assertThat(row.locator("[data-figure='available']")).hasText("2");
			assertThat(page.locator("#reservations")).containsText("Order of Ayşe Yılmaz");
			screenshot(page, "product-stock");
			page.context().clearCookies();

			String persian = Api.uniqueName("fa");
			api.createUser(admin, persian, "fa", "WAREHOUSE");
			logIn(page, persian);
			page.navigate(api.base() + "/inventory/replenishment");
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			page.navigate(api.base() + "/products/" + product);
			assertThat(page.locator("#stock-" + warehouse + " [data-figure='available']")).hasText("۲");
			screenshot(page, "product-stock-fa");
		}
	}

	@Test
	void aScanCountsOnAQuantityTypedWithTheReadersGroupingAndDecimalMarks() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String code = Api.uniqueName("CABLE");
		long product = api.post("/api/v1/products", Map.of("code", code, "name", "Kablo", "unit", "m")).bearer(admin).send()
			.json().get("id").asLong();
		String warehouseCode = Api.uniqueName("W").substring(0, 8).toUpperCase();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", warehouseCode, "name", "Kablo deposu")).bearer(admin)
			.send().json().get("id").asLong();
		count(admin, "tr", code, warehouse, "1.250,5", "1.251,5");
		count(admin, "fa", code, warehouse, "۱٬۲۵۰٫۵", "۱٬۲۵۱٫۵");
		String onHand = api.get("/api/v1/stock-levels?productId=" + product + "&warehouseId=" + warehouse).bearer(admin).send()
			.json().get("items").get(0).get("onHand").asString();
		assertThat(new BigDecimal(onHand)).isEqualByComparingTo("2503");
	}

	/** A keeper in the language types a quantity on a receipt, scans one more and posts it. */
	private void count(String admin, String language, String code, long warehouse, String typed, String counted) {
		String keeper = Api.uniqueName("keeper");
		api.createUser(admin, keeper, language, "WAREHOUSE");
		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale(language))) {
			Page page = context.newPage();
			logIn(page, keeper);
			page.navigate(api.base() + "/inventory/moves/new?type=RECEIPT");
			page.selectOption("#f-warehouseId", String.valueOf(warehouse));
			var line = page.locator("#move-lines tbody tr").first();
			line.locator("[name='code']").fill(code);
			line.locator("[name='quantity']").fill(typed);
			page.fill("#scan", code);
			page.press("#scan", "Enter");
			assertThat(line.locator("[name='quantity']")).hasValue(counted);
			page.click("#post-move");
			assertThat(page.locator("#move-posted")).isVisible();
		}
	}
}
