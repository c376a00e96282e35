package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.junit.jupiter.api.Test;

/** The opportunity's whole status matrix: every pair of states, every action in every state. */
class OpportunityStatusTests {

	private static final Map<OpportunityStatus, Set<OpportunityStatus>> TRANSITIONS = Map.of(
			OpportunityStatus.OPEN, Set.of(OpportunityStatus.WON, OpportunityStatus.LOST),
			OpportunityStatus.WON, Set.of(OpportunityStatus.OPEN),
			OpportunityStatus.LOST, Set.of(OpportunityStatus.OPEN));

	private static final Map<OpportunityStatus, Set<OpportunityAction>> ACTIONS = Map.of(
			OpportunityStatus.OPEN, Set.of(OpportunityAction.CHANGE, OpportunityAction.MOVE, OpportunityAction.WIN, OpportunityAction.LOSE),
			OpportunityStatus.WON, Set.of(OpportunityAction.CHANGE, OpportunityAction.MOVE, OpportunityAction.REOPEN),
			OpportunityStatus.LOST, Set.of(OpportunityAction.CHANGE, OpportunityAction.REOPEN));

	@Test
	void everyStateGoesOnlyWhereItsTransitionsLead() {
		for (OpportunityStatus from : OpportunityStatus.values()) {
			for (OpportunityStatus to : OpportunityStatus.values()) {
				assertThat(from.canTransitionTo(to)).as(from + " → " + to).isEqualTo(TRANSITIONS.get(from).contains(to));
			}
		}
	}

	@Test
	void everyActionIsOpenInItsStatesAndRefusedWithAConflictInTheOthers() {
		for (OpportunityStatus status : OpportunityStatus.values()) {
			assertThat(OpportunityAction.availableIn(status)).as(status.name()).isEqualTo(ACTIONS.get(status));
			for (OpportunityAction action : OpportunityAction.values()) {
				if (ACTIONS.get(status).contains(action)) {
					assertThatCode(() -> action.requireAllowedIn(status)).as(action + " in " + status).doesNotThrowAnyException();
				}
				else {
					assertThatThrownBy(() -> action.requireAllowedIn(status)).as(action + " in " + status)
						.isInstanceOfSatisfying(DomainException.class, refusal -> {
							assertThat(refusal.kind()).isEqualTo(ErrorKind.CONFLICT);
							assertThat(refusal.messageCode()).startsWith("error.pipeline.");
						});
				}
			}
		}
	}

	@Test
	void onlyWonAndLostAreClosed() {
		assertThat(OpportunityStatus.OPEN.isClosed()).isFalse();
		assertThat(OpportunityStatus.WON.isClosed()).isTrue();
		assertThat(OpportunityStatus.LOST.isClosed()).isTrue();
	}
}
