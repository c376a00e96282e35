package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private AuditTrail audit;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void createsUpdatesAndDeletesAreRecordedFieldByField() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(s -> audit.created("thing", id, Map.of("name", "Çay", "price", new java.math.BigDecimal("12.50"))));
		transactions.executeWithoutResult(s -> audit.updated("thing", id, Map.of("name", "Çay", "price", "12.50"),
				Map.of("name", "Çay", "price", "13.00")));
		transactions.executeWithoutResult(s -> audit.deleted("thing", id, Map.of("name", "Çay")));

		List<AuditEntry> history = audit.history("thing", id);
		assertThat(history).extracting(AuditEntry::action)
			.containsExactly(AuditEntry.Action.DELETE, AuditEntry.Action.UPDATE, AuditEntry.Action.CREATE,
					AuditEntry.Action.CREATE);
		AuditEntry update = history.get(1);
		assertThat(update.field()).isEqualTo("price");
		assertThat(update.oldValue()).isEqualTo("12.50");
		assertThat(update.newValue()).isEqualTo("13.00");
		assertThat(update.actorName()).isEqualTo("system");
	}

	@Test
	void anUnchangedRecordLeavesNoLine() {
		String id = UUID.randomUUID().toString();
		var same = new HashMap<String, Object>();
		same.put("a", 1);
		same.put("b", null);
		transactions.executeWithoutResult(s -> audit.updated("thing", id, same, same));
		assertThat(audit.history("thing", id)).isEmpty();
	}

	@Test
	void aChangeThatRollsBackLeavesNoHistory() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(s -> {
			audit.created("thing", id, Map.of("name", "ghost"));
			s.setRollbackOnly();
		});
		assertThat(audit.history("thing", id)).isEmpty();
	}

	@Test
	void collectionsAreRecordedInAStableOrder() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(s -> audit.updated("thing", id, Map.of("tags", List.of("b", "a")),
				Map.of("tags", java.util.Set.of("a", "b"))));
		assertThat(audit.history("thing", id)).isEmpty();
	}
}
