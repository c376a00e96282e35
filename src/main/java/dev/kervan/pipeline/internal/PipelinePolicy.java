package dev.kervan.pipeline.internal;

import java.util.Set;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Who may see and change which opportunities. Sales managers and administrators see and change all. A
 * salesperson sees the pipelines of their teams and the opportunities assigned to them, and changes their
 * own; the leader of a team changes every opportunity of the team. Nobody else sees the pipeline.
 */
@Component
public class PipelinePolicy {

	private static final String REFUSAL = "error.pipeline.forbidden";

	private final CurrentUsers users;
	private final TeamMembers teams;

	PipelinePolicy(CurrentUsers users, TeamMembers teams) {
		this.users = users;
		this.teams = teams;
	}

	/** The current user, when they may work with the pipeline at all. */
	public CurrentUser requireSales() {
		return users.get().require(REFUSAL, Role.SALESPERSON);
	}

	public CurrentUser requireManager() {
		return users.get().require(REFUSAL, Role.SALES_MANAGER);
	}

	public boolean seesAll(CurrentUser user) {
		return user.has(Role.SALES_MANAGER);
	}

	public boolean maySee(CurrentUser user, OpportunityRow opportunity) {
		return maySee(user, opportunity.team(), opportunity.salesperson());
	}

	public boolean mayEdit(CurrentUser user, OpportunityRow opportunity) {
		return mayEdit(user, opportunity.team(), opportunity.salesperson());
	}

	/** Whether the user sees a record of a team's pipeline assigned to a salesperson. */
	boolean maySee(CurrentUser user, long team, @Nullable Long salesperson) {
		return seesAll(user) || user.id() == nullToZero(salesperson) || teams.teamsOf(user.id()).contains(team);
	}

	/** Who may change records of a team's pipeline assigned to a salesperson, for many records at once. */
	public interface Editable {
		boolean test(long team, @Nullable Long salesperson);
	}

	/** The rule of {@link #mayEdit(CurrentUser, long, Long)} for one user, with their teams read once. */
	public Editable editableBy(CurrentUser user) {
		boolean all = seesAll(user);
		Set<Long> led = all ? Set.of() : teams.ledBy(user.id());
		return (team, salesperson) -> all || user.id() == nullToZero(salesperson) || led.contains(team);
	}

	/** Whether the user changes a record of a team's pipeline assigned to a salesperson. */
	boolean mayEdit(CurrentUser user, long team, @Nullable Long salesperson) {
		return seesAll(user) || user.id() == nullToZero(salesperson) || teams.ledBy(user.id()).contains(team);
	}

	/**
	 * The current user, when they work with leads: salespeople, and marketing, who bring leads in from campaigns
	 * and fairs and see them all.
	 */
	public CurrentUser requireLeads() {
		return users.get().require(REFUSAL, Role.SALESPERSON, Role.MARKETING);
	}

	boolean seesAllLeads(CurrentUser user) {
		return seesAll(user) || user.has(Role.MARKETING);
	}

	/** Whether the user may put opportunities on a team's pipeline. */
	public boolean mayUseTeam(CurrentUser user, long team) {
		if (seesAll(user)) {
			return true;
		}
		Set<Long> mine = teams.teamsOf(user.id());
		// A salesperson in no team yet works in the first team, as a company with one pipeline expects.
		return mine.contains(team) || (mine.isEmpty() && teams.firstActive().filter(first -> first == team).isPresent());
	}

	/** The teams whose boards the user opens: theirs, or the first team for someone in no team yet. */
	Set<Long> boardTeams(CurrentUser user) {
		Set<Long> mine = teams.teamsOf(user.id());
		return mine.isEmpty() ? teams.firstActive().map(Set::of).orElse(Set.of()) : mine;
	}

	/** The teams whose pipelines a user sees who does not see all: those they belong to or lead. */
	public Set<Long> visibleTeams(CurrentUser user) {
		return teams.teamsOf(user.id());
	}

	static DomainException forbidden() {
		return new DomainException(ErrorKind.FORBIDDEN, REFUSAL);
	}

	private static long nullToZero(@Nullable Long id) {
		return id == null ? 0 : id;
	}
}
