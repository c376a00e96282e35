package dev.kervan.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.kervan.pipeline.LeadAction;
import dev.kervan.pipeline.LeadConverted;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.platform.DomainException;
import org.junit.jupiter.api.Test;

/** A lead's life without a database: what each action changes, what it records, what it refuses. */
class LeadTests {

	private static final Instant MONDAY = Instant.parse("2026-11-30T09:00:00Z");
	private static final Instant TUESDAY = Instant.parse("2026-12-01T09:00:00Z");

	@Test
	void aNewLeadIsQualifiedThenConvertedOnceAndSaysSo() {
		Lead lead = saved(Lead.enter(fields("Fair contact"), 3, "marketing", MONDAY));
		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.availableActions()).contains(LeadAction.QUALIFY, LeadAction.CONVERT);

		lead.qualify(TUESDAY);
		assertThat(lead.status()).isEqualTo(LeadStatus.QUALIFIED);
		assertThat(lead.availableActions()).doesNotContain(LeadAction.QUALIFY);
		assertThat(lead.recordedEvents()).isEmpty();

		lead.convert(70, 80, TUESDAY);
		assertThat(lead.status()).isEqualTo(LeadStatus.CONVERTED);
		assertThat(lead.opportunity).isEqualTo(70);
		assertThat(lead.customer).isEqualTo(80);
		assertThat(lead.availableActions()).isEmpty();
		assertThat(lead.recordedEvents()).singleElement().isEqualTo(new LeadConverted(11, 70, 80, TUESDAY));
		assertThatThrownBy(() -> lead.convert(71, 80, TUESDAY)).isInstanceOf(DomainException.class)
			.hasMessageContaining("error.lead.closed");
		assertThatThrownBy(() -> lead.change(fields("Renamed"), TUESDAY)).isInstanceOf(DomainException.class);
	}

	@Test
	void aDisqualifiedLeadKeepsItsReasonUntilReopened() {
		Lead lead = saved(Lead.enter(fields("Cold call"), 3, "seller", MONDAY));
		lead.disqualify("Student project", TUESDAY);
		assertThat(lead.status()).isEqualTo(LeadStatus.DISQUALIFIED);
		assertThat(lead.disqualifyReason).isEqualTo("Student project");
		assertThat(lead.availableActions()).containsExactly(LeadAction.REOPEN);
		assertThatThrownBy(() -> lead.qualify(TUESDAY)).isInstanceOf(DomainException.class);
		assertThatThrownBy(lead::requireConvertible).isInstanceOf(DomainException.class);

		lead.reopen(TUESDAY);
		assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
		assertThat(lead.disqualifyReason).isNull();
		assertThatThrownBy(() -> lead.reopen(TUESDAY)).isInstanceOf(DomainException.class)
			.hasMessageContaining("error.lead.not-disqualified");
	}

	@Test
	void aChangeToTheSameValuesIsNoChange() {
		Lead lead = saved(Lead.enter(fields("Same"), 3, "seller", MONDAY));
		Lead.Fields sameRevenueWritten = new Lead.Fields("Same", null, null, null, null, "TR", null, null,
				new BigDecimal("1500.00"), "TRY", 0, List.of(), null, null);
		assertThat(lead.change(sameRevenueWritten, TUESDAY)).isFalse();
		assertThat(lead.change(fields("Other"), TUESDAY)).isTrue();
		assertThat(lead.title).isEqualTo("Other");
		assertThat(lead.updatedAt).isEqualTo(TUESDAY);
	}

	private static Lead.Fields fields(String title) {
		return new Lead.Fields(title, null, null, null, null, "TR", null, null, new BigDecimal("1500"), "TRY", 0, List.of(),
				null, null);
	}

	private static Lead saved(Lead lead) {
		lead.id = 11L;
		lead.version = 0L;
		return lead;
	}
}
