package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import dev.kervan.pipeline.LeadStatus;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;

/** A lead as stored. */
public record LeadRow(long id, String title, @Nullable String contactName, @Nullable String companyName,
		@Nullable String email, @Nullable String phone, String country, @Nullable String source, @Nullable String campaign,
		BigDecimal expectedRevenue, String currency, int priority, List<String> tags, @Nullable Long salespersonId,
		long teamId, @Nullable String notes, LeadStatus status, @Nullable String disqualifyReason,
		@Nullable Long opportunityId, @Nullable Long customerId, Instant createdAt, String createdBy, long version)
		implements Versioned {

	static final String COLUMNS = """
			id, title, contact_name, company_name, email, phone, country, source, campaign, expected_revenue, currency, priority,
			tags, salesperson, team, notes, status, disqualify_reason, opportunity, customer, created_at, created_by, version""";

	static LeadRow of(ResultSet rs) throws SQLException {
		Array tags = rs.getArray("tags");
		return new LeadRow(rs.getLong("id"), rs.getString("title"), rs.getString("contact_name"), rs.getString("company_name"),
				rs.getString("email"), rs.getString("phone"), rs.getString("country"), rs.getString("source"),
				rs.getString("campaign"), rs.getBigDecimal("expected_revenue"), rs.getString("currency"), rs.getInt("priority"),
				tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getObject("salesperson", Long.class),
				rs.getLong("team"), rs.getString("notes"), LeadStatus.valueOf(rs.getString("status")),
				rs.getString("disqualify_reason"), rs.getObject("opportunity", Long.class), rs.getObject("customer", Long.class),
				rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("created_by"),
				rs.getLong("version"));
	}
}
