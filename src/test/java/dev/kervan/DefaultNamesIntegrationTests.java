package dev.kervan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The stages, team, lost reasons, activity types, units and categories Kervan arrives with read in the reader's
 * language (platform.TranslatedNames), and a rename is what is shown afterwards.
 */
class DefaultNamesIntegrationTests extends PageIntegrationTest {

	@Test
	void aTurkishAndAPersianReaderSeeTheSeededTeamStagesAndLostReasonsInTheirLanguage() {
		String settings = "/pipeline/settings?teamId=" + seededTeam();
		assertThat(reader("tr").get(settings).body())
			.contains("Satış", "Yeni", "Nitelikli", "Teklif", "Müzakere", "Kazanıldı", "Çok pahalı", "Stok yetersiz")
			.doesNotContain(">Qualified<", ">Negotiation<", "Too expensive", "Not enough stock");
		assertThat(reader("fa").get(settings).body())
			.contains("فروش", "جدید", "واجد شرایط", "پیشنهاد", "مذاکره", "موفق", "خیلی گران است", "موجودی کافی نیست")
			.doesNotContain(">Qualified<", ">Negotiation<", "Too expensive", "Not enough stock");
		assertThat(reader("en").get(settings).body())
			.contains("Sales", "Qualified", "Negotiation", "Too expensive", "Not enough stock")
			.doesNotContain("Nitelikli", "واجد شرایط");
	}

	@Test
	void aTurkishAndAPersianReaderSeeTheSeededActivityTypesInTheirLanguage() {
		assertThat(reader("tr").get("/activities/types").body()).contains("E-posta", "Arama", "Toplantı", "Yapılacak iş")
			.doesNotContain(">Email<", ">To-do<");
		assertThat(reader("fa").get("/activities/types").body()).contains("ایمیل", "تماس", "جلسه")
			.doesNotContain(">Email<", ">To-do<");
	}

	@Test
	void aTurkishAndAPersianReaderSeeTheSeededUnitsAndCategoriesInTheirLanguage() {
		// Categories arrive with the demonstration catalog, named in Turkish with English and Persian beside it.
		String category = Api.uniqueName("Beyaz eşya");
		jdbc.sql("insert into product_category (name, name_translations) values (:name, cast(:names as jsonb))")
			.param("name", category)
			.param("names", "{\"en\": \"White goods " + category + "\", \"fa\": \"لوازم خانگی " + category + "\"}")
			.update();

		assertThat(reader("tr").get("/products/settings").body())
			.contains("Adet", "Santimetre", "12&#39;li kutu", category)
			.doesNotContain(">Piece<", "Centimetre", "White goods " + category);
		assertThat(reader("fa").get("/products/settings").body())
			.contains("عدد", "کیلوگرم", "سانتی‌متر", "لوازم خانگی " + category)
			.doesNotContain(">Piece<", "Centimetre", "White goods " + category);
		assertThat(reader("en").get("/products/settings").body()).contains("Piece", "Centimetre", "White goods " + category);
	}

	@Test
	void aRenameInTheReadersLanguageReplacesThatLanguagesNameOnly() {
		JsonNode reason = seededLostReason("Not enough stock");
		long id = reason.get("id").asLong();
		try {
			rename("/api/v1/lost-reasons/" + id, "tr", "Stokta kalmadı");

			assertThat(reader("tr").get("/pipeline/settings").body()).contains("Stokta kalmadı").doesNotContain("Stok yetersiz");
			assertThat(reader("fa").get("/pipeline/settings").body()).contains("موجودی کافی نیست");
			assertThat(reader("en").get("/pipeline/settings").body()).contains("Not enough stock");

			rename("/api/v1/lost-reasons/" + id, "en", "Out of stock");

			assertThat(reader("en").get("/pipeline/settings").body()).contains("Out of stock").doesNotContain("Not enough stock");
			assertThat(reader("tr").get("/pipeline/settings").body()).contains("Stokta kalmadı");
		}
		finally {
			rename("/api/v1/lost-reasons/" + id, "tr", "Stok yetersiz");
			rename("/api/v1/lost-reasons/" + id, "en", "Not enough stock");
		}
	}

	@Test
	void aRenameOfANameWithoutTranslationsIsWhatEveryoneSees() {
		String name = Api.uniqueName("Teklif bekleniyor");
		long id = api.post("/api/v1/lost-reasons", Map.of("name", name)).bearer(admin).send().json().get("id").asLong();

		rename("/api/v1/lost-reasons/" + id, "fa", name + " دیگر");

		for (String language : List.of("en", "tr", "fa")) {
			assertThat(reader(language).get("/pipeline/settings").body()).as(language).contains(name + " دیگر");
		}
	}

	@Test
	void aRenamedSeededStageIsNamedInItsNewNameInTheReadersLanguageAndTheOthersKeepTheirs() {
		JsonNode stage = api.get("/api/v1/pipeline-stages?teamId=" + seededTeam()).bearer(admin).send().json().get("items")
			.valueStream()
			.filter(s -> s.get("name").asString().equals("Negotiation")).findFirst().orElseThrow();
		String path = "/api/v1/pipeline-stages/" + stage.get("id").asLong();
		try {
			rename(path, "fa", "چانه‌زنی");

			assertThat(api.get(path + "?lang=fa").bearer(admin).send().json().get("name").asString()).isEqualTo("چانه‌زنی");
			assertThat(api.get(path + "?lang=tr").bearer(admin).send().json().get("name").asString()).isEqualTo("Müzakere");
			assertThat(api.get(path).bearer(admin).send().json().get("name").asString()).isEqualTo("Negotiation");
		}
		finally {
			rename(path, "fa", "مذاکره");
		}
	}

	/** The team Kervan arrives with, where the seeded stages are. */
	private long seededTeam() {
		return api.get("/api/v1/sales-teams").bearer(admin).send().json().get("items").valueStream()
			.filter(team -> team.get("name").asString().equals("Sales")).findFirst().orElseThrow().get("id").asLong();
	}

	private JsonNode seededLostReason(String name) {
		return api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").valueStream()
			.filter(r -> r.get("name").asString().equals(name)).findFirst().orElseThrow();
	}

	private void rename(String path, String language, String name) {
		long version = api.get(path).bearer(admin).send().json().get("version").asLong();
		Response renamed = api.patch(path + "?lang=" + language, Map.of("name", name)).bearer(admin)
			.header("If-Match", "\"" + version + "\"").send();
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
	}

	/** A sales manager reading in the language, logged in on a browser without JavaScript. */
	private Browserless reader(String language) {
		String username = Api.uniqueName(language);
		Response created = api.post("/api/v1/users", Map.of("username", username, "displayName", "Reader " + username,
				"language", language, "roles", List.of("SALES_MANAGER", "PURCHASING"), "password", Api.PASSWORD))
			.bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Browserless(api.base()).loggedInAs(username, Api.PASSWORD);
	}
}
