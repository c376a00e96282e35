package dev.kervan.customers.internal;

import java.io.IOException;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.platform.CustomPlans;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts list, with its filters, as a spreadsheet: every account field people keep, the administrators'
 * extra fields as columns of their own. Rows stream from the database, so a million accounts need no more
 * memory than a hundred.
 */
@Service
public class CustomerExport {

	private final NamedParameterJdbcTemplate jdbc;
	private final CustomerPolicy policy;
	private final Problems messages;
	private final ExtraFields extraFields;
	private final CustomerQueries queries;
	private final CustomPlans customPlans;

	CustomerExport(JdbcTemplate jdbc, CustomerPolicy policy, Problems messages, ExtraFields extraFields,
			CustomerQueries queries, CustomPlans customPlans) {
		var streaming = new JdbcTemplate(jdbc.getDataSource());
		streaming.setFetchSize(1000);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
		this.policy = policy;
		this.messages = messages;
		this.extraFields = extraFields;
		this.queries = queries;
		this.customPlans = customPlans;
	}

	@Transactional(readOnly = true)
	public void write(CustomerQueries.Filter filter, TableExport.Format format, HttpServletResponse response)
			throws IOException {
		policy.requireReader();
		var codes = new LinkedHashMap<String, String>();
		extraFields.findAll().stream().filter(ExtraField::active).forEach(f -> codes.putIfAbsent(f.code(), f.label()));
		List<String> headers = new ArrayList<>(List.of("id", "kind", "name", "roles", "status", "country", "taxOffice",
				"taxNumber", "email", "phone", "website", "category", "sector", "sizeBand", "class", "tags", "salesperson",
				"paymentTermDays", "creditLimit", "riskLimit", "currency", "language", "externalRef", "createdAt"))
			.stream()
			.map(field -> messages.message("customer.field." + field))
			.toList();
		var allHeaders = new ArrayList<>(headers);
		allHeaders.addAll(codes.values());

		TableExport.startDownload(response, format, "customers");
		customPlans.forThisTransaction();
		var params = new HashMap<String, Object>();
		var where = new ArrayList<String>();
		where.add("c.archived_at is null");
		queries.whereOf(filter, where, params);
		String sql = """
				select c.*, cat.name as category_name, sec.name as sector_name, band.name as size_band_name,
				       cls.name as class_name
				from customer c
				left join customer_lookup cat on cat.id = c.category
				left join customer_lookup sec on sec.id = c.sector
				left join customer_lookup band on band.id = c.size_band
				left join customer_class cls on cls.id = c.customer_class
				where\s""" + String.join(" and ", where) + " order by c.sort_name, c.id";
		Map<Long, String> salespeople = new HashMap<>();
		TableExport.write(format, response.getOutputStream(), messages.message("menu.customers"), allHeaders,
				rows -> jdbc.query(sql, params, (ResultSet rs) -> {
					var cells = new ArrayList<Object>();
					cells.add(rs.getLong("id"));
					cells.add(messages.message("customer.kind." + rs.getString("kind")));
					cells.add(rs.getString("name"));
					cells.add(roles(rs));
					cells.add(messages.message("customer.status." + rs.getString("status")));
					cells.add(rs.getString("country"));
					cells.add(rs.getString("tax_office"));
					cells.add(rs.getString("tax_number"));
					cells.add(rs.getString("email"));
					cells.add(PhoneNumbers.display(rs.getString("phone")));
					cells.add(rs.getString("website"));
					cells.add(rs.getString("category_name"));
					cells.add(rs.getString("sector_name"));
					cells.add(rs.getString("size_band_name"));
					cells.add(rs.getString("class_name"));
					cells.add(String.join(", ", (String[]) rs.getArray("tags").getArray()));
					cells.add(rs.getObject("salesperson") == null ? null
							: salespeople.computeIfAbsent(rs.getLong("salesperson"), this::userName));
					cells.add(rs.getObject("payment_term_days"));
					cells.add(Decimals.plain(rs.getBigDecimal("credit_limit"), 2));
					cells.add(Decimals.plain(rs.getBigDecimal("risk_limit"), 2));
					cells.add(rs.getString("currency"));
					cells.add(rs.getString("language"));
					cells.add(rs.getString("external_ref"));
					cells.add(rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
					Map<String, String> extra = CustomerEditor.read(rs.getString("extra_fields"));
					codes.keySet().forEach(code -> cells.add(extra.get(code)));
					rows.add(cells);
				}));
	}

	private String roles(ResultSet rs) throws java.sql.SQLException {
		var roles = new ArrayList<String>();
		if (rs.getBoolean("is_customer")) {
			roles.add(messages.message("customer.role.CUSTOMER"));
		}
		if (rs.getBoolean("is_supplier")) {
			roles.add(messages.message("customer.role.SUPPLIER"));
		}
		return String.join(", ", roles);
	}

	private String userName(long id) {
		return jdbc.getJdbcTemplate()
			.query("select display_name from user_ref where id = ?", (rs, n) -> rs.getString(1), id)
			.stream()
			.findFirst()
			.orElse("");
	}
}
