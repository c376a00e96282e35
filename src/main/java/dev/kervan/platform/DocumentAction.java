package dev.kervan.platform;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to a document, and in which of its states: implemented by each document's action enum
 * ({@code OpportunityAction}, {@code LeadAction}). The enum names, per action, the states it is open in and the
 * message a refusal answers; this interface answers the questions every document asks of it.
 *
 * @param <S> the document's status enum
 */
public interface DocumentAction<S extends Enum<S>> {

	/** The states this action is open in. */
	Set<S> allowedIn();

	/** The message code of the conflict answered when the action is tried in another state; its argument is the state. */
	String refusal();

	default boolean isAllowedIn(S status) {
		return allowedIn().contains(status);
	}

	/** Throws the conflict (409) that says why this action is not open in this state. */
	default void requireAllowedIn(S status) {
		if (!isAllowedIn(status)) {
			throw new DomainException(ErrorKind.CONFLICT, refusal(), status.name());
		}
	}

	/** The actions of an enum open in a state: which buttons a page shows, which actions the API lists. */
	static <S extends Enum<S>, A extends Enum<A> & DocumentAction<S>> Set<A> availableIn(Class<A> actions, S status) {
		var open = EnumSet.noneOf(actions);
		for (A action : actions.getEnumConstants()) {
			if (action.isAllowedIn(status)) {
				open.add(action);
			}
		}
		return open;
	}
}
