package dev.kervan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.kervan.support.Accessibility;
import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.BrowserTest;
import org.junit.jupiter.api.Test;

/** Record pickers in Chromium: chosen with the keyboard in Turkish, with the mouse in English, with a finger in Persian. */
class PickerBrowserTests extends BrowserTest {

	@Test
	void aSalespersonConvertsALeadToAnExistingAccountChosenByTypingPartOfItsNameWithTheKeyboardInTurkish() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String word = Api.uniqueName("k");
		long trakya = account(admin, "Trakya İnşaat " + word, "CUSTOMER");
		long other = account(admin, "Trakya Işık " + word, "CUSTOMER");
		String seller = Api.uniqueName("satis");
		api.createUser(admin, seller, "tr", "SALESPERSON");
		long lead = api.post("/api/v1/leads", Map.of("title", "Vinç kiralama", "companyName", "Trakya")).bearer(api.token(seller, Api.PASSWORD))
			.send().json().get("id").asLong();

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("tr-TR"))) {
			Page page = context.newPage();
			logIn(page, seller);
			page.navigate(api.base() + "/pipeline/leads/" + lead);
			Locator box = page.getByRole(com.microsoft.playwright.options.AriaRole.COMBOBOX,
					new Page.GetByRoleOptions().setName("Mevcut cari (yeni cari açmak için boş bırakın)"));
			assertThat(box).hasAttribute("aria-expanded", "false");

			box.focus();
			page.keyboard().type("TRAKYA " + word);
			Locator options = page.locator("#f-customerId-options [role=option]");
			assertThat(options).hasCount(2);
			assertThat(box).hasAttribute("aria-expanded", "true");
			assertThat(page.locator("#f-customerId-status")).hasText("2 eşleşme: ok tuşlarıyla gezinin, Enter ile seçin.");
			assertThat(box).hasAttribute("aria-activedescendant", "f-customerId-options-0");
			Accessibility.assertNoSeriousFindings(page);
			page.keyboard().press("ArrowDown");
			assertThat(box).hasAttribute("aria-activedescendant", "f-customerId-options-1");
			assertThat(options.nth(1)).containsText("Trakya Işık " + word);
			page.keyboard().press("ArrowUp");
			assertThat(box).hasAttribute("aria-activedescendant", "f-customerId-options-0");
			page.keyboard().press("Escape");
			assertThat(box).hasAttribute("aria-expanded", "false");
			page.keyboard().type(" inş");
			assertThat(options).hasCount(1);
			assertThat(options.first()).containsText("Trakya İnşaat " + word);
			assertThat(options.first()).hasAttribute("aria-selected", "true");
			assertThat(box).hasAttribute("aria-activedescendant", "f-customerId-options-0");
			page.keyboard().press("Enter");

			assertThat(box).hasValue("Trakya İnşaat " + word);
			assertThat(box).hasAttribute("aria-expanded", "false");
			assertThat(page.locator("input[type=hidden][name=customerId]")).hasValue(String.valueOf(trakya));
			screenshot(page, "picker-lead-convert-tr.png");
			page.click("#convert");
			page.waitForURL(url -> url.contains("/pipeline/opportunities/"));
		}

		Response after = api.get("/api/v1/leads/" + lead).bearer(admin).send();
		assertThat(after.json().get("status").asString()).isEqualTo("CONVERTED");
		assertThat(after.json().get("customerId").asLong()).isEqualTo(trakya).isNotEqualTo(other);
	}

	@Test
	void aPurchaserPicksAProductsSupplierWithTheMouseAndIsToldWhenATypedNameChoseNone() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String word = Api.uniqueName("s");
		long supplier = account(admin, "Anadolu Bobin " + word, "SUPPLIER");
		account(admin, "Anadolu Müşteri " + word, "CUSTOMER");
		String code = Api.uniqueName("BOB");
		long product = api.post("/api/v1/products", Map.of("code", code, "name", "Bobin")).bearer(admin).send().json().get("id")
			.asLong();
		String buyer = staffUser("buyer", "PURCHASING");

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			logIn(page, buyer);
			page.navigate(api.base() + "/products/" + product);
			Locator box = page.locator("#f-supplierId");

			box.fill("nobody called this " + word);
			assertThat(page.locator("#f-supplierId-status")).hasText("No matches.");
			page.keyboard().press("Tab");
			assertThat(page.locator("#f-supplierId-error")).hasText("Nothing is chosen: pick one of the matches, or clear the field.");
			assertThat(box).hasClass(java.util.regex.Pattern.compile("is-invalid"));
			page.fill("#s-price", "125.50");
			page.click("#supplier-form button[type=submit]");
			assertThat(box).isFocused();
			assertThat(page).hasURL(api.base() + "/products/" + product);

			box.fill("anadolu " + word);
			Locator options = page.locator("#f-supplierId-options [role=option]");
			assertThat(options).hasCount(1);
			assertThat(options.first()).containsText("Anadolu Bobin " + word);
			screenshot(page, "picker-supplier-en.png");
			options.first().click();
			assertThat(box).hasValue("Anadolu Bobin " + word);
			assertThat(box).not().hasClass(java.util.regex.Pattern.compile("is-invalid"));
			page.click("#supplier-form button[type=submit]");

			assertThat(page.locator("#product-message")).isVisible();
			assertThat(page.locator("#suppliers tbody")).containsText("Anadolu Bobin " + word);
		}
		assertThat(jdbc.sql("select supplier from product_supplier where product = ?").param(product).query(Long.class).list())
			.containsExactly(supplier);
	}

	@Test
	void onAPhoneInPersianAnAccountIsPickedWithAFingerAndTheMatchesFitTheScreen() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String word = Api.uniqueName("p");
		long ketab = account(admin, "کتاب‌فروشی یاس " + word, "CUSTOMER");
		String seller = Api.uniqueName("forush");
		api.createUser(admin, seller, "fa", "SALESPERSON");
		long lead = api.post("/api/v1/leads", Map.of("title", "سفارش کتاب", "companyName", "یاس")).bearer(api.token(seller, Api.PASSWORD))
			.send().json().get("id").asLong();

		try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true)
			.setHasTouch(true).setLocale("fa-IR"))) {
			Page page = context.newPage();
			logIn(page, seller);
			page.navigate(api.base() + "/pipeline/leads/" + lead);
			assertThat(page.locator("html")).hasAttribute("dir", "rtl");
			Locator box = page.locator("#f-customerId");
			box.tap();
			// Typed on an Arabic keyboard: kaf and yeh are the Arabic letters.
			page.keyboard().type("كتاب ياس " + word);
			Locator option = page.locator("#f-customerId-options [role=option]").first();
			assertThat(option).containsText("کتاب‌فروشی یاس " + word);

			var list = page.locator("#f-customerId-options").boundingBox();
			assertThat(list.x).isGreaterThanOrEqualTo(0);
			assertThat(list.x + list.width).isLessThanOrEqualTo(390);
			assertThat(option.boundingBox().height).isGreaterThanOrEqualTo(44);
			screenshot(page, "picker-phone-fa.png");
			option.tap();

			assertThat(box).hasValue("کتاب‌فروشی یاس " + word);
			assertThat(page.locator("input[type=hidden][name=customerId]")).hasValue(String.valueOf(ketab));
			assertThat(page.locator("#f-customerId-options")).isHidden();
		}
	}

	@Test
	void aSalesManagerChoosesTheAccountsAPriceListIsForOneByOne() {
		String admin = api.token("admin", ADMIN_PASSWORD);
		String word = Api.uniqueName("b");
		long north = account(admin, "Bayi Kuzey " + word, "CUSTOMER");
		long south = account(admin, "Bayi Güney " + word, "CUSTOMER");
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Bayi listesi"), "currency", "TRY"))
			.bearer(admin).send().json().get("id").asLong();
		String manager = staffUser("pricer", "SALES_MANAGER");

		try (var context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
			Page page = context.newPage();
			logIn(page, manager);
			page.navigate(api.base() + "/price-lists/" + list);
			Locator box = page.locator("#f-customerIds");
			Locator chosen = page.locator("#f-customerIds-chosen li");
			Locator options = page.locator("#f-customerIds-options [role=option]");

			box.fill("kuzey " + word);
			assertThat(options).hasCount(1);
			page.keyboard().press("Enter");
			assertThat(chosen).hasCount(1);
			assertThat(box).hasValue("");
			box.fill("guney " + word);
			assertThat(options).hasCount(1);
			page.keyboard().press("Enter");
			assertThat(chosen).hasCount(2);
			assertThat(chosen.nth(1)).containsText("Bayi Güney " + word);
			page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new Page.GetByRoleOptions().setName("Remove Bayi Kuzey " + word)).click();
			assertThat(chosen).hasCount(1);
			screenshot(page, "picker-price-list-en.png");
			page.click("#assign-form button[type=submit]");
			assertThat(page.locator("#price-list-message")).isVisible();
			assertThat(page.locator("#f-customerIds-chosen")).containsText("Bayi Güney " + word);
		}
		var stored = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json();
		assertThat(stored.get("customerIds").toString()).isEqualTo("[" + south + "]").doesNotContain(String.valueOf(north));
	}

	private long account(String admin, String name, String role) {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", name, "roles", List.of(role),
				"country", "TR")).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
