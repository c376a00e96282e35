package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.kervan.pipeline.LeadAction;
import dev.kervan.pipeline.LeadConverted;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.platform.VersionedDocument;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A lead: a contact from a campaign, a fair or the web, followed up until it becomes an opportunity or is
 * disqualified. {@link LeadStatus} owns where it may go, {@link LeadAction} what may be done in each state; each
 * method below is one thing a salesperson does to it.
 */
@Table("lead")
class Lead extends AbstractAggregateRoot<Lead> implements VersionedDocument {

	@Id
	@Nullable Long id;
	String title = "";
	@Nullable String contactName;
	@Nullable String companyName;
	@Nullable String email;
	@Nullable String phone;
	String country = "TR";
	@Nullable String source;
	@Nullable String campaign;
	BigDecimal expectedRevenue = BigDecimal.ZERO;
	String currency = "TRY";
	int priority;
	List<String> tags = new ArrayList<>();
	@Nullable Long salesperson;
	long team;
	@Nullable String notes;
	/** Kept by {@link PipelineSearchText} as the record is saved. */
	String searchText = "";
	LeadStatus status = LeadStatus.NEW;
	@Nullable String disqualifyReason;
	@Nullable Long opportunity;
	@Nullable Long customer;
	Instant createdAt = Instant.EPOCH;
	Instant updatedAt = Instant.EPOCH;
	String createdBy = "";
	@Version
	@Nullable Long version;

	/** Spring Data reads stored leads through this. */
	Lead() {
	}

	/** A new lead of a team, with the fields the user (or the web form) gave. */
	static Lead enter(Fields fields, long team, String createdBy, Instant now) {
		var lead = new Lead();
		fields.copyTo(lead);
		lead.team = team;
		lead.createdBy = createdBy;
		lead.createdAt = now;
		lead.updatedAt = now;
		return lead;
	}

	@Override
	public long id() {
		if (id == null) {
			throw new IllegalStateException("The lead is not saved yet");
		}
		return id;
	}

	@Override
	public long version() {
		return version == null ? 0 : version;
	}

	LeadStatus status() {
		return status;
	}

	/** What may be done to it now, whoever asks. */
	Set<LeadAction> availableActions() {
		return LeadAction.availableIn(status);
	}

	/** The fields a user sets, as they are now. */
	Fields fields() {
		return new Fields(title, contactName, companyName, email, phone, country, source, campaign, expectedRevenue, currency,
				priority, List.copyOf(tags), salesperson, notes);
	}

	/** Takes new field values; answers whether anything changed. */
	boolean change(Fields changed, Instant now) {
		LeadAction.CHANGE.requireAllowedIn(status);
		if (changed.sameAs(fields())) {
			return false;
		}
		changed.copyTo(this);
		updatedAt = now;
		return true;
	}

	/** Worth an opportunity: it is followed up as such. */
	void qualify(Instant now) {
		LeadAction.QUALIFY.requireAllowedIn(status);
		status = LeadStatus.QUALIFIED;
		updatedAt = now;
	}

	/** Not worth following up, for a reason. */
	void disqualify(String reason, Instant now) {
		LeadAction.DISQUALIFY.requireAllowedIn(status);
		status = LeadStatus.DISQUALIFIED;
		disqualifyReason = reason;
		updatedAt = now;
	}

	/** Followed up again, as a new lead. */
	void reopen(Instant now) {
		LeadAction.REOPEN.requireAllowedIn(status);
		status = LeadStatus.NEW;
		disqualifyReason = null;
		updatedAt = now;
	}

	/** Checks that it may become an opportunity, before the account and the opportunity are made. */
	void requireConvertible() {
		LeadAction.CONVERT.requireAllowedIn(status);
	}

	/** It became this opportunity, for this account. */
	void convert(long opportunityId, long customerId, Instant now) {
		LeadAction.CONVERT.requireAllowedIn(status);
		status = LeadStatus.CONVERTED;
		opportunity = opportunityId;
		customer = customerId;
		updatedAt = now;
		registerEvent(new LeadConverted(id(), opportunityId, customerId, now));
	}

	/** The events recorded since it was read; they are published when it is saved. */
	List<Object> recordedEvents() {
		return List.copyOf(domainEvents());
	}

	@Override
	public Map<String, Object> snapshot() {
		var values = new LinkedHashMap<String, Object>();
		values.put("title", title);
		values.put("contactName", contactName);
		values.put("companyName", companyName);
		values.put("email", email);
		values.put("phone", phone);
		values.put("source", source);
		values.put("campaign", campaign);
		values.put("expectedRevenue", expectedRevenue.stripTrailingZeros().toPlainString());
		values.put("currency", currency);
		values.put("priority", priority);
		values.put("tags", List.copyOf(tags));
		values.put("salesperson", salesperson);
		values.put("team", team);
		values.put("notes", notes);
		values.put("status", status);
		values.put("disqualifyReason", disqualifyReason);
		values.put("opportunity", opportunity);
		values.put("customer", customer);
		return values;
	}

	/** The fields a user sets on a lead, checked already. */
	record Fields(String title, @Nullable String contactName, @Nullable String companyName, @Nullable String email,
			@Nullable String phone, String country, @Nullable String source, @Nullable String campaign,
			BigDecimal expectedRevenue, String currency, int priority, List<String> tags, @Nullable Long salesperson,
			@Nullable String notes) {

		/** Whether these are the same values as stored: {@code 10} and {@code 10.00} are the same revenue. */
		boolean sameAs(Fields other) {
			return withRevenue(expectedRevenue.stripTrailingZeros()).equals(other.withRevenue(other.expectedRevenue.stripTrailingZeros()));
		}

		private Fields withRevenue(BigDecimal revenue) {
			return new Fields(title, contactName, companyName, email, phone, country, source, campaign, revenue, currency,
					priority, tags, salesperson, notes);
		}

		void copyTo(Lead lead) {
			lead.title = title;
			lead.contactName = contactName;
			lead.companyName = companyName;
			lead.email = email;
			lead.phone = phone;
			lead.country = country;
			lead.source = source;
			lead.campaign = campaign;
			lead.expectedRevenue = expectedRevenue;
			lead.currency = currency;
			lead.priority = priority;
			lead.tags = new ArrayList<>(tags);
			lead.salesperson = salesperson;
			lead.notes = notes;
		}
	}
}
