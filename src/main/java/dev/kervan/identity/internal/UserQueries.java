package dev.kervan.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.Cursor;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Picker;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The users list: search, filters, sorting and keyset paging, shared by the admin pages, the export and the
 * API.
 */
@Service
public class UserQueries {

	/** A row of the users list. */
	public record UserRow(long id, String username, String displayName, @Nullable String email, String language,
			boolean active, Set<Role> roles, Instant createdAt, long version) {
	}

	/**
	 * What to list: {@code q} searches name, user name and email; {@code status} is {@code active},
	 * {@code inactive} or empty for all.
	 */
	/**
	 * @param withLeads whether the role's leads count as holding it ({@link Role#heldBy}): a picker of salespeople
	 * offers the sales managers too; the user list shows exactly who holds a role
	 */
	public record Filter(@Nullable String q, @Nullable Role role, @Nullable String status, boolean withLeads) {

		public Filter(@Nullable String q, @Nullable Role role, @Nullable String status) {
			this(q, role, status, false);
		}

	}

	public enum Sort {
		USERNAME("u.username", false), NAME("u.display_name", false), NEWEST("u.created_at", true);

		final String column;
		final boolean descending;

		Sort(String column, boolean descending) {
			this.column = column;
			this.descending = descending;
		}

		public static Sort of(@Nullable String name) {
			if (name == null || name.isBlank()) {
				return USERNAME;
			}
			try {
				return valueOf(name.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInputException.of("sort", "error.sort.unknown", name);
			}
		}
	}

	private final JdbcClient jdbc;
	private final CurrentUsers users;

	UserQueries(JdbcClient jdbc, CurrentUsers users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/**
	 * The active users a picker offers (platform.Picker) for what was typed (name, user name, e-mail), by name,
	 * holding a role when one is asked (the salespeople): any member of staff may pick a colleague, as the forms'
	 * drop-downs of salespeople and assignees already show them.
	 */
	public List<Picker.Match> picks(@Nullable String q, @Nullable Role role) {
		users.get().requireStaff(CurrentUser.FORBIDDEN);
		return page(new Filter(Picker.typed(q), role, "active", true), Sort.NAME, null, PageLimit.of(Picker.LIMIT))
			.items()
			.stream()
			.map(user -> new Picker.Match(user.id(), user.displayName(), user.username()))
			.toList();
	}

	public KeysetPage<UserRow> page(Filter filter, Sort sort, @Nullable String cursor, PageLimit limit) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		filter(filter, where, params);
		Cursor after = Cursor.decode(cursor, 2);
		if (after != null) {
			String comparison = sort.descending ? "<" : ">";
			where.add("(" + sort.column + ", u.id) " + comparison + " (:afterKey, :afterId)");
			params.put("afterKey", sort == Sort.NEWEST ? parseInstant(after.text(0)) : after.text(0));
			params.put("afterId", after.number(1));
		}
		String direction = sort.descending ? " desc" : "";
		String sql = select() + whereClause(where) + " order by " + sort.column + direction + ", u.id" + direction
				+ " limit :limit";
		params.put("limit", limit.probe());
		List<UserRow> rows = query(sql, params);
		return KeysetPage.of(rows, limit, row -> Cursor.encode(sortKey(row, sort), row.id()));
	}

	/** Every user matching the filter, for exports. */
	public void forEach(Filter filter, Sort sort, Consumer<UserRow> action) {
		var where = new ArrayList<String>();
		var params = new HashMap<String, Object>();
		filter(filter, where, params);
		String direction = sort.descending ? " desc" : "";
		query(select() + whereClause(where) + " order by " + sort.column + direction + ", u.id" + direction, params)
			.forEach(action);
	}

	private static void filter(Filter filter, List<String> where, Map<String, Object> params) {
		String q = SearchText.fold(filter.q());
		if (!q.isEmpty()) {
			where.add("u.search_text like :q escape '\\'");
			params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.role() != null) {
			where.add("exists (select 1 from user_role r where r.app_user = u.id and r.role = any(cast(:roles as text[])))");
			var roles = filter.withLeads() ? filter.role().heldBy() : Set.of(filter.role());
			params.put("roles", roles.stream().map(Role::name).toArray(String[]::new));
		}
		String status = filter.status() == null ? "" : filter.status().strip().toLowerCase(Locale.ROOT);
		switch (status) {
			case "", "all" -> {
			}
			case "active" -> where.add("u.active");
			case "inactive" -> where.add("not u.active");
			default -> throw InvalidInputException.of("status", "error.value.invalid", filter.status());
		}
	}

	private List<UserRow> query(String sql, Map<String, Object> params) {
		return jdbc.sql(sql)
			.params(params)
			.query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
					rs.getString("email"), rs.getString("language"), rs.getBoolean("active"),
					roles((String[]) rs.getArray("roles").getArray()),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version")))
			.list();
	}

	private static String select() {
		return """
				select u.id, u.username, u.display_name, u.email, u.language, u.active, u.created_at, u.version,
				       array(select r.role from user_role r where r.app_user = u.id order by r.role) as roles
				from app_user u""";
	}

	private static String whereClause(List<String> where) {
		return where.isEmpty() ? "" : " where " + String.join(" and ", where);
	}

	private static String sortKey(UserRow row, Sort sort) {
		return switch (sort) {
			case USERNAME -> row.username();
			case NAME -> row.displayName();
			case NEWEST -> row.createdAt().toString();
		};
	}

	private static OffsetDateTime parseInstant(String text) {
		try {
			return OffsetDateTime.ofInstant(Instant.parse(text), java.time.ZoneOffset.UTC);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw InvalidInputException.of("cursor", "error.cursor.invalid");
		}
	}

	private static Set<Role> roles(String[] names) {
		var roles = EnumSet.noneOf(Role.class);
		for (String name : names) {
			roles.add(Role.valueOf(name));
		}
		return roles;
	}
}
