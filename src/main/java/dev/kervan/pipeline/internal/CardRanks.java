package dev.kervan.pipeline.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kervan.platform.InvalidInputException;

/**
 * Where a card sits in its column: a rank, with gaps of {@link #RANK_GAP} between neighbours so that a card
 * dropped between two takes the middle value and rarely renumbers the column. Callers lock the stage first
 * ({@link PipelineStages#lock}), so two drops into one column rank one after the other.
 */
@Component
class CardRanks {

	/** Space left between neighbouring cards, so that a card dropped between two rarely renumbers the stage. */
	static final long RANK_GAP = 1024;

	private final JdbcClient jdbc;

	CardRanks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rank after every card of the stage but the one being moved ({@code 0}: none is). */
	long atEnd(long stage, long moving) {
		return jdbc.sql("select coalesce(max(rank), 0) + :gap from opportunity where stage = :stage and status <> 'LOST' and id <> :moving")
			.param("gap", RANK_GAP)
			.param("stage", stage)
			.param("moving", moving)
			.query(Long.class)
			.single();
	}

	/** The rank that puts a card right before another card of the stage (or at its end); renumbers when no room is left. */
	long before(long stage, long moving, @Nullable Long beforeId) {
		if (beforeId == null) {
			return atEnd(stage, moving);
		}
		var before = jdbc.sql("select rank from opportunity where id = :id and stage = :stage and status <> 'LOST' and id <> :moving")
			.param("id", beforeId)
			.param("stage", stage)
			.param("moving", moving)
			.query(Long.class)
			.optional();
		if (before.isEmpty()) {
			throw InvalidInputException.of("beforeId", "error.pipeline.before-elsewhere");
		}
		for (int attempt = 0; attempt < 2; attempt++) {
			long next = jdbc.sql("select rank from opportunity where id = :id").param("id", beforeId).query(Long.class).single();
			Long previous = jdbc.sql("""
					select max(rank) from opportunity
					where stage = :stage and status <> 'LOST' and id <> :moving and (rank, id) < (:rank, :id)""")
				.param("stage", stage)
				.param("moving", moving)
				.param("rank", next)
				.param("id", beforeId)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (previous == null) {
				return next - RANK_GAP;
			}
			if (next - previous >= 2) {
				return previous + (next - previous) / 2;
			}
			renumber(stage);
		}
		throw new IllegalStateException("No room between cards after renumbering stage " + stage);
	}

	/** Spreads a stage's cards out again, keeping their order. */
	private void renumber(long stage) {
		jdbc.sql("""
				update opportunity o set rank = ordered.position * :gap
				from (select id, row_number() over (order by rank, id) as position from opportunity
				      where stage = :stage and status <> 'LOST') ordered
				where o.id = ordered.id""")
			.param("gap", RANK_GAP)
			.param("stage", stage)
			.update();
	}
}
