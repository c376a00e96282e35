package dev.kervan.customers;

import static org.assertj.core.api.Assertions.assertThat;

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
 * An account's history reads in words in the reader's language: its changes (a salesperson, a status, a credit limit,
 * a category, a contact), with its notes and activities between them, newest first, each saying who and when.
 */
class AccountHistoryIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private Person ayse;
	private Person mehmet;
	private String category;
	private long account;

	@BeforeEach
	void aSalesManagerWorksOnAnAccount() {
		admin = api.token("admin", ADMIN_PASSWORD);
		ayse = api.createPerson(admin, "Ayşe Demir", "tr", "SALES_MANAGER");
		mehmet = api.createPerson(admin, "Mehmet Kaya", "tr", "SALESPERSON");
		category = "Toptancı " + Api.uniqueName("");
		long categoryId = created(api.post("/api/v1/customer-categories", Map.of("name", category)).bearer(admin).send());
		String token = api.token(ayse.username(), Api.PASSWORD);
		account = created(api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", "Trakya İnşaat " + Api.uniqueName(""),
				"roles", List.of("CUSTOMER"), "country", "TR", "status", "POTENTIAL", "creditLimit", "50000", "currency", "TRY",
				"categoryId", categoryId)).bearer(token).send());
		ok(api.patch("/api/v1/customers/" + account, Map.of("status", "ACTIVE", "creditLimit", "75000", "salespersonId",
				mehmet.id(), "version", 0)).bearer(token).send());
		long contact = created(api.post("/api/v1/customers/" + account + "/contacts", Map.of("name", "Gül Doğan", "phone",
				"0532 999 88 77")).bearer(token).send());
		ok(api.patch("/api/v1/customers/" + account + "/contacts/" + contact, Map.of("phone", "0532 111 22 33", "version", 0))
			.bearer(token).send());
		created(api.post("/api/v1/customers/" + account + "/notes", Map.of("text", "Arandı, teklif istedi.")).bearer(token).send());
		JsonNode call = null;
		for (JsonNode type : api.get("/api/v1/activity-types").bearer(admin).send().json().get("items")) {
			if ("CALL".equals(type.get("category").asString())) {
				call = type;
			}
		}
		long activity = created(api.post("/api/v1/activities", Map.of("typeId", call.get("id").asLong(), "subjectType",
				"CUSTOMER", "subjectId", account, "summary", "Teklifi konuş", "dueDate", "2031-03-14", "assigneeId", mehmet.id()))
			.bearer(token).send());
		ok(api.post("/api/v1/activities/" + activity + "/done", Map.of("feedback", "Teklif gönderildi."))
			.bearer(api.token(mehmet.username(), Api.PASSWORD)).send());
	}

	@Test
	void theHistoryReadsInWordsWithNamesInEnglish() {
		HistoryFeed history = historyFor("en");
		assertThat(history.lines()).containsSubsequence("Mehmet Kaya did Call “Teklifi konuş”",
				"Ayşe Demir planned Call “Teklifi konuş” for Mehmet Kaya, due Mar 14, 2031", "Ayşe Demir wrote a note",
				"Ayşe Demir changed Phone of the contact Gül Doğan from +90 532 999 88 77 to +90 532 111 22 33",
				"Ayşe Demir added the contact Gül Doğan", "Ayşe Demir changed Status from Potential to Active",
				"Ayşe Demir set Salesperson to Mehmet Kaya",
				"Ayşe Demir changed Credit limit from TRY 50,000.00 to TRY 75,000.00", "Ayşe Demir created the account");
		assertThat(history.details()).contains("Category: " + category, "Status: Potential", "Roles: Customer",
				"Credit limit: TRY 50,000.00", "Country: Türkiye", "Language: Turkish");
		assertThat(history.texts()).containsExactly("Teklif gönderildi.", "Arandı, teklif istedi.");
	}

	@Test
	void notesAndActivitiesAreInterleavedWithTheChangesNewestFirst() {
		HistoryFeed history = historyFor("en");
		assertThat(history.kinds()).containsSubsequence("ACTIVITY_DONE", "ACTIVITY_PLANNED", "NOTE", "CHANGED", "CHANGED",
				"CHANGED", "CREATED");
		assertThat(history.kinds().getLast()).isEqualTo("CREATED");
		assertThat(history.html()).contains("<time class=\"kervan-feed-time\"");
	}

	@Test
	void theHistoryReadsInWordsWithNamesInTurkish() {
		HistoryFeed history = historyFor("tr");
		assertThat(history.lines()).containsSubsequence("Mehmet Kaya, Arama etkinliğini tamamladı: “Teklifi konuş”",
				"Ayşe Demir, Mehmet Kaya için son tarihi 14 Mar 2031 olan Arama planladı: “Teklifi konuş”",
				"Ayşe Demir bir not yazdı",
				"Ayşe Demir, kişi Gül Doğan için Telefon alanını +90 532 999 88 77 yerine +90 532 111 22 33 olarak değiştirdi",
				"Ayşe Demir yeni kişi ekledi: Gül Doğan", "Ayşe Demir, Durum alanını Potansiyel yerine Aktif olarak değiştirdi",
				"Ayşe Demir, Satış temsilcisi alanını Mehmet Kaya olarak belirledi",
				"Ayşe Demir, Açık hesap limiti alanını ₺50.000,00 yerine ₺75.000,00 olarak değiştirdi",
				"Ayşe Demir hesabı oluşturdu");
		assertThat(history.details()).contains("Kategori: " + category, "Durum: Potansiyel", "Dil: Türkçe");
	}

	@Test
	void theHistoryReadsInWordsWithNamesInPersian() {
		HistoryFeed history = historyFor("fa");
		assertThat(history.lines()).containsSubsequence("Mehmet Kaya تماس «Teklifi konuş» را انجام داد",
				"Ayşe Demir تماس «Teklifi konuş» را برای Mehmet Kaya با سررسید ۱۴ مارس ۲۰۳۱ برنامه‌ریزی کرد",
				"Ayşe Demir یادداشتی نوشت",
				"Ayşe Demir تلفن مخاطب Gül Doğan را از +90 532 999 88 77 به +90 532 111 22 33 تغییر داد",
				"Ayşe Demir مخاطب تازه‌ای افزود: Gül Doğan", "Ayşe Demir وضعیت را از بالقوه به فعال تغییر داد",
				"Ayşe Demir کارشناس فروش را Mehmet Kaya تعیین کرد",
				"Ayşe Demir سقف اعتبار را از \u200eTRY ۵۰٬۰۰۰٫۰۰ به \u200eTRY ۷۵٬۰۰۰٫۰۰ تغییر داد",
				"Ayşe Demir حساب را ایجاد کرد");
		assertThat(history.details()).contains("دسته: " + category, "وضعیت: بالقوه");
	}

	@Test
	void noLineShowsAnIdOrAFieldsCodeName() {
		JsonNode trail = api.get("/api/v1/customers/" + account + "/history").bearer(admin).send().json().get("items");
		assertThat(trail.toString()).contains("salespersonId", "contacts[", "POTENTIAL");
		for (String language : List.of("en", "tr", "fa")) {
			assertThat(historyFor(language).codesShown(trail, Set.of("salespersonId", "categoryId", "branchId")))
				.as(language).isEmpty();
		}
	}

	@Test
	void theHistoryIsBuiltOnlyWhenItsTabIsShownAndOnlyForThoseWhoMayReadTheAccount() {
		Person reader = api.createPerson(admin, "Reader lazy", "en", "SALES_MANAGER");
		Browserless browser = new Browserless(api.base()).loggedInAs(reader.username(), Api.PASSWORD);
		Response overview = browser.get("/customers/" + account);
		assertThat(overview.body()).contains("id=\"history-loading\"", "hx-get=\"/customers/" + account + "/history\"")
			.doesNotContain("kervan-feed-entry", "id=\"history\"");
		Response tab = browser.get("/customers/" + account + "/history");
		assertThat(tab.status()).isEqualTo(200);
		assertThat(tab.body()).doesNotContain("<html");
		assertThat(HistoryFeed.of(tab.body()).lines()).contains("Ayşe Demir added the contact Gül Doğan");

		String portal = Api.uniqueName("portal");
		assertThat(api.createUser(admin, portal, "en", "PORTAL").status()).isEqualTo(201);
		Response refused = new Browserless(api.base()).loggedInAs(portal, Api.PASSWORD).get("/customers/" + account + "/history");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain("Gül Doğan");
	}

	private HistoryFeed historyFor(String language) {
		Person reader = api.createPerson(admin, "Reader " + language, language, "SALES_MANAGER");
		Response page = new Browserless(api.base()).loggedInAs(reader.username(), Api.PASSWORD)
			.get("/customers/" + account + "?tab=history");
		assertThat(page.status()).isEqualTo(200);
		return HistoryFeed.of(page.body());
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
	}
}
