package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every operation of the API document, called with generated input ({@link ApiFuzzer}): no answer may be a 5xx, an
 * error that is not problem+json, a success that is not what it claims to be, or an answer the document does not
 * describe (a status it does not declare, a body its schema does not allow). A run is repeatable: it prints its
 * seed, and {@code -Dkervan.fuzz.seed=…} runs it again ({@code -Dkervan.fuzz.rounds=…} calls each operation more
 * often, {@code -Dkervan.fuzz.verbose=true} shows how the records it needs were refused until they were created).
 *
 * <p>Unlike the other integration tests it runs on an application and database of its own, closed afterwards: what
 * the fuzzer creates with valid-looking input includes settings every other test would see (a required extra field
 * on every customer, a price list for everyone, the lead step switched off). Within its own database it still changes
 * only records it created itself, so that its administrator stays able to work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ApiFuzzIntegrationTests {

	private static final Path OWN_DATA_DIRECTORY = KervanIntegrationTest.createDataDirectory();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void ownApplication(DynamicPropertyRegistry registry) {
		KervanIntegrationTest.kervanProperties(registry, OWN_DATA_DIRECTORY);
	}

	@Test
	void everyOperationAnswersGeneratedInputAsTheApiPromises() {
		long seed = Long.getLong("kervan.fuzz.seed", 20261203L);
		int rounds = Integer.getInteger("kervan.fuzz.rounds", 16);
		var api = new Api(port);
		String token = api.token("admin", KervanIntegrationTest.ADMIN_PASSWORD);
		Response document = api.get("/v3/api-docs").bearer(token).send();
		assertThat(document.status()).as(document.body()).isEqualTo(200);

		var fuzzer = new ApiFuzzer(port, token, Api.parse(document.body()), seed);
		long started = System.nanoTime();
		fuzzer.harvest();
		fuzzer.createRecords();
		fuzzer.fuzz(rounds, Duration.ofSeconds(150));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("API fuzzing with seed %d took %ds: %s%n", seed, took.toSeconds(), fuzzer.summary());

		List<ApiFuzzer.Finding> findings = fuzzer.findings();
		assertThat(findings)
			.as("%d requests to %d operations in %ds with seed %d (repeat with -Dkervan.fuzz.seed=%d) found:%n%s",
					fuzzer.requests(), fuzzer.operations().size(), took.toSeconds(), seed, seed,
					String.join("\n", findings.stream().limit(40).map(ApiFuzzer.Finding::toString).toList()))
			.isEmpty();
		assertThat(fuzzer.requests()).isGreaterThan(fuzzer.operations().size() * rounds / 2);
		assertThat(api.get("/api/v1/me").bearer(token).send().status())
			.as("the fuzzer's token still works: it changed nothing but its own records, and every request was tested "
					+ "as the administrator, not refused as unauthenticated")
			.isEqualTo(200);
	}
}
