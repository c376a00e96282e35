package dev.kervan.pipeline;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.Browserless;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;

class PublicLeadFormIntegrationTests extends KervanIntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

	@Test
	void visitorsLeaveLeadsRobotsAndFloodsAreKeptOutAndTheLeadStepCanBeSwitchedOff() throws Exception {
		String admin = api.token("admin", ADMIN_PASSWORD);
		var visitor = new Browserless(api.base());
		Response form = visitor.get("/public/lead-form?lang=tr");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Bize ulaşın", "name=\"website\"");

		var tokens = new ArrayList<String>();
		for (int i = 0; i < 7; i++) {
			var matcher = TOKEN.matcher(visitor.get("/public/lead-form").body());
			assertThat(matcher.find()).isTrue();
			tokens.add(matcher.group(1));
		}
		String company = Api.uniqueName("Web Lojistik");
		assertThat(visitor.post("/public/lead-form", send(tokens.get(0), company, "")).status()).as("too soon").isEqualTo(422);
		Thread.sleep(1_100);

		assertThat(visitor.post("/public/lead-form", send(tokens.get(0), "", "")).status()).as("no name").isEqualTo(422);
		Response thanks = visitor.post("/public/lead-form", send(tokens.get(0), company, ""));
		assertThat(thanks.status()).isEqualTo(200);
		assertThat(thanks.body()).contains("form-thanks");
		assertThat(visitor.post("/public/lead-form", send(tokens.get(1), company + " robot", "http://spam.example")).status())
			.isEqualTo(200);
		assertThat(visitor.post("/public/lead-form", send("1." + "0".repeat(64), company + " forged", "")).status()).isEqualTo(200);

		String leads = api.get("/api/v1/leads?limit=200").bearer(admin).send().body();
		assertThat(leads).contains(company + " – web").doesNotContain(company + " robot").doesNotContain(company + " forged");

		// The lead step off: new leads are refused, the form enters opportunities.
		assertThat(api.patch("/api/v1/pipeline-settings", Map.of("leadsEnabled", false))
			.header("If-Match", "*")
			.bearer(admin).send().status()).isEqualTo(200);
		try {
			assertProblem(api.post("/api/v1/leads", Map.of("title", "Refused")).bearer(admin).send(), 409, "error.lead.step-off");
			assertThat(visitor.post("/public/lead-form", send(tokens.get(2), company + " direct", "")).status()).isEqualTo(200);
			assertThat(api.get("/api/v1/opportunities?limit=200").bearer(admin).send().body()).contains(company + " direct – web");
		}
		finally {
			api.patch("/api/v1/pipeline-settings", Map.of("leadsEnabled", true)).header("If-Match", "*").bearer(admin).send();
		}

		for (int i = 3; i < 6; i++) {
			assertThat(visitor.post("/public/lead-form", send(tokens.get(i), company + " " + i, "")).status()).isEqualTo(200);
		}
		assertThat(visitor.post("/public/lead-form", send(tokens.get(6), company + " flood", "")).status()).as("sixth in ten minutes")
			.isEqualTo(429);
		String seller = api.userWithRoles(admin, "SALESPERSON");
		assertProblem(api.patch("/api/v1/pipeline-settings", Map.of("leadsEnabled", false)).bearer(seller).send(), 403,
				"error.pipeline.forbidden");
	}

	private static Map<String, String> send(String token, String company, String website) {
		var fields = new HashMap<String, String>();
		fields.put("token", token);
		fields.put("name", company.isEmpty() ? "" : "Ali Veli");
		fields.put("company", company);
		fields.put("email", "ali@weblead.example");
		fields.put("phone", "0532 123 45 67");
		fields.put("message", "Forklift kiralamak istiyoruz.");
		fields.put("website", website);
		return fields;
	}
}
