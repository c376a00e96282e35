package dev.kervan.customers;

import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerApiIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void anAccountIsGivenItsOwnPriceListAndSalesTeamAndUnknownOrInactiveOnesAreRefused() {
		long id = create(admin, Map.of("kind", "COMPANY", "name", Api.uniqueName("Liste sahibi"), "taxNumber", taxNumber()))
			.json().get("id").asLong();
		long list = api.post("/api/v1/price-lists", Map.of("name", Api.uniqueName("Bayi listesi"), "currency", "TRY"))
			.bearer(admin).send().json().get("id").asLong();
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Ege ekibi"))).bearer(admin).send().json()
			.get("id").asLong();

		Response refused = api.patch("/api/v1/customers/" + id, Map.of("priceListId", 987654321, "teamId", 987654321))
			.header("If-Match", "\"0\"").bearer(admin).send();
		assertProblem(refused, 400, "error.validation");
		assertThat(refused.json().get("errors").toString()).contains("\"field\":\"priceListId\"", "\"field\":\"teamId\"");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("version").asLong()).isZero();

		Response given = api.patch("/api/v1/customers/" + id, Map.of("priceListId", list, "teamId", team))
			.header("If-Match", "\"0\"").bearer(admin).send();
		assertThat(given.status()).as(given.body()).isEqualTo(200);
		assertThat(given.json().get("priceListId").asLong()).isEqualTo(list);
		assertThat(given.json().get("teamId").asLong()).isEqualTo(team);
	}

	@Test
	void aCompanyIsCreatedWithItsPhoneInE164() {
		String tax = taxNumber();
		Response created = create(admin, Map.of("kind", "COMPANY", "name", "Anadolu Makina A.Ş.", "roles",
				List.of("CUSTOMER"), "taxNumber", tax, "country", "TR", "email", "info@anadolu.example", "phone",
				"0 (212) 555 12 34", "tags", List.of("vip", "istanbul")));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode customer = created.json();
		assertThat(customer.get("id").asLong()).isPositive();
		assertThat(customer.get("version").asLong()).isZero();
		assertThat(customer.get("phone").asString()).isEqualTo("+902125551234");
		assertThat(customer.get("phoneDisplay").asString()).isEqualTo("+90 212 555 12 34");
		assertThat(customer.get("taxNumber").asString()).isEqualTo(tax);
		assertThat(customer.get("roles").toString()).contains("CUSTOMER");
		assertThat(created.header("Location")).hasValue("/api/v1/customers/" + customer.get("id").asLong());
		assertThat(api.get("/api/v1/customers/" + customer.get("id").asLong()).bearer(admin).send().json().get("name")
			.asString()).isEqualTo("Anadolu Makina A.Ş.");
	}

	@Test
	void badInputIsRefusedFieldByFieldAndChangesNothing() {
		long before = count();
		Response response = create(admin, Map.of("name", "", "email", "not-mail", "phone", "12", "country", "XX",
				"roles", List.of("FRIEND"), "creditLimit", "-5", "colour", "blue"));
		assertProblem(response, 400, "error.validation");
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).contains("kind", "name", "email", "phone", "country", "roles", "creditLimit", "colour");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void theSameTaxNumberInTheSameCountryIsRefusedWithALinkToTheExistingAccount() {
		String tax = taxNumber();
		long id = create(admin, company("First Holding", tax)).json().get("id").asLong();
		Response duplicate = create(admin, company("Second Holding", tax.substring(0, 3) + " " + tax.substring(3)));
		assertProblem(duplicate, 409, "error.customer.duplicate-tax-number");
		assertThat(duplicate.json().get("existingId").asLong()).isEqualTo(id);
		assertThat(duplicate.json().get("existing").asString()).isEqualTo("/api/v1/customers/" + id);
		var sameNumberElsewhere = new HashMap<>(company("Third Holding", tax));
		sameNumberElsewhere.put("country", "DE");
		assertThat(create(admin, sameNumberElsewhere).status()).isEqualTo(201);
	}

	@Test
	void searchFollowsTurkishRulesAndForgivesTypos() {
		String marker = uniqueWord();
		long istanbul = create(admin, company("İSTANBUL " + marker + " GIDA", taxNumber())).json().get("id").asLong();
		long isik = create(admin, company("IŞIK " + marker + " ELEKTRİK", taxNumber())).json().get("id").asLong();
		long yilmaz = create(admin, company("Yılmazlar " + marker + " İnşaat", taxNumber())).json().get("id").asLong();
		assertThat(search("istanbul " + marker)).contains(istanbul);
		// Exact matches come first; near matches (the shared marker) may follow.
		assertThat(search("ışık " + marker)).startsWith(isik);
		assertThat(search("isik " + marker)).contains(isik);
		assertThat(search("YILMAZLAR " + marker)).contains(yilmaz);
		// A typo: "Yilmazlr" for "Yılmazlar".
		assertThat(search(marker + " yilmazlr insaat")).contains(yilmaz);
	}

	@Test
	void shortWordsNarrowASearchAndAloneFindNamesThatStartWithThem() {
		String marker = uniqueWord();
		long withAnd = create(admin, company(marker + " Kaya ve Ortakları A.Ş.", taxNumber())).json().get("id").asLong();
		long without = create(admin, company(marker + " Kaya Vergi Danışmanlık", taxNumber())).json().get("id").asLong();
		var persian = new HashMap<>(company("حمل و نقل " + marker, null));
		persian.put("country", "IR");
		long persianId = create(admin, persian).json().get("id").asLong();

		assertThat(search(marker + " ve")).contains(withAnd, without).doesNotContain(persianId);
		assertThat(search(marker + " a.ş.")).containsExactly(withAnd);
		assertThat(search("حمل و " + marker)).containsExactly(persianId);
		assertThat(search(marker.substring(0, 2))).isNotEmpty()
			.allSatisfy(id -> assertThat(name(id)).startsWithIgnoringCase(marker.substring(0, 2)));
	}

	@Test
	void searchPagesRunThroughExactMatchesThenNearOnesWithoutRepeats() {
		String marker = uniqueWord();
		long first = create(admin, company(marker + " Kervansaray Bir", taxNumber())).json().get("id").asLong();
		long second = create(admin, company(marker + " Kervansaray İki", taxNumber())).json().get("id").asLong();
		long misspelt = create(admin, company(marker + " Kervansray Üç", taxNumber())).json().get("id").asLong();

		var found = new ArrayList<Long>();
		String cursor = "";
		do {
			Response page = api.get("/api/v1/customers?limit=1&q=" + URLEncoder.encode(marker + " kervansaray", StandardCharsets.UTF_8)
					+ cursor).bearer(admin).send();
			page.json().get("items").forEach(item -> found.add(item.get("id").asLong()));
			JsonNode next = page.json().get("nextCursor");
			cursor = next.isNull() ? null : "&cursor=" + next.asString();
		}
		while (cursor != null && found.size() < 10);

		assertThat(found).containsExactly(first, second, misspelt);
	}

	@Test
	void searchWorksForPersianTextWhicheverLetterFormsAreTyped() {
		String marker = uniqueWord();
		var body = new HashMap<>(company("شرکت کیمیا " + marker, null));
		body.put("country", "IR");
		long id = create(admin, body).json().get("id").asLong();
		assertThat(search("كيميا " + marker)).contains(id);
		assertThat(search("کیمیا " + marker)).contains(id);
	}

	@Test
	void searchFindsTaxNumbersEmailsPhonesInAnyFormatAndContactNames() {
		String tax = taxNumber();
		var body = new HashMap<>(company("Ege Tekstil " + uniqueWord(), tax));
		body.put("email", "satis@egetekstil-" + tax + ".example");
		body.put("phone", "+90 532 " + tax.substring(0, 3) + " " + tax.substring(3, 5) + " " + tax.substring(5, 7));
		long id = create(admin, body).json().get("id").asLong();
		String contactName = "Nurcan " + uniqueWord();
		api.post("/api/v1/customers/" + id + "/contacts", Map.of("name", contactName, "email", "nurcan@example.com"))
			.bearer(admin).send();

		assertThat(search(tax)).contains(id);
		assertThat(search("satis@egetekstil-" + tax)).contains(id);
		assertThat(search("0532 " + tax.substring(0, 3) + " " + tax.substring(3, 5) + " " + tax.substring(5, 7))).contains(id);
		assertThat(search("(532) " + tax.substring(0, 3) + "-" + tax.substring(3, 7))).contains(id);
		assertThat(search(contactName.toUpperCase())).contains(id);
	}

	@Test
	void aWholeTaxNumberNamesItsAccountAndDigitsOfNoTaxNumberAreSearchedInsideOtherNumbers() {
		// Ten digits that are a tax number here and a Turkish mobile number there.
		String tax = "532" + taxNumber().substring(3);
		long owner = create(admin, company("Vergi Sahibi " + uniqueWord(), tax)).json().get("id").asLong();
		var caller = new HashMap<>(company("Arayan " + uniqueWord(), taxNumber()));
		caller.put("phone", "+90 " + tax);
		long other = create(admin, caller).json().get("id").asLong();

		assertThat(search(tax)).as("a whole tax number is an account's name for it").containsExactly(owner);
		String persian = tax.chars().mapToObj(c -> String.valueOf((char) ('\u06f0' + c - '0'))).collect(java.util.stream.Collectors.joining());
		assertThat(search(persian)).containsExactly(owner);
		assertThat(search(tax.substring(0, 7))).as("part of a number is looked for inside numbers").contains(owner, other);
		String phoneOnly = "532" + taxNumber().substring(3);
		var dialled = new HashMap<>(company("Telefonla " + uniqueWord(), taxNumber()));
		dialled.put("phone", "+90 " + phoneOnly);
		Response created = create(admin, dialled);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long byPhone = created.json().get("id").asLong();
		assertThat(search(phoneOnly)).as("ten digits no account has as its tax number").contains(byPhone);
	}

	@Test
	void filtersNarrowTheList() {
		String tag = uniqueWord();
		var supplier = new HashMap<>(company("Filter Supplier " + tag, taxNumber()));
		supplier.put("roles", List.of("SUPPLIER"));
		supplier.put("tags", List.of(tag));
		supplier.put("status", "POTENTIAL");
		long supplierId = create(admin, supplier).json().get("id").asLong();
		var customer = new HashMap<>(company("Filter Customer " + tag, taxNumber()));
		customer.put("tags", List.of(tag));
		long customerId = create(admin, customer).json().get("id").asLong();

		assertThat(ids("/api/v1/customers?tag=" + tag)).containsExactlyInAnyOrder(supplierId, customerId);
		assertThat(ids("/api/v1/customers?tag=" + tag + "&role=SUPPLIER")).containsExactly(supplierId);
		assertThat(ids("/api/v1/customers?tag=" + tag + "&status=ACTIVE")).containsExactly(customerId);
		assertProblem(api.get("/api/v1/customers?status=SLEEPING").bearer(admin).send(), 400, "error.validation");
	}

	@Test
	void filteredListsPageThroughEveryMatchInEitherOrder() {
		String tag = uniqueWord();
		var created = new ArrayList<Long>();
		for (String name : List.of("Delta", "Alfa", "Echo", "Charlie", "Bravo")) {
			var supplier = new HashMap<>(company(name + " Tedarik " + tag, taxNumber()));
			supplier.put("roles", List.of("SUPPLIER"));
			supplier.put("tags", List.of(tag));
			created.add(create(admin, supplier).json().get("id").asLong());
		}
		var byName = List.of(created.get(1), created.get(4), created.get(3), created.get(0), created.get(2));

		assertThat(allPages("/api/v1/customers?limit=2&role=SUPPLIER&tag=" + tag)).containsExactlyElementsOf(byName);
		assertThat(allPages("/api/v1/customers?limit=2&sort=newest&role=SUPPLIER&tag=" + tag))
			.containsExactlyElementsOf(created.reversed());
	}

	private List<Long> allPages(String path) {
		var found = new ArrayList<Long>();
		String cursor = "";
		do {
			Response page = api.get(path + cursor).bearer(admin).send();
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().get("items").forEach(item -> found.add(item.get("id").asLong()));
			JsonNode next = page.json().get("nextCursor");
			cursor = next.isNull() ? null : "&cursor=" + URLEncoder.encode(next.asString(), StandardCharsets.UTF_8);
		}
		while (cursor != null && found.size() < 20);
		return found;
	}

	@Test
	void aStaleVersionChangesNothing() {
		long id = create(admin, company("Versioned " + uniqueWord(), taxNumber())).json().get("id").asLong();
		Response first = api.patch("/api/v1/customers/" + id, Map.of("name", "Renamed once")).header("If-Match", "\"0\"")
			.bearer(admin).send();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("ETag")).hasValue("\"1\"");
		assertProblem(api.patch("/api/v1/customers/" + id, Map.of("name", "Renamed twice")).header("If-Match", "\"0\"")
			.bearer(admin).send(), 412, "error.version-conflict");
		assertProblem(api.patch("/api/v1/customers/" + id, Map.of("name", "Renamed twice", "version", 0))
			.bearer(admin).send(), 409, "error.version-conflict");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("name").asString())
			.isEqualTo("Renamed once");
	}

	@Test
	void anAccountAsAnsweredMayBeSentBackAsItsChangeAndChangesNothing() {
		var body = new HashMap<>(company("Sent back " + uniqueWord(), taxNumber()));
		body.put("phone", "0212 555 01 02");
		body.put("creditLimit", "1500.50");
		long id = create(admin, body).json().get("id").asLong();
		JsonNode answered = api.get("/api/v1/customers/" + id).bearer(admin).send().json();
		String history = api.get("/api/v1/customers/" + id + "/history").bearer(admin).send().body();

		Response sentBack = api.patch("/api/v1/customers/" + id, answered).bearer(admin).send();

		assertThat(sentBack.status()).as(sentBack.body()).isEqualTo(200);
		assertThat(sentBack.json().get("version").asLong()).isZero();
		assertThat(api.get("/api/v1/customers/" + id + "/history").bearer(admin).send().body()).isEqualTo(history);
	}

	@Test
	void nullClearsAnAccountsFieldButNeitherItsNameNorItsCurrency() {
		var body = new HashMap<>(company("Cleared " + uniqueWord(), taxNumber()));
		body.put("email", "cleared@example.com");
		long id = create(admin, body).json().get("id").asLong();
		var refused = new HashMap<String, Object>();
		refused.put("name", null);
		refused.put("currency", null);
		refused.put("email", null);

		Response response = api.patch("/api/v1/customers/" + id, refused).header("If-Match", "\"0\"").bearer(admin).send();
		assertProblem(response, 400, "error.validation");
		assertThat(response.json().get("errors").toString()).contains("\"field\":\"name\"", "\"field\":\"currency\"")
			.doesNotContain("\"field\":\"email\"");
		assertThat(api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("email").asString())
			.isEqualTo("cleared@example.com");

		var clearing = new HashMap<String, Object>();
		clearing.put("email", null);
		Response cleared = api.patch("/api/v1/customers/" + id, clearing).header("If-Match", "\"0\"").bearer(admin).send();
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.json().get("email").isNull()).isTrue();
	}

	@Test
	void archivedAccountsLeaveListsButStayReadable() {
		String marker = uniqueWord();
		long id = create(admin, company("Archivable " + marker, taxNumber())).json().get("id").asLong();
		assertThat(api.delete("/api/v1/customers/" + id).bearer(admin).send().status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/customers/" + id).bearer(admin).send().status()).isEqualTo(204);
		assertThat(search(marker)).doesNotContain(id);
		JsonNode archived = api.get("/api/v1/customers/" + id).bearer(admin).send().json();
		assertThat(archived.get("archived").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/customers/" + id + "/contacts", Map.of("name", "Too late")).bearer(admin).send()
			.status()).isEqualTo(409);
		assertThat(api.post("/api/v1/customers/" + id + "/restore", Map.of()).bearer(admin).send().status()).isEqualTo(200);
		assertThat(search(marker)).contains(id);
	}

	@Test
	void permissionsFollowTheRoles() {
		String salesperson = api.userWithRoles(admin, "SALESPERSON");
		String otherSalesperson = api.userWithRoles(admin, "SALESPERSON");
		String manager = api.userWithRoles(admin, "SALES_MANAGER");
		String accountant = api.userWithRoles(admin, "ACCOUNTANT");
		String warehouse = api.userWithRoles(admin, "WAREHOUSE");
		String portal = api.userWithRoles(admin, "PORTAL");

		Response mine = create(salesperson, company("Mine " + uniqueWord(), taxNumber()));
		assertThat(mine.status()).isEqualTo(201);
		long id = mine.json().get("id").asLong();
		long me = api.get("/api/v1/me").bearer(salesperson).send().json().get("id").asLong();
		assertThat(mine.json().get("salespersonId").asLong()).isEqualTo(me);

		assertThat(api.patch("/api/v1/customers/" + id, Map.of("website", "https://mine.example"))
			.header("If-Match", "*")
			.bearer(salesperson)
			.send().status()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/customers/" + id, Map.of("creditLimit", "50000"))
			.header("If-Match", "*")
			.bearer(salesperson).send(), 403,
				"error.customer.forbidden");
		assertProblem(api.patch("/api/v1/customers/" + id, Map.of("website", "https://theirs.example"))
			.header("If-Match", "*").bearer(otherSalesperson).send(), 403, "error.customer.forbidden");
		assertThat(api.get("/api/v1/customers/" + id).bearer(otherSalesperson).send().status()).isEqualTo(200);

		assertThat(api.patch("/api/v1/customers/" + id, Map.of("creditLimit", "50000.00", "paymentTermDays", 30))
			.header("If-Match", "*").bearer(accountant).send().status()).isEqualTo(200);
		assertProblem(api.patch("/api/v1/customers/" + id, Map.of("name", "Accountant rename"))
			.header("If-Match", "*")
			.bearer(accountant).send(),
				403, "error.customer.forbidden");
		assertThat(api.post("/api/v1/customers/" + id + "/bank-accounts", Map.of("iban", "TR330006100519786457841326"))
			.bearer(accountant).send().status()).isEqualTo(201);
		assertThat(api.post("/api/v1/customers/" + id + "/bank-accounts", Map.of("iban", "DE89370400440532013000"))
			.bearer(salesperson).send().status()).isEqualTo(403);

		assertThat(api.patch("/api/v1/customers/" + id, Map.of("name", "Managed " + uniqueWord()))
			.header("If-Match", "*")
			.bearer(manager).send()
			.status()).isEqualTo(200);
		assertThat(create(warehouse, company("Not allowed", taxNumber())).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/customers/" + id).bearer(warehouse).send().status()).isEqualTo(200);
		assertThat(api.get("/api/v1/customers/" + id).bearer(portal).send().status()).isEqualTo(403);
		assertThat(api.get("/api/v1/customers").bearer(portal).send().status()).isEqualTo(403);

		JsonNode current = api.get("/api/v1/customers/" + id).bearer(admin).send().json();
		assertThat(current.get("creditLimit").asString()).isEqualTo("50000.00");
		assertThat(current.get("paymentTermDays").asInt()).isEqualTo(30);
	}

	@Test
	void historyShowsEveryChangeOfTheAccountAndItsParts() {
		long id = create(admin, company("Historic " + uniqueWord(), taxNumber())).json().get("id").asLong();
		api.patch("/api/v1/customers/" + id, Map.of("status", "PASSIVE")).header("If-Match", "*").bearer(admin).send();
		api.post("/api/v1/customers/" + id + "/contacts", Map.of("name", "Hatice Kaya")).bearer(admin).send();
		String history = api.get("/api/v1/customers/" + id + "/history").bearer(admin).send().json().toString();
		assertThat(history).contains("\"field\":\"status\"", "\"oldValue\":\"ACTIVE\"", "\"newValue\":\"PASSIVE\"",
				"Hatice Kaya", "\"actorName\":\"admin\"");
	}

	@Test
	void extraFieldsFollowTheirCategorysDefinitionsAndAreExported() {
		long category = api.post("/api/v1/customer-categories", Map.of("name", "Dealers " + uniqueWord())).bearer(admin)
			.send().json().get("id").asLong();
		Response field = api.post("/api/v1/customer-fields", Map.of("categoryId", category, "code", "region_code",
				"label", "Region code", "type", "CHOICE", "choices", List.of("MARMARA", "EGE"), "required", true))
			.bearer(admin).send();
		assertThat(field.status()).as(field.body()).isEqualTo(201);
		api.post("/api/v1/customer-fields", Map.of("categoryId", category, "code", "opened_on", "label", "Opened on",
				"type", "DATE")).bearer(admin).send();

		var missing = new HashMap<>(company("Extra " + uniqueWord(), taxNumber()));
		missing.put("categoryId", category);
		assertProblem(create(admin, missing), 400, "error.validation");

		var wrong = new HashMap<>(missing);
		wrong.put("extraFields", Map.of("region_code", "AKDENIZ", "opened_on", "yesterday", "nickname", "x"));
		Response refused = create(admin, wrong);
		assertThat(refused.json().get("errors").toString()).contains("extraFields.region_code",
				"extraFields.opened_on", "extraFields.nickname");

		String name = "Extra " + uniqueWord();
		var right = new HashMap<>(company(name, taxNumber()));
		right.put("categoryId", category);
		right.put("extraFields", Map.of("region_code", "EGE", "opened_on", "2019-04-01"));
		Response created = create(admin, right);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("extraFields").get("region_code").asString()).isEqualTo("EGE");

		Response csv = api.get("/api/v1/customers/export?format=csv&categoryId=" + category).bearer(admin).send();
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("Region code", name, "EGE", "2019-04-01");
	}

	@Test
	void onlyAdministratorsChangeSettings() {
		String salesperson = api.userWithRoles(admin, "SALESPERSON");
		assertThat(api.post("/api/v1/customer-classes", Map.of("name", "Dealer")).bearer(salesperson).send().status())
			.isEqualTo(403);
		Response created = api.post("/api/v1/customer-classes", Map.of("name", "Main dealer " + uniqueWord(),
				"defaultDiscount", "12.5", "riskLimit", "250000", "currency", "TRY")).bearer(admin).send();
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("defaultDiscount").asString()).isEqualTo("12.5");
		assertProblem(api.post("/api/v1/customer-classes", Map.of("name", "Greedy", "defaultDiscount", "150"))
			.bearer(admin).send(), 400, "error.validation");
		assertThat(api.get("/api/v1/customer-classes").bearer(salesperson).send().status()).isEqualTo(200);
	}

	@Test
	void similarNamesAreOfferedWhileTyping() {
		String marker = uniqueWord();
		create(admin, company("Karadeniz " + marker + " Lojistik", taxNumber()));
		Response similar = api.get("/api/v1/customers/similar?name="
				+ URLEncoder.encode("karadeniz " + marker + " lojistk", StandardCharsets.UTF_8)).bearer(admin).send();
		assertThat(similar.json().get("items").toString()).contains("Karadeniz " + marker + " Lojistik");
	}

	private Response create(String token, Map<String, ?> body) {
		return api.post("/api/v1/customers", body).bearer(token).send();
	}

	private List<Long> search(String q) {
		return ids("/api/v1/customers?limit=50&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
	}

	private String name(long id) {
		return api.get("/api/v1/customers/" + id).bearer(admin).send().json().get("name").asString();
	}

	private List<Long> ids(String path) {
		Response response = api.get(path).bearer(admin).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var ids = new ArrayList<Long>();
		response.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private long count() {
		return jdbc.sql("select count(*) from customer").query(Long.class).single();
	}

	static Map<String, Object> company(String name, String taxNumber) {
		var body = new HashMap<String, Object>();
		body.put("kind", "COMPANY");
		body.put("name", name);
		body.put("roles", List.of("CUSTOMER"));
		body.put("country", "TR");
		if (taxNumber != null) {
			body.put("taxNumber", taxNumber);
		}
		return body;
	}

	/** A ten-digit number no other test uses. */
	static String taxNumber() {
		return String.valueOf(1_000_000_000L + (System.nanoTime() % 9_000_000_000L + 9_000_000_000L) % 9_000_000_000L);
	}

	static String uniqueWord() {
		return Api.uniqueName("w");
	}
}
