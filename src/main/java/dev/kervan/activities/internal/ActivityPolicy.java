package dev.kervan.activities.internal;

import dev.kervan.activities.ActivitySubject;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.pipeline.Pipeline;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which activities. Staff plan activities on the records they may see. An activity is
 * seen by its assignee, its planner, sales managers and whoever sees its record; it is changed by its
 * assignee, its planner and sales managers.
 */
@Component
class ActivityPolicy {

	static final String REFUSAL = "error.activity.forbidden";

	private final Customers customers;
	private final Pipeline pipeline;

	ActivityPolicy(Customers customers, Pipeline pipeline) {
		this.customers = customers;
		this.pipeline = pipeline;
	}

	static CurrentUser requireStaff(CurrentUser user) {
		return user.requireStaff(REFUSAL);
	}

	/** Whether the record exists and the user may see it (archived accounts take no new activities). */
	boolean seesSubject(ActivitySubject type, long id) {
		return switch (type) {
			case CUSTOMER -> customers.find(id).filter(c -> !c.archived()).isPresent();
			case OPPORTUNITY -> pipeline.visibleOpportunityTitle(id).isPresent();
			case LEAD -> pipeline.visibleLeadTitles(java.util.List.of(id)).containsKey(id);
		};
	}

	boolean maySee(CurrentUser user, ActivityRow activity) {
		return mayChange(user, activity) || seesSubject(activity.subjectType(), activity.subjectId());
	}

	boolean mayChange(CurrentUser user, ActivityRow activity) {
		return user.has(Role.SALES_MANAGER) || activity.assigneeId() == user.id()
				|| (activity.createdBy() != null && activity.createdBy() == user.id());
	}

	static DomainException forbidden() {
		return new DomainException(ErrorKind.FORBIDDEN, REFUSAL);
	}
}
