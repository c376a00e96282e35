package dev.kervan.customers;

import static dev.kervan.customers.CustomerApiIntegrationTests.uniqueWord;
import static dev.kervan.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.kervan.platform.TableExport;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.Multipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CustomerImportIntegrationTests extends KervanIntegrationTest {

	private String admin;

	@BeforeEach
	void logIn() {
		admin = api.token("admin", ADMIN_PASSWORD);
	}

	@Test
	void goodRowsAreImportedBadOnesReportedAndAReimportCreatesNoDuplicates() {
		String marker = uniqueWord();
		long base = 3_000_000_000L + (System.nanoTime() % 1_000_000_000L);
		String csv = "kind,name,taxNumber,country,email,phone\n"
				+ "COMPANY,Boğaziçi " + marker + " Ltd," + base + ",TR,info@bogazici.example,0212 555 01 01\n"
				+ "COMPANY,Broken Mail " + marker + "," + (base + 1) + ",TR,not-an-email,\n"
				+ "PERSON,Zehra Çınar " + marker + "," + (base + 2) + "1,TR,zehra@example.com,+90 533 111 22 33\n"
				+ "COMPANY,Bad Tax " + marker + ",12,TR,,\n"
				+ "COMPANY,پارس " + marker + ",1234567890,IR,sales@pars.example,+98 21 8888 7777\n";
		JsonNode first = runImport("customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(first.get("status").asString()).isEqualTo("DONE");
		assertThat(first.get("imported").asInt()).isEqualTo(3);
		assertThat(first.get("processed").asInt()).isEqualTo(5);
		List<Integer> badRows = first.get("errors").valueStream().map(e -> e.get("row").asInt()).toList();
		assertThat(badRows).containsExactly(3, 5);
		assertThat(first.get("errors").get(0).get("message").asString()).startsWith("email: ");
		assertThat(first.get("errors").get(1).get("message").asString()).startsWith("taxNumber: ");

		JsonNode second = runImport("customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(second.get("imported").asInt()).isZero();
		assertThat(second.get("updated").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from customer where name like :m").param("m", "%" + marker + "%")
			.query(Long.class).single()).isEqualTo(3);

		JsonNode found = api.get("/api/v1/customers?q=" + URLEncoder.encode("bogazici " + marker, StandardCharsets.UTF_8))
			.bearer(admin).send().json();
		assertThat(found.get("items").get(0).get("phone").asString()).isEqualTo("+902125550101");
		assertThat(jdbc.sql("select count(*) from audit_log where field = 'import' and new_value = 'customers.csv'")
			.query(Long.class).single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void turkishExcelFilesWithSemicolonsAndLocalHeadersAreUnderstood() {
		String marker = uniqueWord();
		String csv = "Ad / unvan;Vergi / TC kimlik no;Ülke;Telefon;Etiketler\n"
				+ "Çağlayan " + marker + " Tekstil;" + (4_000_000_000L + System.nanoTime() % 1_000_000_000L)
				+ ";TR;0 232 444 55 66;ege, ihracat\n";
		JsonNode job = runImport("liste.csv", "text/csv", csv.getBytes(Charset.forName("windows-1254")));
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(1);
		JsonNode found = api.get("/api/v1/customers?q=" + URLEncoder.encode("caglayan " + marker, StandardCharsets.UTF_8))
			.bearer(admin).send().json().get("items").get(0);
		assertThat(found.get("name").asString()).isEqualTo("Çağlayan " + marker + " Tekstil");
		assertThat(found.get("tags").toString()).contains("ege", "ihracat");
	}

	@Test
	void xlsxFilesImportToo() {
		String marker = uniqueWord();
		var out = new ByteArrayOutputStream();
		TableExport.write(TableExport.Format.XLSX, out, "Sheet1", List.of("name", "externalRef", "email"), rows -> {
			rows.add(List.of("Excel " + marker + " One", "EXT-" + marker + "-1", "one@example.com"));
			rows.add(List.of("Excel " + marker + " Two", "EXT-" + marker + "-2", "two@example.com"));
		});
		JsonNode job = runImport("list.xlsx", TableExport.Format.XLSX.contentType(), out.toByteArray());
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(2);
		JsonNode again = runImport("list.xlsx", TableExport.Format.XLSX.contentType(), out.toByteArray());
		assertThat(again.get("updated").asInt()).isEqualTo(2);
	}

	@Test
	void anExplicitMappingWinsAndAMissingNameColumnIsRefusedAtOnce() {
		String marker = uniqueWord();
		byte[] csv = ("Sütun A,Mail\nMapped " + marker + ",mapped@example.com\n").getBytes(StandardCharsets.UTF_8);
		Response refused = new Multipart().file("file", "x.csv", "text/csv", csv)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertProblem(refused, 400, "error.validation");
		Response started = new Multipart().file("file", "x.csv", "text/csv", csv)
			.field("mapping", "{\"name\":\"Sütun A\",\"email\":\"Mail\"}")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(poll(started.header("Location").orElseThrow()).get("imported").asInt()).isEqualTo(1);
		assertProblem(new Multipart().file("file", "notes.pdf", "application/pdf", "%PDF-1.4".getBytes())
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import"), 400, "error.validation");
	}

	@Test
	void aMappingThatIsNullOrNamesNoColumnIsNoMappingOrRefused() {
		String marker = uniqueWord();
		byte[] csv = ("name,email\nNull mapping " + marker + ",null@example.com\n").getBytes(StandardCharsets.UTF_8);
		Response guessed = new Multipart().file("file", "x.csv", "text/csv", csv)
			.field("mapping", "null")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(guessed.status()).as(guessed.body()).isEqualTo(202);
		assertThat(poll(guessed.header("Location").orElseThrow()).get("imported").asInt()).isEqualTo(1);
		assertProblem(new Multipart().file("file", "x.csv", "text/csv", csv)
			.field("mapping", "{\"name\": null}")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import"), 400, "error.validation");
	}

	@Test
	void thePreviewGuessesTheMappingFromHeadersInAnyLanguage() {
		byte[] csv = "kind,name,taxNumber,Ülke,E-posta,تلفن\nCOMPANY,X,1234567890,TR,x@example.com,0212 555 00 00\n"
			.getBytes(StandardCharsets.UTF_8);
		Response preview = new Multipart().file("file", "x.csv", "text/csv", csv)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import/preview");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode mapping = preview.json().get("mapping");
		assertThat(mapping.get("name").asString()).isEqualTo("name");
		assertThat(mapping.get("country").asString()).isEqualTo("Ülke");
		assertThat(mapping.get("email").asString()).isEqualTo("E-posta");
		assertThat(mapping.get("phone").asString()).isEqualTo("تلفن");
		assertThat(preview.json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void turkishHeadersAndValuesAreUnderstood() {
		String marker = uniqueWord();
		long tax = taxNumber();
		String csv = "Firma Adı;Tür;Rol;Vergi No;Vergi Dairesi;Şehir;İlçe;Telefon;E-posta;Para Birimi;Vade (gün);Dil\n"
				+ "Marmara " + marker + " Gıda;Şirket;Müşteri, Tedarikçi;" + tax + ";Kadıköy;İstanbul;Kadıköy;"
				+ "0216 555 12 12;satis@marmara.example;TL;30;Türkçe\n"
				+ "Ayşe " + marker + " Kılıç;Şahıs;müşteri;" + (tax + 1) + "1;;İzmir;;;;;;\n";
		JsonNode job = runImport("cariler.csv", "text/csv", csv.getBytes(Charset.forName("windows-1254")));
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(2);

		var company = jdbc.sql("""
				select kind, is_customer, is_supplier, tax_office, phone, currency, payment_term_days, language,
				  a.city, a.district from customer c join customer_address a on a.customer = c.id where c.tax_number = :tax""")
			.param("tax", String.valueOf(tax))
			.query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10)))
			.single();
		assertThat(company).containsExactly("COMPANY", true, true, "Kadıköy", "+902165551212", "TRY", 30, "tr",
				"İstanbul", "Kadıköy");
		assertThat(jdbc.sql("""
				select c.kind || ' ' || a.city from customer c join customer_address a on a.customer = c.id
				where c.tax_number = :tax""").param("tax", (tax + 1) + "1").query(String.class).single())
			.isEqualTo("PERSON İzmir");
		assertThat(jdbc.sql("select search_text from customer where tax_number = :tax").param("tax", String.valueOf(tax))
			.query(String.class).single()).as("an imported account is found by its city").contains("istanbul");
	}

	@Test
	void persianHeadersAndValuesAreUnderstood() {
		String marker = uniqueWord();
		String economicCode = persianDigits(String.valueOf(100_000_000_000L + System.nanoTime() % 100_000_000_000L));
		String csv = "نام,نوع,نقش,کد اقتصادی,کشور,شهر,استان,سقف اعتبار,ارز,مشتری است\n"
				+ "بازرگانی " + marker + " پارس,شرکت,تأمین‌کننده,\"" + economicCode + "\",ایران,تهران,تهران,"
				+ "\"۱۲٬۵۰۰٫۵\",ریال,خیر\n";
		JsonNode job = runImport("حساب‌ها.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(1);
		var account = jdbc.sql("""
				select c.kind, c.is_customer, c.is_supplier, c.country, c.credit_limit, c.currency, a.city, a.region
				from customer c join customer_address a on a.customer = c.id where c.name like :name""")
			.param("name", "%" + marker + "%")
			.query((rs, n) -> List.of(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4),
					rs.getBigDecimal(5).stripTrailingZeros().toPlainString(), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.single();
		assertThat(account).containsExactly("COMPANY", false, true, "IR", "12500.5", "IRR", "تهران", "تهران");
	}

	@Test
	void aTurkishCreditLimitIsReadWithItsGroupingAndDecimalMarks() {
		String marker = uniqueWord();
		long tax = taxNumber();
		String csv = "Unvan;Vergi Numarası;Kredi Limiti;Risk Limiti\nLimit " + marker + ";" + tax + ";12.500,50;1.250.000\n";
		JsonNode job = runImport("limit.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(1);
		var limits = jdbc.sql("select credit_limit, risk_limit from customer where tax_number = :tax")
			.param("tax", String.valueOf(tax))
			.query((rs, n) -> List.of(rs.getBigDecimal(1), rs.getBigDecimal(2)))
			.single();
		assertThat(limits.get(0)).isEqualByComparingTo("12500.50");
		assertThat(limits.get(1)).isEqualByComparingTo("1250000");
	}

	@Test
	void aMatchedRowChangesOnlyTheCellsItFillsAndABlankCellLeavesTheStoredValue() {
		String marker = uniqueWord();
		long tax = taxNumber();
		runImport("first.csv", "text/csv", ("Ad;Tür;Vergi No;E-posta;Telefon;Şehir;İlçe\n"
				+ "Kaya " + marker + ";Şahıs;" + tax + "1;kaya@example.com;0532 111 22 33;Ankara;Çankaya\n")
			.getBytes(StandardCharsets.UTF_8));
		JsonNode again = runImport("second.csv", "text/csv", ("Ad;Vergi No;E-posta;Telefon;Şehir;İlçe\n"
				+ "Kaya " + marker + ";" + tax + "1;;0532 999 88 77;;Yenimahalle\n").getBytes(StandardCharsets.UTF_8));
		assertThat(again.get("updated").asInt()).as(again.toString()).isEqualTo(1);
		var account = jdbc.sql("""
				select c.kind, c.email, c.phone, a.city, a.district, (select count(*) from customer_address x where x.customer = c.id)
				from customer c join customer_address a on a.customer = c.id where c.tax_number = :tax""")
			.param("tax", tax + "1")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getLong(6)))
			.single();
		assertThat(account).containsExactly("PERSON", "kaya@example.com", "+905329998877", "Ankara", "Yenimahalle", 1L);

		runImport("third.csv", "text/csv", ("Ad;Vergi No;Şehir\n;" + tax + "1;Eskişehir\n").getBytes(StandardCharsets.UTF_8));
		assertThat(jdbc.sql("select search_text from customer where tax_number = :tax").param("tax", tax + "1")
			.query(String.class).single()).as("a matched account is found by the city the row gave it")
			.contains("eskisehir").doesNotContain("ankara");
	}

	@Test
	void thePreviewListsTheAccountsItWouldChangeAndHowAndSavesNothing() {
		String marker = uniqueWord();
		long tax = taxNumber();
		runImport("first.csv", "text/csv", ("Ad;Vergi No;Şehir;Kredi Limiti\nEski " + marker + ";" + tax + ";Bursa;1.000,00\n")
			.getBytes(StandardCharsets.UTF_8));
		long id = jdbc.sql("select id from customer where tax_number = :tax").param("tax", String.valueOf(tax))
			.query(Long.class).single();
		byte[] csv = ("Ad;Vergi No;Şehir;Kredi Limiti;Tedarikçi\n"
				+ "Yeni " + marker + ";" + tax + ";Bursa;2.500,75;\n"
				+ "Eklenen " + marker + ";" + (tax + 1) + ";;;\n"
				+ "Hatalı " + marker + ";" + (tax + 2) + ";;;belki\n").getBytes(StandardCharsets.UTF_8);
		Response preview = new Multipart().file("file", "x.csv", "text/csv", csv)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import/preview");
		assertThat(preview.status()).as(preview.body()).isEqualTo(200);
		JsonNode plan = preview.json();
		assertThat(plan.get("total").asInt()).isEqualTo(3);
		assertThat(List.of(plan.get("creating").asInt(), plan.get("changing").asInt(), plan.get("refusing").asInt()))
			.containsExactly(1, 1, 1);
		JsonNode change = plan.get("toChange").get(0);
		assertThat(change.get("row").asInt()).isEqualTo(2);
		assertThat(change.get("accountId").asLong()).isEqualTo(id);
		assertThat(change.get("name").asString()).as("the account as it is now").isEqualTo("Eski " + marker);
		List<String> fields = change.get("fields").valueStream()
			.map(f -> f.get("label").asString() + ": " + f.get("before").asString() + " → " + f.get("after").asString())
			.toList();
		assertThat(fields).hasSize(2);
		assertThat(fields.get(0)).isEqualTo("Name: Eski " + marker + " → Yeni " + marker);
		assertThat(fields.get(1)).startsWith("Credit limit: ").contains("1,000.00 → ").endsWith("2,500.75");
		assertThat(plan.get("toCreate").get(0).get("name").asString()).isEqualTo("Eklenen " + marker);
		assertThat(plan.get("refused").get(0).get("row").asInt()).isEqualTo(4);
		assertThat(plan.get("refused").get(0).get("message").asString()).startsWith("Tedarikçi: ").contains("belki");
		assertThat(jdbc.sql("select name from customer where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("Eski " + marker);
		assertThat(jdbc.sql("select count(*) from customer where name like :m").param("m", "%" + marker + "%")
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aRefusedRowNamesItsRowAndTheFilesColumnAndABadMappingIsA400() {
		String marker = uniqueWord();
		String csv = "Unvan;Vergi No;Vade (gün);Tür\n"
				+ "Doğru " + marker + ";" + taxNumber() + ";30;Şirket\n"
				+ "Uzun vade " + marker + ";" + (taxNumber() + 7) + ";9999;Şirket\n"
				+ "Tür yok " + marker + ";" + (taxNumber() + 9) + ";;Dernek\n";
		JsonNode job = runImport("hatalar.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(job.get("imported").asInt()).as(job.toString()).isEqualTo(1);
		assertThat(job.get("errors").get(0).get("row").asInt()).isEqualTo(3);
		assertThat(job.get("errors").get(0).get("message").asString()).startsWith("Vade (gün): ");
		assertThat(job.get("errors").get(1).get("row").asInt()).isEqualTo(4);
		assertThat(job.get("errors").get(1).get("message").asString()).startsWith("Tür: ");
		Response refused = new Multipart().file("file", "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8))
			.field("mapping", "{\"name\":\"Unvan\",\"city\":\"Şehir\"}")
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertProblem(refused, 400, "error.validation");
		assertThat(refused.body()).contains("mapping.city");
	}

	private static long taxNumber() {
		return 6_000_000_000L + System.nanoTime() % 1_000_000_000L;
	}

	private static String persianDigits(String digits) {
		var persian = new StringBuilder();
		digits.chars().forEach(c -> persian.append((char) ('\u06f0' + c - '0')));
		return persian.toString();
	}

	@Test
	void onlyManagersImport() {
		String salesperson = api.userWithRoles(admin, "SALESPERSON");
		Response response = new Multipart().file("file", "x.csv", "text/csv", "name\nX\n".getBytes())
			.header("Authorization", "Bearer " + salesperson)
			.post(api.base() + "/api/v1/customers/import");
		assertProblem(response, 403, "error.import.forbidden");
	}

	private JsonNode runImport(String filename, String type, byte[] content) {
		Response started = new Multipart().file("file", filename, type, content)
			.header("Authorization", "Bearer " + admin)
			.post(api.base() + "/api/v1/customers/import");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().get("id").asString()).isNotBlank();
		return poll(started.header("Location").orElseThrow());
	}

	private JsonNode poll(String location) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			JsonNode job = api.get(location).bearer(admin).send().json();
			if (!job.get("status").asString().equals("RUNNING")) {
				return job;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		throw new AssertionError("The import did not finish in 30 s");
	}
}
