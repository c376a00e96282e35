package dev.kervan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Persian pages draw every figure of their tables and boards in Persian digits (through platform.Formats): counts,
 * probabilities, days, stock figures; never a Latin digit beside Persian ones.
 */
class PersianDigitsIntegrationTests extends PageIntegrationTest {

	/** The text of the cells that hold figures: right-aligned cells and badges that count. */
	private static final Pattern FIGURE = Pattern.compile(
			"<(?:td|dd|span|div)[^>]*class=\"[^\"]*(?:text-end|kervan-column-count|h4 mb-0)[^\"]*\"[^>]*>([^<]*)<");

	@Test
	void thePipelineBoardSettingsListAndStatisticsShowFiguresInPersianDigits() {
		api.post("/api/v1/opportunities", Map.of("title", Api.uniqueName("Figures"), "expectedRevenue", "12500",
				"probability", 35)).bearer(admin).send();
		Browserless persian = reader("SALES_MANAGER");

		for (String page : List.of("/pipeline", "/pipeline/settings?teamId=1", "/pipeline/list", "/pipeline/stats")) {
			assertFiguresInPersianDigits(persian.get(page), page);
		}
	}

	@Test
	void theReplenishmentListAndActivityTypesShowFiguresInPersianDigits() {
		String code = Api.uniqueName("RAQAM");
		long product = api.post("/api/v1/products", Map.of("code", code, "name", "Şaft", "minStock", "12", "maxStock", "40"))
			.bearer(admin).send().json().get("id").asLong();
		long supplier = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Tedarik"), "roles",
				List.of("SUPPLIER"))).bearer(admin).send().json().get("id").asLong();
		Response terms = api.post("/api/v1/products/" + product + "/suppliers", Map.of("supplierId", supplier, "price", "10",
				"currency", "TRY", "leadDays", 14, "preferred", true)).bearer(admin).send();
		assertThat(terms.status()).as(terms.body()).isEqualTo(200);
		Browserless persian = reader("WAREHOUSE", "PURCHASING", "SALES_MANAGER");

		Response replenishment = persian.get("/inventory/replenishment");
		assertFiguresInPersianDigits(replenishment, "/inventory/replenishment");
		assertThat(replenishment.body()).contains(code, "۱۴", "۱۲");
		assertFiguresInPersianDigits(persian.get("/activities/types"), "/activities/types");
		assertFiguresInPersianDigits(persian.get("/products/" + product), "/products/" + product);
	}

	private static void assertFiguresInPersianDigits(Response page, String path) {
		assertThat(page.status()).as(path).isEqualTo(200);
		Matcher figures = FIGURE.matcher(page.body());
		int found = 0;
		while (figures.find()) {
			String figure = figures.group(1);
			assertThat(figure).as("a figure on %s", path).doesNotContainPattern("[0-9]");
			found += figure.codePoints().anyMatch(c -> c >= '۰' && c <= '۹') ? 1 : 0;
		}
		assertThat(found).as("figures in Persian digits on %s", path).isPositive();
	}

	/** A reader of Persian with the roles, logged in on a browser without JavaScript. */
	private Browserless reader(String... roles) {
		String username = Api.uniqueName("fa");
		Response created = api.post("/api/v1/users", Map.of("username", username, "displayName", "Reader " + username,
				"language", "fa", "roles", List.of(roles), "password", Api.PASSWORD))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
	}
}
