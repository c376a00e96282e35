package dev.kervan.pipeline.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import dev.kervan.identity.CurrentUser;
import dev.kervan.pipeline.OpportunityStatus;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import dev.kervan.platform.TranslatedNames;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The opportunities a user sees, filtered as the list shows them, as XLSX or CSV. */
@Service
public class OpportunityExport {

	private final NamedParameterJdbcTemplate jdbc;
	private final PipelinePolicy policy;
	private final Problems messages;

	OpportunityExport(NamedParameterJdbcTemplate jdbc, PipelinePolicy policy, Problems messages) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public void write(@Nullable Long teamId, @Nullable OpportunityStatus status, boolean mine, @Nullable String tag,
			TableExport.Format format, OutputStream out) throws IOException {
		CurrentUser user = policy.requireSales();
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		params.put("me", user.id());
		if (!policy.seesAll(user)) {
			where.add("(o.team = any(cast(:visibleTeams as bigint[])) or o.salesperson = :me)");
			params.put("visibleTeams", policy.visibleTeams(user).toArray(Long[]::new));
		}
		if (teamId != null) {
			where.add("o.team = :team");
			params.put("team", teamId);
		}
		if (status != null) {
			where.add("o.status = :status");
			params.put("status", status.name());
		}
		if (mine) {
			where.add("o.salesperson = :me");
		}
		if (tag != null && !tag.isBlank()) {
			where.add("o.tags @> array[cast(:tag as text)]");
			params.put("tag", tag.strip());
		}
		String sql = """
				select o.*, %s as stage_name, c.name as customer_name, u.display_name as salesperson_name, %s as team_name
				from opportunity o join pipeline_stage s on s.id = o.stage join sales_team t on t.id = o.team
				left join customer_ref c on c.id = o.customer left join user_ref u on u.id = o.salesperson
				""".formatted(TranslatedNames.shown("s"), TranslatedNames.shown("t")) + (where.isEmpty() ? "" : "where " + String.join(" and ", where)) + " order by o.id desc";
		List<String> headers = List.of("id", "title", "customer", "team", "stage", "status", "expected-revenue", "currency",
				"probability", "priority", "tags", "salesperson", "expected-close", "source")
			.stream().map(field -> messages.message("pipeline.column." + field)).toList();
		TableExport.write(format, out, messages.message("menu.pipeline"), headers, rows -> jdbc.query(sql, params, (ResultSet rs) -> {
			var cells = new ArrayList<Object>();
			cells.add(rs.getLong("id"));
			cells.add(rs.getString("title"));
			cells.add(rs.getString("customer_name") != null ? rs.getString("customer_name") : rs.getString("prospect_name"));
			cells.add(rs.getString("team_name"));
			cells.add(rs.getString("stage_name"));
			cells.add(messages.message("pipeline.status." + rs.getString("status")));
			cells.add(rs.getBigDecimal("expected_revenue"));
			cells.add(rs.getString("currency"));
			cells.add(rs.getInt("probability"));
			cells.add(rs.getInt("priority"));
			cells.add(String.join(", ", (String[]) rs.getArray("tags").getArray()));
			cells.add(rs.getString("salesperson_name"));
			cells.add(rs.getObject("expected_close", java.time.LocalDate.class));
			cells.add(rs.getString("source"));
			rows.add(cells);
		}));
	}
}
