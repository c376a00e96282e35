package dev.kervan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Amounts and dates on pages are typed as each reader writes them (platform.TypedNumbers, TypedDates through
 * Commands.read), stored as the API stores them, and shown back in inputs the reader's way.
 */
class TypedValuesPagesIntegrationTests extends PageIntegrationTest {

	@Test
	void aTurkishAmountIsReadWithItsGroupingAndDecimalMarksAndShownBackTheTurkishWay() {
		assertSalePriceTypedAndShownBack(reader("tr", "GREGORIAN", "SALES_MANAGER"), "12.500,50", "12.500,50");
	}

	@Test
	void anEnglishAmountIsReadWithItsGroupingAndDecimalMarksAndShownBackTheEnglishWay() {
		assertSalePriceTypedAndShownBack(reader("en", "GREGORIAN", "SALES_MANAGER"), "12,500.50", "12,500.50");
	}

	@Test
	void aPersianAmountIsReadInPersianDigitsAndMarksAndShownBackThePersianWay() {
		assertSalePriceTypedAndShownBack(reader("fa", "GREGORIAN", "SALES_MANAGER"), "۱۲٬۵۰۰٫۵۰", "۱۲٬۵۰۰٫۵۰");
		assertSalePriceTypedAndShownBack(reader("fa", "GREGORIAN", "SALES_MANAGER"), "12,500.50", "۱۲٬۵۰۰٫۵۰");
	}

	@Test
	void anAmountThatIsNoNumberIsRefusedBesideItsFieldWith422AsTypedAndChangesNothing() {
		Browserless turkish = reader("tr", "GREGORIAN", "SALES_MANAGER");
		String code = Api.uniqueName("GARBAGE");
		long id = api.post("/api/v1/products", Map.of("code", code, "name", "Ütü")).bearer(admin).send().json().get("id")
			.asLong();
		String page = "/products/" + id;
		for (String garbage : List.of("12,50,0", "1.2.3,4,5", "on iki", "12.500,50 TL TL")) {
			Response refused = turkish.submit(page + "/edit", page, productForm(code, Map.of("salePrice", garbage)));

			assertThat(refused.status()).as(garbage).isEqualTo(422);
			assertThat(refused.body()).as(garbage)
				.contains("id=\"f-salePrice-error\"", "12.500,50 gibi bir sayı yazın.", "value=\"" + garbage + "\"");
		}
		JsonNode product = api.get("/api/v1/products/" + id).bearer(admin).send().json();
		assertThat(product.get("version").asLong()).isZero();
		assertThat(product.get("salePrice").isNull()).isTrue();
	}

	@Test
	void aTurkishAccountantTypesTheCreditTermsTheTurkishWay() {
		long id = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Kredi"), "roles",
				List.of("CUSTOMER"))).bearer(admin).send().json().get("id").asLong();
		String page = "/customers/" + id;
		Browserless accountant = reader("tr", "GREGORIAN", "ACCOUNTANT");

		Response saved = accountant.submit(page + "/edit", page,
				Map.of("creditLimit", "₺250.000", "riskLimit", "1.234,5", "paymentTermDays", "45", "currency", "TRY",
						"version", "0"));

		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		JsonNode account = api.get("/api/v1/customers/" + id).bearer(admin).send().json();
		assertThat(new BigDecimal(account.get("creditLimit").asString())).isEqualByComparingTo("250000");
		assertThat(new BigDecimal(account.get("riskLimit").asString())).isEqualByComparingTo("1234.5");
		assertThat(account.get("paymentTermDays").asInt()).isEqualTo(45);
		assertThat(accountant.get(page + "/edit").body()).contains("value=\"250.000,00\"", "value=\"1.234,50\"",
				"value=\"45\"");

		Response refused = accountant.submit(page + "/edit", page,
				Map.of("paymentTermDays", "4,5", "currency", "TRY", "version", "1"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"f-paymentTermDays-error\"", "1.500 gibi bir tam sayı yazın.",
				"value=\"4,5\"");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void datesAreTypedInTheReadersOrderAndCalendarAndStoredAsIsoDates() {
		assertThat(createdPriceList(reader("tr", "GREGORIAN", "SALES_MANAGER"), "01.01.2027", "20.03.2027"))
			.containsExactly("2027-01-01", "2027-03-20");
		assertThat(createdPriceList(reader("en", "GREGORIAN", "SALES_MANAGER"), "1/1/2027", "2027-03-20"))
			.containsExactly("2027-01-01", "2027-03-20");
		// 11 Dey 1405 is New Year's Day 2027; 1405 is no leap year, so 29 Esfand is the eve of Nowruz 1406.
		assertThat(createdPriceList(reader("fa", "SOLAR_HIJRI", "SALES_MANAGER"), "۱۴۰۵/۱۰/۱۱", "1405/12/29"))
			.containsExactly("2027-01-01", "2027-03-20");
	}

	@Test
	void aDateThatIsNoDayIsRefusedBesideItsFieldWith422AndNothingIsMade() {
		Browserless turkish = reader("tr", "GREGORIAN", "SALES_MANAGER");
		Browserless persian = reader("fa", "SOLAR_HIJRI", "SALES_MANAGER");
		String name = Api.uniqueName("Bad dates");

		Response notADay = turkish.submit("/price-lists", "/price-lists",
				Map.of("name", name, "currency", "TRY", "validFrom", "30.02.2027"));
		assertThat(notADay.status()).isEqualTo(422);
		assertThat(notADay.body()).contains("id=\"f-validFrom-error\"", "gibi bir tarih yazın.", "value=\"30.02.2027\"");

		Response noLeapDay = persian.submit("/price-lists", "/price-lists",
				Map.of("name", name, "currency", "TRY", "validTo", "۱۴۰۴/۱۲/۳۰"));
		assertThat(noLeapDay.status()).isEqualTo(422);
		assertThat(noLeapDay.body()).contains("id=\"f-validTo-error\"", "value=\"۱۴۰۴/۱۲/۳۰\"");

		assertThat(api.get("/api/v1/price-lists").bearer(admin).send().body()).doesNotContain(name);
	}

	@Test
	void theStatisticsPeriodIsTypedAndShownInTheReadersCalendar() {
		Response turkish = reader("tr", "GREGORIAN", "SALES_MANAGER").get("/pipeline/stats?from=1.3.2026&to=31.03.2026");
		assertThat(turkish.status()).isEqualTo(200);
		assertThat(turkish.body()).contains("value=\"01.03.2026\"", "value=\"31.03.2026\"");

		Response persian = reader("fa", "SOLAR_HIJRI", "SALES_MANAGER").get("/pipeline/stats?from="
				+ URLEncoder.encode("۱۴۰۵/۰۱/۰۱", StandardCharsets.UTF_8) + "&to=1405/1/31");
		assertThat(persian.status()).isEqualTo(200);
		assertThat(persian.body()).contains("value=\"۱۴۰۵/۰۱/۰۱\"", "value=\"۱۴۰۵/۰۱/۳۱\"", "data-date-calendar=\"persian\"",
				"فروردین");
	}

	private void assertSalePriceTypedAndShownBack(Browserless reader, String typed, String shown) {
		String code = Api.uniqueName("TYPED");
		long id = api.post("/api/v1/products", Map.of("code", code, "name", "Ütü")).bearer(admin).send().json().get("id")
			.asLong();
		String page = "/products/" + id;

		Response saved = reader.submit(page + "/edit", page, productForm(code, Map.of("salePrice", typed)));

		assertThat(saved.status()).as(saved.body()).isEqualTo(302);
		JsonNode product = api.get("/api/v1/products/" + id).bearer(admin).send().json();
		assertThat(new BigDecimal(product.get("salePrice").asString())).isEqualByComparingTo("12500.50");
		assertThat(reader.get(page + "/edit").body()).contains("value=\"" + shown + "\"");
	}

	private static Map<String, String> productForm(String code, Map<String, String> more) {
		var fields = new HashMap<>(Map.of("code", code, "name", "Ütü", "unit", "PCS", "tracking", "NONE", "kind", "GOOD",
				"stage", "ACTIVE", "currency", "TRY", "vatRate", "20", "version", "0"));
		fields.putAll(more);
		return fields;
	}

	/** The validity of a price list a reader made on its page, as the API keeps it. */
	private List<String> createdPriceList(Browserless reader, String validFrom, String validTo) {
		Response created = reader.submit("/price-lists", "/price-lists", Map.of("name", Api.uniqueName("Dated"),
				"currency", "TRY", "validFrom", validFrom, "validTo", validTo));
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String list = created.header("Location").orElseThrow().replaceAll(".*/price-lists/", "");
		JsonNode stored = api.get("/api/v1/price-lists/" + list).bearer(admin).send().json();
		return List.of(stored.get("validFrom").asString(), stored.get("validTo").asString());
	}

	/** A reader of the language and calendar, with the roles, logged in on a browser without JavaScript. */
	private Browserless reader(String language, String calendar, String... roles) {
		String username = Api.uniqueName(language);
		Response created = api.post("/api/v1/users", Map.of("username", username, "displayName", "Reader " + username,
				"language", language, "calendar", calendar, "roles", List.of(roles), "password", Api.PASSWORD))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
	}
}
