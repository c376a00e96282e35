package dev.kervan.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Person;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.HistoryFeed;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's history reads in words: roles and language by their names, a deactivation and a new password said so. */
class UserHistoryIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private Person leyla;

	@BeforeEach
	void anAdministratorChangesAUser() {
		admin = api.token("admin", ADMIN_PASSWORD);
		Person ayse = api.createPerson(admin, "Ayşe Demir", "tr", "ADMIN");
		String token = api.token(ayse.username(), Api.PASSWORD);
		leyla = api.createPerson(token, "Leyla Karaca", "tr", "SALESPERSON");
		Response changed = api.patch("/api/v1/users/" + leyla.id(), Map.of("roles", List.of("SALESPERSON", "SALES_MANAGER"),
				"language", "fa", "version", 0)).bearer(token).send();
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(api.call("PUT", "/api/v1/users/" + leyla.id() + "/password").json(Map.of("password", "an even longer password"))
			.bearer(token).send().status()).isEqualTo(204);
		Response deactivated = api.patch("/api/v1/users/" + leyla.id(), Map.of("active", false, "version", 2)).bearer(token)
			.send();
		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
	}

	@Test
	void theHistoryReadsInWordsInEnglishTurkishAndPersian() {
		HistoryFeed english = historyFor("en");
		assertThat(english.lines()).containsSubsequence("Ayşe Demir deactivated the user", "Ayşe Demir set a new password",
				"Ayşe Demir changed Roles from Salesperson to Salesperson and Sales manager",
				"Ayşe Demir changed Language from Turkish to Persian", "Ayşe Demir created the user");
		assertThat(english.details()).contains("Name: Leyla Karaca", "Roles: Salesperson", "Language: Turkish", "Active: yes");
		HistoryFeed turkish = historyFor("tr");
		assertThat(turkish.lines()).contains("Ayşe Demir kullanıcıyı devre dışı bıraktı", "Ayşe Demir yeni bir parola belirledi",
				"Ayşe Demir, Dil alanını Türkçe yerine Farsça olarak değiştirdi");
		HistoryFeed persian = historyFor("fa");
		assertThat(persian.lines()).contains("Ayşe Demir کاربر را غیرفعال کرد", "Ayşe Demir گذرواژهٔ تازه‌ای گذاشت",
				"Ayşe Demir زبان را از ترکی استانبولی به فارسی تغییر داد");
		assertThat(english.text() + turkish.text() + persian.text()).doesNotContain("an even longer password", "argon");
	}

	private HistoryFeed historyFor(String language) {
		Person reader = api.createPerson(admin, "Reader " + language, language, "ADMIN");
		Response page = new Browserless(api.base()).loggedInAs(reader.username(), Api.PASSWORD)
			.get("/admin/users/" + leyla.id());
		assertThat(page.status()).isEqualTo(200);
		return HistoryFeed.of(page.body());
	}
}
