package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.HistoryFeed;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An opportunity's history reads in words in the reader's language: a stage move, a salesperson and an expected
 * revenue changed, a win, by names and amounts as people write them, never by ids or field names.
 */
class OpportunityHistoryIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private Person ayse;
	private Person mehmet;
	private long opportunity;
	private List<Long> stages;

	@BeforeEach
	void aSalesManagerWorksOnAnOpportunity() {
		admin = api.token("admin", ADMIN_PASSWORD);
		ayse = api.createPerson(admin, "Ayşe Demir", "tr", "SALES_MANAGER");
		mehmet = api.createPerson(admin, "Mehmet Kaya", "tr", "SALESPERSON");
		String token = api.token(ayse.username(), Api.PASSWORD);
		long team = created(api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Team"), "memberIds",
				List.of(mehmet.id()))).bearer(token).send());
		stages = new ArrayList<>();
		for (Object[] stage : new Object[][] { { "Qualified", 20, false }, { "Proposition", 50, false }, { "Won", 100, true } }) {
			stages.add(created(api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", stage[0], "probability",
					stage[1], "won", stage[2])).bearer(token).send()));
		}
		long customer = created(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name",
				"Trakya İnşaat " + Api.uniqueName(""), "roles", List.of("CUSTOMER"), "country", "TR")).bearer(token).send());
		opportunity = created(api.post("/api/v1/opportunities", Map.of("title", "Vinç kiralama", "customerId", customer,
				"expectedRevenue", "10000", "currency", "TRY", "teamId", team, "stageId", stages.get(0))).bearer(token).send());
		assertThat(api.patch("/api/v1/opportunities/" + opportunity, Map.of("expectedRevenue", "12500", "salespersonId",
				mehmet.id(), "version", 0)).bearer(token).send().status()).isEqualTo(200);
		assertThat(api.post("/api/v1/opportunities/" + opportunity + "/move", Map.of("stageId", stages.get(1), "version", 1))
			.bearer(token).send().status()).isEqualTo(200);
		assertThat(api.post("/api/v1/opportunities/" + opportunity + "/won", Map.of("version", 2)).bearer(token).send()
			.status()).isEqualTo(200);
	}

	@Test
	void theHistoryReadsInWordsWithNamesInEnglish() {
		HistoryFeed history = historyFor("en");
		assertThat(history.lines()).containsSubsequence("Ayşe Demir moved it from Proposition to Won",
				"Ayşe Demir marked it won", "Ayşe Demir changed Probability from 50% to 100%",
				"Ayşe Demir moved it from Qualified to Proposition",
				"Ayşe Demir changed Expected revenue from TRY 10,000.00 to TRY 12,500.00",
				"Ayşe Demir changed Salesperson from Ayşe Demir to Mehmet Kaya", "Ayşe Demir created the opportunity");
		assertThat(history.details()).contains("Stage: Qualified", "Status: Open", "Expected revenue: TRY 10,000.00",
				"Probability: 20%", "Salesperson: Ayşe Demir");
	}

	@Test
	void theHistoryReadsInWordsWithNamesInTurkish() {
		HistoryFeed history = historyFor("tr");
		assertThat(history.lines()).containsSubsequence("Ayşe Demir fırsatı kazanıldı olarak işaretledi",
				"Ayşe Demir fırsatı Qualified aşamasından Proposition aşamasına taşıdı",
				"Ayşe Demir, Beklenen gelir alanını ₺10.000,00 yerine ₺12.500,00 olarak değiştirdi",
				"Ayşe Demir, Satış temsilcisi alanını Ayşe Demir yerine Mehmet Kaya olarak değiştirdi",
				"Ayşe Demir fırsatı oluşturdu");
		assertThat(history.details()).contains("Durum: Açık", "Olasılık: %20");
	}

	@Test
	void theHistoryReadsInWordsWithNamesInPersian() {
		HistoryFeed history = historyFor("fa");
		assertThat(history.lines()).containsSubsequence("Ayşe Demir آن را برنده‌شده علامت زد",
				"Ayşe Demir آن را از مرحلهٔ Qualified به مرحلهٔ Proposition برد",
				"Ayşe Demir درآمد مورد انتظار را از \u200eTRY ۱۰٬۰۰۰٫۰۰ به \u200eTRY ۱۲٬۵۰۰٫۰۰ تغییر داد",
				"Ayşe Demir کارشناس فروش را از Ayşe Demir به Mehmet Kaya تغییر داد", "Ayşe Demir فرصت را ایجاد کرد");
		assertThat(history.details()).contains("وضعیت: باز", "احتمال: ۲۰٪");
	}

	@Test
	void noLineShowsAnIdOrAFieldsCodeName() {
		JsonNode trail = api.get("/api/v1/opportunities/" + opportunity + "/history").bearer(admin).send().json().get("items");
		assertThat(trail.toString()).contains("expectedRevenue", "\"WON\"");
		for (String language : List.of("en", "tr", "fa")) {
			assertThat(historyFor(language).codesShown(trail, Set.of("stage", "salesperson", "team", "customer")))
				.as(language).isEmpty();
		}
	}

	private HistoryFeed historyFor(String language) {
		Person reader = api.createPerson(admin, "Reader " + language, language, "SALES_MANAGER");
		Response page = new Browserless(api.base()).loggedInAs(reader.username(), Api.PASSWORD)
			.get("/pipeline/opportunities/" + opportunity);
		assertThat(page.status()).isEqualTo(200);
		return HistoryFeed.of(page.body());
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}
}
