package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class DocumentNumbersIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private DocumentNumbers numbers;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void numbersCountUpPerTypeAndYear() {
		LocalDate day = LocalDate.of(2031, 3, 14);
		assertThat(next("SQ", day)).isEqualTo("SQ-2031-000001");
		assertThat(next("SQ", day)).isEqualTo("SQ-2031-000002");
		assertThat(next("SP", day)).isEqualTo("SP-2031-000001");
		assertThat(next("SQ", day.plusYears(1))).isEqualTo("SQ-2032-000001");
	}

	@Test
	void aRolledBackDocumentGivesItsNumberBack() {
		LocalDate day = LocalDate.of(2031, 1, 1);
		assertThat(next("RB", day)).isEqualTo("RB-2031-000001");
		transactions.executeWithoutResult(status -> {
			assertThat(numbers.next("RB", day)).isEqualTo("RB-2031-000002");
			status.setRollbackOnly();
		});
		assertThat(next("RB", day)).isEqualTo("RB-2031-000002");
	}

	@Test
	void concurrentTransactionsGetNeitherDuplicatesNorGaps() throws Exception {
		LocalDate day = LocalDate.of(2030, 6, 1);
		int workers = 16;
		int perWorker = 25;
		var start = new CountDownLatch(1);
		List<Future<List<String>>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
			for (int w = 0; w < workers; w++) {
				int worker = w;
				results.add(pool.submit(() -> {
					start.await();
					List<String> committed = new ArrayList<>();
					for (int i = 0; i < perWorker; i++) {
						boolean rollBack = (worker + i) % 5 == 0;
						String number = transactions.execute(status -> {
							String n = numbers.next("CC", day);
							if (rollBack) {
								status.setRollbackOnly();
							}
							return n;
						});
						if (!rollBack) {
							committed.add(number);
						}
					}
					return committed;
				}));
			}
			start.countDown();
			List<String> all = new ArrayList<>();
			for (Future<List<String>> result : results) {
				all.addAll(result.get());
			}
			List<Long> values = all.stream().map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
			assertThat(values).doesNotHaveDuplicates();
			assertThat(values).containsExactlyElementsOf(LongStream.rangeClosed(1, values.size()).boxed().toList());
			assertThat(Collections.max(values)).isEqualTo(values.size());
		}
	}

	@Test
	void aNumberIsOnlyHandedOutInsideATransaction() {
		assertThatThrownBy(() -> numbers.next("NT", LocalDate.now())).isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void prefixesAreCheckedSoNoNumberLooksForged() {
		assertThatThrownBy(() -> next("so-", LocalDate.now())).isInstanceOf(IllegalArgumentException.class);
	}

	private String next(String prefix, LocalDate day) {
		return transactions.execute(status -> numbers.next(prefix, day));
	}
}
