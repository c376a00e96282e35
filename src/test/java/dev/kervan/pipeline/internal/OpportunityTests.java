package dev.kervan.pipeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.kervan.pipeline.OpportunityAction;
import dev.kervan.pipeline.OpportunityLost;
import dev.kervan.pipeline.OpportunityMoved;
import dev.kervan.pipeline.OpportunityReopened;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.OpportunityWon;
import dev.kervan.pipeline.internal.PipelineStages.Stage;
import dev.kervan.platform.DomainException;
import org.junit.jupiter.api.Test;

/** An opportunity walked through its life by the actions a salesperson takes; each step records what happened. */
class OpportunityTests {

	private static final Stage NEW = new Stage(1, 7, "New", 10, 10, false, false, 0);
	private static final Stage OFFER = new Stage(2, 7, "Offer", 20, 50, false, false, 0);
	private static final Stage WON = new Stage(3, 7, "Won", 30, 100, false, true, 0);
	private static final Instant MONDAY = Instant.parse("2026-12-07T09:00:00Z");
	private static final Instant TUESDAY = Instant.parse("2026-12-08T09:00:00Z");

	@Test
	void aNewOpportunityTakesItsStagesProbabilityUnlessOneWasSetAndIsWonOnAWonStage() {
		Opportunity open = Opportunity.enter(fields(0, false), NEW, 1024, "ayse", MONDAY);
		assertThat(open.status()).isEqualTo(OpportunityStatus.OPEN);
		assertThat(open.probability).isEqualTo(10);
		assertThat(Opportunity.enter(fields(35, true), NEW, 1024, "ayse", MONDAY).probability).isEqualTo(35);

		Opportunity won = Opportunity.enter(fields(35, true), WON, 1024, "ayse", MONDAY);
		assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
		assertThat(won.probability).isEqualTo(100);
		assertThat(won.closedAt).isEqualTo(MONDAY);
		assertThat(won.availableActions()).containsExactlyInAnyOrder(OpportunityAction.CHANGE, OpportunityAction.MOVE,
				OpportunityAction.REOPEN);
	}

	@Test
	void droppingOnAWonStageWinsItAndDraggingItOutOpensItAgain() {
		Opportunity opportunity = saved(Opportunity.enter(fields(0, false), NEW, 1024, "ayse", MONDAY));

		opportunity.moveTo(OFFER, 2048, MONDAY);
		assertThat(opportunity.probability).isEqualTo(50);
		assertThat(opportunity.recordedEvents()).containsExactly(new OpportunityMoved(42, 7, 1, 2, MONDAY));

		opportunity.moveTo(WON, 1024, TUESDAY);
		assertThat(opportunity.status()).isEqualTo(OpportunityStatus.WON);
		assertThat(opportunity.closedAt).isEqualTo(TUESDAY);
		assertThat(opportunity.recordedEvents()).last().isInstanceOfSatisfying(OpportunityWon.class, won -> {
			assertThat(won.opportunityId()).isEqualTo(42);
			assertThat(won.expectedRevenue().amount()).isEqualByComparingTo("5000");
			assertThat(won.expectedRevenue().currency().getCurrencyCode()).isEqualTo("TRY");
		});

		opportunity.moveTo(NEW, 1024, TUESDAY);
		assertThat(opportunity.status()).isEqualTo(OpportunityStatus.OPEN);
		assertThat(opportunity.closedAt).isNull();
		assertThat(opportunity.probability).isEqualTo(10);
		assertThat(opportunity.recordedEvents()).last().isEqualTo(new OpportunityReopened(42, TUESDAY));
	}

	@Test
	void aProbabilitySetByHandSurvivesMovesWhileOpenButNotWinning() {
		Opportunity opportunity = saved(Opportunity.enter(fields(35, true), NEW, 1024, "ayse", MONDAY));
		opportunity.moveTo(OFFER, 2048, MONDAY);
		assertThat(opportunity.probability).isEqualTo(35);
		opportunity.moveTo(WON, 1024, MONDAY);
		opportunity.moveTo(OFFER, 1024, MONDAY);
		assertThat(opportunity.probability).isEqualTo(50);
		assertThat(opportunity.probabilityManual).isFalse();
	}

	@Test
	void aLostOpportunityLeavesTheBoardKeepsItsReasonAndIsReopenedWhereItWas() {
		Opportunity opportunity = saved(Opportunity.enter(fields(35, true), OFFER, 1024, "ayse", MONDAY));
		opportunity.lose(4, "Went with a cheaper offer", MONDAY);
		assertThat(opportunity.status()).isEqualTo(OpportunityStatus.LOST);
		assertThat(opportunity.probability).isZero();
		assertThat(opportunity.recordedEvents()).containsExactly(new OpportunityLost(42, null, 4, MONDAY));

		assertThatThrownBy(() -> opportunity.moveTo(NEW, 1024, TUESDAY)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> opportunity.win(WON, 1024, TUESDAY)).isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> opportunity.lose(4, null, TUESDAY)).isInstanceOf(DomainException.class);

		opportunity.reopen(OFFER, 1024, TUESDAY);
		assertThat(opportunity.status()).isEqualTo(OpportunityStatus.OPEN);
		assertThat(opportunity.lostReason).isNull();
		assertThat(opportunity.lostNote).isNull();
		assertThat(opportunity.closedAt).isNull();
		assertThat(opportunity.probability).as("the probability set by hand").isZero();
	}

	@Test
	void winningByHandPutsItOnTheWonStageAndAnOpenOneCannotBeReopened() {
		Opportunity opportunity = saved(Opportunity.enter(fields(0, false), NEW, 1024, "ayse", MONDAY));
		assertThatThrownBy(() -> opportunity.reopen(NEW, 1024, MONDAY)).isInstanceOfSatisfying(DomainException.class,
				refusal -> assertThat(refusal.messageCode()).isEqualTo("error.pipeline.not-closed"));
		opportunity.win(WON, 4096, TUESDAY);
		assertThat(opportunity.stage()).isEqualTo(WON.id());
		assertThat(opportunity.rank).isEqualTo(4096);
		assertThat(opportunity.probability).isEqualTo(100);
		assertThatThrownBy(() -> opportunity.win(WON, 4096, TUESDAY)).isInstanceOfSatisfying(DomainException.class,
				refusal -> assertThat(refusal.messageCode()).isEqualTo("error.pipeline.closed"));
	}

	@Test
	void aChangeToTheSameValuesIsNoChange() {
		Opportunity opportunity = saved(Opportunity.enter(fields(0, false), NEW, 1024, "ayse", MONDAY));
		Opportunity.Fields same = opportunity.fields();
		var moreDecimals = new Opportunity.Fields(same.title(), same.customer(), same.prospectName(), same.email(), same.phone(),
				new BigDecimal("5000.00"), same.currency(), same.probability(), same.probabilityManual(), same.priority(),
				same.tags(), same.expectedClose(), same.salesperson(), same.source(), same.notes());
		assertThat(opportunity.change(moreDecimals, TUESDAY)).isFalse();
		assertThat(opportunity.updatedAt).isEqualTo(MONDAY);
	}

	private static Opportunity.Fields fields(int probability, boolean manual) {
		return new Opportunity.Fields("Boiler room", null, null, null, null, new BigDecimal("5000"), "TRY", probability, manual,
				1, List.of("hvac"), null, 12L, null, null);
	}

	/** As read back after its first save: it has an id. */
	private static Opportunity saved(Opportunity opportunity) {
		opportunity.id = 42L;
		return opportunity;
	}
}
