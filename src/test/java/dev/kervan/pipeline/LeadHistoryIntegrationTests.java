package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.HistoryFeed;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A lead's history reads in words in the reader's language: its revenue and salesperson changed, then qualified. */
class LeadHistoryIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private long lead;

	@BeforeEach
	void aSalesManagerQualifiesALead() {
		admin = api.token("admin", ADMIN_PASSWORD);
		Person ayse = api.createPerson(admin, "Ayşe Demir", "tr", "SALES_MANAGER");
		Person mehmet = api.createPerson(admin, "Mehmet Kaya", "tr", "SALESPERSON");
		String token = api.token(ayse.username(), Api.PASSWORD);
		Response created = api.post("/api/v1/leads", Map.of("title", "Forklift kiralama", "contactName", "Gül Doğan",
				"expectedRevenue", "5000", "currency", "TRY", "priority", 2)).bearer(token).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		lead = created.json().get("id").asLong();
		Response changed = api.patch("/api/v1/leads/" + lead, Map.of("expectedRevenue", "7500", "salespersonId", mehmet.id(),
				"version", 0)).bearer(token).send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		Response qualified = api.post("/api/v1/leads/" + lead + "/qualify", Map.of("version", 1)).bearer(token).send();
		assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
	}

	@Test
	void theHistoryReadsInWordsWithNamesInEnglish() {
		HistoryFeed history = historyFor("en");
		assertThat(history.lines()).containsSubsequence("Ayşe Demir qualified it",
				"Ayşe Demir changed Expected revenue from TRY 5,000.00 to TRY 7,500.00", "Ayşe Demir created the lead");
		assertThat(history.lines()).anyMatch(line -> line.startsWith("Ayşe Demir ") && line.endsWith(" Mehmet Kaya")
				&& line.contains("Salesperson"));
		assertThat(history.details()).contains("Status: New", "Priority: ★★☆", "Expected revenue: TRY 5,000.00");
	}

	@Test
	void theHistoryReadsInWordsWithNamesInTurkish() {
		HistoryFeed history = historyFor("tr");
		assertThat(history.lines()).containsSubsequence("Ayşe Demir adayı nitelikli buldu",
				"Ayşe Demir, Beklenen gelir alanını ₺5.000,00 yerine ₺7.500,00 olarak değiştirdi", "Ayşe Demir adayı oluşturdu");
		assertThat(history.details()).contains("Durum: Yeni");
	}

	@Test
	void theHistoryReadsInWordsWithNamesInPersian() {
		HistoryFeed history = historyFor("fa");
		assertThat(history.lines()).containsSubsequence("Ayşe Demir آن را واجد شرایط دانست",
				"Ayşe Demir درآمد مورد انتظار را از \u200eTRY ۵٬۰۰۰٫۰۰ به \u200eTRY ۷٬۵۰۰٫۰۰ تغییر داد",
				"Ayşe Demir سرنخ را ایجاد کرد");
		assertThat(history.details()).contains("وضعیت: تازه");
	}

	private HistoryFeed historyFor(String language) {
		Person reader = api.createPerson(admin, "Reader " + language, language, "SALES_MANAGER");
		Response page = new Browserless(api.base()).loggedInAs(reader.username(), Api.PASSWORD).get("/pipeline/leads/" + lead);
		assertThat(page.status()).isEqualTo(200);
		return HistoryFeed.of(page.body());
	}
}
