package dev.kervan.inventory;

import static dev.kervan.support.PickerAnswers.encode;
import static dev.kervan.support.PickerAnswers.ids;
import static dev.kervan.support.PickerAnswers.pick;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The warehouses picker's source. */
class InventoryPickersIntegrationTests extends PageIntegrationTest {

	@Test
	void anActiveWarehouseIsFoundByCodeOrByNameInTurkishOrPersianLetters() {
		String code = Api.uniqueName("W").substring(0, 8);
		long gebze = warehouse(code, "Gebze Şişecam Deposu");
		long tehran = warehouse(Api.uniqueName("W").substring(0, 8), "انبار کرج " + code);
		long closed = warehouse(Api.uniqueName("W").substring(0, 8), "Kapalı depo " + code);
		assertThat(api.patch("/api/v1/warehouses/" + closed, Map.of("active", false)).header("If-Match", "*").bearer(admin)
			.send().status()).isEqualTo(200);

		assertThat(ids(pick(browser, "/pick/warehouses?q=" + code))).containsExactlyInAnyOrder(gebze, tehran);
		assertThat(ids(pick(browser, "/pick/warehouses?q=" + encode("sisecam " + code)))).containsExactly(gebze);
		assertThat(ids(pick(browser, "/pick/warehouses?q=" + encode("كرج " + code)))).containsExactly(tehran);
		JsonNode match = pick(browser, "/pick/warehouses?q=" + encode("sisecam " + code)).get("matches").get(0);
		assertThat(match.get("label").asString()).isEqualTo("Gebze Şişecam Deposu");
		assertThat(match.get("detail").asString()).isEqualTo(code);
	}

	@Test
	void aPortalUserIsRefusedTheWarehouses() {
		String portal = Api.uniqueName("portal");
		api.createUser(admin, portal, "en", "PORTAL");

		Response refused = new Browserless(api.base()).loggedInAs(portal, Api.PASSWORD).getJson("/pick/warehouses");

		assertThat(refused.status()).isEqualTo(403);
	}

	private long warehouse(String code, String name) {
		Response created = api.post("/api/v1/warehouses", Map.of("code", code, "name", name)).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}
}
