package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.junit.jupiter.api.Test;

/** The lead's whole status matrix: every pair of states, every action in every state. */
class LeadStatusTests {

	private static final Map<LeadStatus, Set<LeadStatus>> TRANSITIONS = Map.of(
			LeadStatus.NEW, Set.of(LeadStatus.QUALIFIED, LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED),
			LeadStatus.QUALIFIED, Set.of(LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED),
			LeadStatus.CONVERTED, Set.of(),
			LeadStatus.DISQUALIFIED, Set.of(LeadStatus.NEW));

	private static final Map<LeadStatus, Set<LeadAction>> ACTIONS = Map.of(
			LeadStatus.NEW, Set.of(LeadAction.CHANGE, LeadAction.QUALIFY, LeadAction.DISQUALIFY, LeadAction.CONVERT),
			LeadStatus.QUALIFIED, Set.of(LeadAction.CHANGE, LeadAction.DISQUALIFY, LeadAction.CONVERT),
			LeadStatus.CONVERTED, Set.of(),
			LeadStatus.DISQUALIFIED, Set.of(LeadAction.REOPEN));

	/** Where each action that changes the status leads. */
	private static final Map<LeadAction, LeadStatus> LEADS_TO = Map.of(LeadAction.QUALIFY, LeadStatus.QUALIFIED,
			LeadAction.DISQUALIFY, LeadStatus.DISQUALIFIED, LeadAction.CONVERT, LeadStatus.CONVERTED, LeadAction.REOPEN,
			LeadStatus.NEW);

	@Test
	void everyStateGoesOnlyWhereItsTransitionsLead() {
		for (LeadStatus from : LeadStatus.values()) {
			for (LeadStatus to : LeadStatus.values()) {
				assertThat(from.canTransitionTo(to)).as(from + " → " + to).isEqualTo(TRANSITIONS.get(from).contains(to));
			}
		}
	}

	@Test
	void everyActionIsOpenInItsStatesAndRefusedWithAConflictInTheOthers() {
		for (LeadStatus status : LeadStatus.values()) {
			assertThat(LeadAction.availableIn(status)).as(status.name()).isEqualTo(ACTIONS.get(status));
			for (LeadAction action : LeadAction.values()) {
				if (ACTIONS.get(status).contains(action)) {
					assertThatCode(() -> action.requireAllowedIn(status)).as(action + " in " + status).doesNotThrowAnyException();
				}
				else {
					assertThatThrownBy(() -> action.requireAllowedIn(status)).as(action + " in " + status)
						.isInstanceOfSatisfying(DomainException.class, refusal -> {
							assertThat(refusal.kind()).isEqualTo(ErrorKind.CONFLICT);
							assertThat(refusal.messageCode()).startsWith("error.lead.");
							assertThat(refusal.arguments()).containsExactly(status.name());
						});
				}
			}
		}
	}

	@Test
	void anActionOpenInAStateLeadsOnlyWhereTheStateMayGo() {
		for (LeadStatus status : LeadStatus.values()) {
			for (LeadAction action : LeadAction.availableIn(status)) {
				LeadStatus next = LEADS_TO.get(action);
				if (next != null) {
					assertThat(status.canTransitionTo(next)).as(action + " in " + status).isTrue();
				}
			}
		}
	}

	@Test
	void onlyConvertedAndDisqualifiedAreClosed() {
		assertThat(LeadStatus.NEW.isClosed()).isFalse();
		assertThat(LeadStatus.QUALIFIED.isClosed()).isFalse();
		assertThat(LeadStatus.CONVERTED.isClosed()).isTrue();
		assertThat(LeadStatus.DISQUALIFIED.isClosed()).isTrue();
	}
}
