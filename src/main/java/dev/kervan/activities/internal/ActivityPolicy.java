package dev.kervan.activities.internal;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
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

	private final SubjectTypes subjects;

	ActivityPolicy(SubjectTypes subjects) {
		this.subjects = subjects;
	}

	static CurrentUser requireStaff(CurrentUser user) {
		return user.requireStaff(REFUSAL);
	}

	/** Whether the record exists and the user may see it, as the module that owns it answers. */
	boolean seesSubject(String type, long id) {
		return subjects.find(type).filter(kind -> kind.accepts(id)).isPresent();
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
