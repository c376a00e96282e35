package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dev.kervan.pipeline.OpportunityStatus;
import org.jspecify.annotations.Nullable;

/** An opportunity as stored. */
public record OpportunityRow(long id, String title, @Nullable Long customer, @Nullable String prospectName,
		@Nullable String email, @Nullable String phone, BigDecimal expectedRevenue, String currency, int probability,
		boolean probabilityManual, int priority, List<String> tags, @Nullable LocalDate expectedClose,
		@Nullable Long salesperson, long team, long stage, long rank, OpportunityStatus status, @Nullable String source,
		@Nullable Long lostReason, @Nullable String lostNote, @Nullable Instant closedAt, @Nullable String notes,
		Instant createdAt, Instant updatedAt, String createdBy, long version) {

	static final String COLUMNS = """
			id, title, customer, prospect_name, email, phone, expected_revenue, currency, probability, probability_manual,
			priority, tags, expected_close, salesperson, team, stage, rank, status, source, lost_reason, lost_note, closed_at,
			notes, created_at, updated_at, created_by, version""";

	static OpportunityRow of(ResultSet rs) throws SQLException {
		return new OpportunityRow(rs.getLong("id"), rs.getString("title"), rs.getObject("customer", Long.class),
				rs.getString("prospect_name"), rs.getString("email"), rs.getString("phone"), rs.getBigDecimal("expected_revenue"),
				rs.getString("currency"), rs.getInt("probability"), rs.getBoolean("probability_manual"), rs.getInt("priority"),
				texts(rs.getArray("tags")), rs.getObject("expected_close", LocalDate.class),
				rs.getObject("salesperson", Long.class), rs.getLong("team"), rs.getLong("stage"), rs.getLong("rank"),
				OpportunityStatus.valueOf(rs.getString("status")), rs.getString("source"), rs.getObject("lost_reason", Long.class),
				rs.getString("lost_note"), instant(rs, "closed_at"), rs.getString("notes"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getString("created_by"), rs.getLong("version"));
	}

	private static List<String> texts(@Nullable Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
		return time == null ? null : time.toInstant();
	}
}
