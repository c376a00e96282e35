package dev.kervan.platform;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Numbers and dates a record could not hold are refused where they are read, with 400 naming the field, and change
 * nothing: {@code 1e400}, {@code 1e-400}, ids and versions past a long, dates outside {@link Dates}' range.
 */
class ValueRangeIntegrationTests extends PageIntegrationTest {

	@Autowired
	private JsonMapper json;

	private static final List<String> OUT_OF_RANGE = List.of("1e400", "-1e400", "1e-400", "1e2147483647",
			"123456789012345678901234567890123456789012");

	@Test
	void aNumberOutOfRangeIsRefusedWith400NamingTheFieldOnEveryKindOfRecord() {
		long customer = customer();
		long product = product();
		long warehouse = api.post("/api/v1/warehouses", Map.of("code", Api.uniqueName("W").toUpperCase(), "name", "Range"))
			.bearer(admin).send().json().get("id").asLong();
		for (String number : OUT_OF_RANGE) {
			assertRefused(api.post("/api/v1/customers", "{\"kind\":\"COMPANY\",\"name\":\"Range\",\"roles\":[\"CUSTOMER\"],"
					+ "\"creditLimit\":" + number + "}"), "creditLimit");
			assertRefused(api.post("/api/v1/products", "{\"code\":\"" + Api.uniqueName("R").toUpperCase()
					+ "\",\"name\":\"Range\",\"salePrice\":" + number + "}"), "salePrice");
			assertRefused(api.post("/api/v1/stock-moves", "{\"type\":\"RECEIPT\",\"warehouseId\":" + warehouse
					+ ",\"lines\":[{\"productId\":" + product + ",\"quantity\":" + number + "}]}"), "lines[0].quantity");
			assertRefused(api.post("/api/v1/reservations", "{\"productId\":" + product + ",\"warehouseId\":" + warehouse
					+ ",\"reference\":\"R-1\",\"quantity\":" + number + "}"), "quantity");
			assertRefused(api.post("/api/v1/price-lists", "{\"name\":\"Range\",\"currency\":\"TRY\",\"rules\":[{\"productId\":"
					+ product + ",\"type\":\"FIXED\",\"value\":" + number + "}]}"), "rules[0].value");
			assertRefused(api.post("/api/v1/opportunities", "{\"title\":\"Range\",\"customerId\":" + customer
					+ ",\"expectedRevenue\":" + number + "}"), "expectedRevenue");
			assertRefused(api.post("/api/v1/leads", "{\"title\":\"Range\",\"expectedRevenue\":" + number + "}"), "expectedRevenue");
			assertRefused(api.post("/api/v1/customer-classes", "{\"name\":\"Range\",\"riskLimit\":" + number + "}"), "riskLimit");
			assertRefused(api.post("/api/v1/opportunities", "{\"title\":\"Range\",\"customerId\":" + number + "}"), "customerId");
		}
		assertRefused(api.post("/api/v1/opportunities", "{\"title\":\"Range\",\"customerId\":99999999999999999999}"), "customerId");
		assertThat(jdbc.sql("select count(*) from stock_move_line where product = ?").param(product).query(Integer.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from opportunity where customer = ?").param(customer).query(Integer.class).single())
			.isZero();
	}

	@Test
	void aVersionPastALongIsRefusedWith400NamingVersionAndChangesNothing() {
		long customer = customer();
		Response refused = api.patch("/api/v1/customers/" + customer, "{\"name\":\"Changed\",\"version\":99999999999999999999}")
			.bearer(admin).send();
		assertProblem(refused, 400, "error.validation");
		assertThat(fields(refused)).containsExactly("version");
		Response user = api.patch("/api/v1/users/1", "{\"displayName\":\"Changed\",\"version\":99999999999999999999}")
			.bearer(admin).send();
		assertProblem(user, 400, "error.validation");
		assertThat(fields(user)).containsExactly("version");
		assertThat(api.get("/api/v1/customers/" + customer).bearer(admin).send().json().get("name").asString())
			.startsWith("Range ");
		assertThat(api.get("/api/v1/users/1").bearer(admin).send().json().get("displayName").asString()).isNotEqualTo("Changed");
	}

	@Test
	void aNumberNoDecimalCanHoldIsA400Problem() {
		assertProblem(api.post("/api/v1/customers", "{\"kind\":\"COMPANY\",\"name\":\"Range\",\"creditLimit\":1e2147483648}")
			.bearer(admin).send(), 400, "error.malformed-body");
	}

	@Test
	void anImpossibleDateInABodyIsRefusedWith400NamingTheField() {
		long customer = customer();
		for (String date : List.of("+999999999-12-31", "-0001-01-01", "1899-12-31", "2201-01-01")) {
			Response person = api.post("/api/v1/customers", Map.of("kind", "PERSON", "name", "Date person", "roles",
					List.of("CUSTOMER"), "birthDate", date)).bearer(admin).send();
			assertProblem(person, 400, "error.validation");
			assertThat(fields(person)).containsExactly("birthDate");
			assertThat(messages(person)).containsExactly("A date from 1900-01-01 to 2200-12-31 is expected here.");
			assertRefused(api.post("/api/v1/opportunities", Map.of("title", "Dated", "customerId", customer,
					"expectedCloseDate", date)), "expectedCloseDate");
			assertRefused(api.post("/api/v1/price-lists", Map.of("name", "Dated", "currency", "TRY", "validFrom", date)),
					"validFrom");
		}
		assertThat(api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Edge"), "customerId", customer,
				"expectedCloseDate", "2200-12-31")).bearer(admin).send().status()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from opportunity where customer = ? and title = 'Dated'").param(customer)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void anImpossibleDateInAQueryIsRefusedWith400NamingTheParameter() {
		Response activities = api.get("/api/v1/activities?from=-0001-01-01&to=2026-01-31").bearer(admin).send();
		assertProblem(activities, 400, "error.validation");
		assertThat(fields(activities)).containsExactly("from");
		Response prices = api.get("/api/v1/prices?productId=" + product() + "&quantity=1&date=%2B999999999-12-31").bearer(admin)
			.send();
		assertProblem(prices, 400, "error.validation");
		assertThat(fields(prices)).containsExactly("date");
		assertThat(messages(prices)).containsExactly("A date from 1900-01-01 to 2200-12-31 is expected here.");
	}

	@Test
	void anImpossibleDateInAPageFormIsRefusedBesideTheFieldAndAPageFilterShowsItsDefault() {
		// Page filters treat a date out of range as they treat nonsense: the default period, not a 500.
		Response calendar = browser.get("/calendar?view=month&date=%2B999999999-12-31");
		assertThat(calendar.status()).isEqualTo(200);
		assertThat(calendar.body()).doesNotContain("999999999");
		assertThat(browser.get("/pipeline/stats?from=-0001-01-01&to=%2B999999999-12-31").status()).isEqualTo(200);

		String name = "Date form " + Api.uniqueName("");
		Response form = browser.submit("/customers/new", "/customers", Map.of("kind", "PERSON", "name", name, "roles",
				"CUSTOMER", "status", "ACTIVE", "country", "TR", "language", "tr", "currency", "TRY", "birthDate",
				"+999999999-12-31"));
		assertThat(form.status()).isEqualTo(422);
		assertThat(form.body()).contains("f-birthDate-error", "Type a date such as 12/31/");

		Response outOfRange = browser.submit("/customers/new", "/customers", Map.of("kind", "PERSON", "name", name, "roles",
				"CUSTOMER", "status", "ACTIVE", "country", "TR", "language", "tr", "currency", "TRY", "birthDate",
				"12/31/2201"));
		assertThat(outOfRange.status()).isEqualTo(422);
		assertThat(outOfRange.body()).contains("f-birthDate-error", "A date from 01/01/1900 to 12/31/2200 is expected here.");
		assertThat(jdbc.sql("select count(*) from customer where name = ?").param(name).query(Integer.class).single()).isZero();
	}

	@Test
	void aRequestRecordRefusesAnImpossibleDateNamingTheField() {
		assertThat(json.readValue("{\"on\":\"2200-12-31\"}", Dated.class).on()).hasYear(2200);
		assertThatThrownBy(() -> json.readValue("{\"on\":\"+999999999-12-31\"}", Dated.class))
			.isInstanceOfSatisfying(MismatchedInputException.class,
					refused -> assertThat(refused.getPathReference()).contains("\"on\""));
	}

	record Dated(LocalDate on) {
	}

	private void assertRefused(Api.Call call, String field) {
		Response answer = call.bearer(admin).send();
		assertProblem(answer, 400, "error.validation");
		assertThat(fields(answer)).as(answer.body()).contains(field);
	}

	private static List<String> fields(Response answer) {
		return answer.json().get("errors").valueStream().map(error -> error.get("field").asString()).toList();
	}

	private static List<String> messages(Response answer) {
		return answer.json().get("errors").valueStream().map(error -> error.get("message").asString()).toList();
	}

	private long customer() {
		Response created = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Range "), "roles",
				List.of("CUSTOMER"))).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long product() {
		Response created = api.post("/api/v1/products", Map.of("code", Api.uniqueName("P").toUpperCase(), "name", "Range"))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode json = created.json();
		return json.get("id").asLong();
	}
}
