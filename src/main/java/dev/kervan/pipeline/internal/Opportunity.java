package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.pipeline.OpportunityAction;
import dev.kervan.pipeline.OpportunityLost;
import dev.kervan.pipeline.OpportunityMoved;
import dev.kervan.pipeline.OpportunityReopened;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.pipeline.OpportunityWon;
import dev.kervan.pipeline.internal.PipelineStages.Stage;
import dev.kervan.platform.Money;
import dev.kervan.platform.VersionedDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An opportunity: a sale being worked on in a team's pipeline, a card on its board. Its status follows its life
 * ({@link OpportunityStatus} owns the transitions, {@link OpportunityAction} what may be done in each state): the
 * methods below are named after what a salesperson does, check that it may be done now, change what follows from
 * it (probability, closing time, lost reason) and record what happened as an event for other modules.
 * Where a card sits among others (its rank) is worked out by {@link CardRanks}, which needs the other cards.
 */
@Table("opportunity")
class Opportunity extends AbstractAggregateRoot<Opportunity> implements VersionedDocument {

	@Id
	@Nullable Long id;
	String title = "";
	@Nullable Long customer;
	@Nullable String prospectName;
	@Nullable String email;
	@Nullable String phone;
	BigDecimal expectedRevenue = BigDecimal.ZERO;
	String currency = "TRY";
	int probability;
	boolean probabilityManual;
	int priority;
	List<String> tags = new ArrayList<>();
	@Nullable LocalDate expectedClose;
	@Nullable Long salesperson;
	long team;
	long stage;
	long rank;
	OpportunityStatus status = OpportunityStatus.OPEN;
	@Nullable String source;
	@Nullable Long lostReason;
	@Nullable String lostNote;
	@Nullable Instant closedAt;
	@Nullable String notes;
	/** Kept by {@link PipelineSearchText} as the record is saved. */
	String searchText = "";
	@Nullable Long lead;
	Instant createdAt = Instant.EPOCH;
	Instant updatedAt = Instant.EPOCH;
	String createdBy = "";
	@Version
	@Nullable Long version;

	/** Spring Data reads stored opportunities through this. */
	Opportunity() {
	}

	/**
	 * A new opportunity on a stage, with the fields the user gave; on a won stage it is won at once. The
	 * probability comes from the stage unless the user set one.
	 */
	static Opportunity enter(Fields fields, Stage stage, long rank, String createdBy, Instant now) {
		var opportunity = new Opportunity();
		fields.copyTo(opportunity);
		opportunity.team = stage.teamId();
		opportunity.stage = stage.id();
		opportunity.rank = rank;
		opportunity.createdBy = createdBy;
		opportunity.createdAt = now;
		opportunity.updatedAt = now;
		if (!opportunity.probabilityManual) {
			opportunity.probability = stage.probability();
		}
		if (stage.won()) {
			opportunity.status = OpportunityStatus.WON;
			opportunity.probability = 100;
			opportunity.closedAt = now;
		}
		return opportunity;
	}

	@Override
	public long id() {
		if (id == null) {
			throw new IllegalStateException("The opportunity is not saved yet");
		}
		return id;
	}

	@Override
	public long version() {
		return version == null ? 0 : version;
	}

	OpportunityStatus status() {
		return status;
	}

	long team() {
		return team;
	}

	long stage() {
		return stage;
	}

	/** What may be done to it now, whoever asks. */
	Set<OpportunityAction> availableActions() {
		return OpportunityAction.availableIn(status);
	}

	/** The fields a user sets, as they are now. */
	Fields fields() {
		return new Fields(title, customer, prospectName, email, phone, expectedRevenue, currency, probability,
				probabilityManual, priority, List.copyOf(tags), expectedClose, salesperson, source, notes);
	}

	/** Takes new field values; answers whether anything changed. */
	boolean change(Fields changed, Instant now) {
		OpportunityAction.CHANGE.requireAllowedIn(status);
		if (changed.sameAs(fields())) {
			return false;
		}
		changed.copyTo(this);
		updatedAt = now;
		return true;
	}

	/**
	 * Puts the card on a stage of its pipeline at a rank: a won stage wins it, leaving the won stage opens it again.
	 * A probability set by hand stays while it is open.
	 */
	void moveTo(Stage target, long newRank, Instant now) {
		OpportunityAction.MOVE.requireAllowedIn(status);
		OpportunityStatus next = target.won() ? OpportunityStatus.WON : OpportunityStatus.OPEN;
		OpportunityStatus previous = status;
		long from = stage;
		stage = target.id();
		rank = newRank;
		if (next == OpportunityStatus.WON) {
			probability = 100;
			closedAt = previous == OpportunityStatus.WON ? closedAt : now;
			probabilityManual = false;
		}
		else {
			probability = probabilityManual && previous == OpportunityStatus.OPEN ? probability : target.probability();
			probabilityManual = probabilityManual && previous == OpportunityStatus.OPEN;
			closedAt = null;
		}
		status = next;
		updatedAt = now;
		if (from != stage) {
			registerEvent(new OpportunityMoved(id(), team, from, stage, now));
		}
		if (previous != next) {
			registerEvent(next == OpportunityStatus.WON ? won(now) : new OpportunityReopened(id(), now));
		}
	}

	/** Won by hand: it goes to the team's won stage, at its end. */
	void win(Stage wonStage, long newRank, Instant now) {
		OpportunityAction.WIN.requireAllowedIn(status);
		status = OpportunityStatus.WON;
		stage = wonStage.id();
		rank = newRank;
		probability = 100;
		probabilityManual = false;
		closedAt = now;
		updatedAt = now;
		registerEvent(won(now));
	}

	/** Lost, for a reason (and perhaps a note): it leaves the board. */
	void lose(long reason, @Nullable String note, Instant now) {
		OpportunityAction.LOSE.requireAllowedIn(status);
		status = OpportunityStatus.LOST;
		lostReason = reason;
		lostNote = note;
		probability = 0;
		closedAt = now;
		updatedAt = now;
		registerEvent(new OpportunityLost(id(), customer, reason, now));
	}

	/**
	 * Open again: a lost one where it was, a won one on the given open stage (the last before winning). A
	 * probability set by hand on a lost one stays.
	 */
	void reopen(Stage openStage, long newRank, Instant now) {
		OpportunityAction.REOPEN.requireAllowedIn(status);
		boolean keepProbability = probabilityManual && status == OpportunityStatus.LOST;
		status = OpportunityStatus.OPEN;
		stage = openStage.id();
		rank = newRank;
		lostReason = null;
		lostNote = null;
		probability = keepProbability ? probability : openStage.probability();
		closedAt = null;
		updatedAt = now;
		registerEvent(new OpportunityReopened(id(), now));
	}

	private OpportunityWon won(Instant now) {
		return new OpportunityWon(id(), customer, salesperson, Money.of(expectedRevenue, currency), now);
	}

	/** The events recorded since it was read; they are published when it is saved. */
	List<Object> recordedEvents() {
		return List.copyOf(domainEvents());
	}

	@Override
	public Map<String, Object> snapshot() {
		var values = new LinkedHashMap<String, Object>();
		values.put("title", title);
		values.put("customer", customer);
		values.put("prospectName", prospectName);
		values.put("email", email);
		values.put("phone", phone);
		values.put("expectedRevenue", expectedRevenue.stripTrailingZeros().toPlainString());
		values.put("currency", currency);
		values.put("probability", probability);
		values.put("priority", priority);
		values.put("tags", List.copyOf(tags));
		values.put("expectedClose", expectedClose);
		values.put("salesperson", salesperson);
		values.put("team", team);
		values.put("stage", stage);
		values.put("status", status);
		values.put("source", source);
		values.put("lostReason", lostReason);
		values.put("lostNote", lostNote);
		values.put("notes", notes);
		return values;
	}

	/** The fields a user sets on an opportunity, checked already. */
	record Fields(String title, @Nullable Long customer, @Nullable String prospectName, @Nullable String email,
			@Nullable String phone, BigDecimal expectedRevenue, String currency, int probability, boolean probabilityManual,
			int priority, List<String> tags, @Nullable LocalDate expectedClose, @Nullable Long salesperson,
			@Nullable String source, @Nullable String notes) {

		/** Whether these are the same values as stored: {@code 10} and {@code 10.00} are the same revenue. */
		boolean sameAs(Fields other) {
			return withRevenue(expectedRevenue.stripTrailingZeros()).equals(other.withRevenue(other.expectedRevenue.stripTrailingZeros()));
		}

		private Fields withRevenue(BigDecimal revenue) {
			return new Fields(title, customer, prospectName, email, phone, revenue, currency, probability, probabilityManual,
					priority, tags, expectedClose, salesperson, source, notes);
		}

		void copyTo(Opportunity opportunity) {
			opportunity.title = title;
			opportunity.customer = customer;
			opportunity.prospectName = prospectName;
			opportunity.email = email;
			opportunity.phone = phone;
			opportunity.expectedRevenue = expectedRevenue;
			opportunity.currency = currency;
			opportunity.probability = probability;
			opportunity.probabilityManual = probabilityManual;
			opportunity.priority = priority;
			opportunity.tags = new ArrayList<>(tags);
			opportunity.expectedClose = expectedClose;
			opportunity.salesperson = salesperson;
			opportunity.source = source;
			opportunity.notes = notes;
		}
	}
}
