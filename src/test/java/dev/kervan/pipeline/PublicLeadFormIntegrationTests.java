package dev.kervan.pipeline;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

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

	@Test
	void aFormIsTakenOnlyFromTheAddressItWasShownToAndOnlyOnce() throws Exception {
		HttpClient visitor = from("127.0.0.3");
		HttpClient elsewhere = from("127.0.0.4");
		var matcher = TOKEN.matcher(Api.exchange(visitor, HttpRequest.newBuilder(URI.create(api.base() + "/public/lead-form"))
			.GET().build()).body());
		assertThat(matcher.find()).isTrue();
		String token = matcher.group(1);
		String company = Api.uniqueName("Replayed");
		Thread.sleep(1_100);

		Response replayedElsewhere = post(elsewhere, send(token, company, ""));
		assertThat(replayedElsewhere.status()).isEqualTo(422);
		assertThat(replayedElsewhere.body()).contains("id=\"form-notice\"", "Please check your details and send the form again.");
		assertThat(leadsOf(company)).isZero();

		assertThat(post(visitor, send(token, company, "")).body()).contains("form-thanks");
		Response sentAgain = post(visitor, send(token, company, ""));
		assertThat(sentAgain.status()).isEqualTo(409);
		assertThat(sentAgain.body()).contains("This form was sent already.");
		assertThat(post(elsewhere, send(token, company, "")).status()).isEqualTo(422);
		assertThat(leadsOf(company)).isEqualTo(1);

		// The form shown again after a refusal carries a token for the address that sees it.
		var fresh = TOKEN.matcher(replayedElsewhere.body());
		assertThat(fresh.find()).isTrue();
		Thread.sleep(1_100);
		assertThat(post(elsewhere, send(fresh.group(1), company + " elsewhere", "")).body()).contains("form-thanks");
		assertThat(leadsOf(company + " elsewhere")).isEqualTo(1);
	}

	/** A client whose requests come from the given loopback address. */
	private static HttpClient from(String address) throws Exception {
		return HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
	}

	private Response post(HttpClient client, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return Api.exchange(client, HttpRequest.newBuilder(URI.create(api.base() + "/public/lead-form"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private long leadsOf(String company) {
		return jdbc.sql("select count(*) from lead where company_name = :company").param("company", company)
			.query(Long.class).single();
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
