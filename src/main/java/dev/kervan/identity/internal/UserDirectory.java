package dev.kervan.identity.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class UserDirectory implements Users {

	private final UserAccounts users;
	private final JdbcClient jdbc;

	UserDirectory(UserAccounts users, JdbcClient jdbc) {
		this.users = users;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<UserSummary> find(long id) {
		return users.findById(id).map(UserAccount::summary);
	}

	@Override
	public Map<Long, String> names(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var names = new HashMap<Long, String>();
		jdbc.sql("select id, display_name from app_user where id in (:ids)")
			.param("ids", Set.copyOf(ids))
			.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	@Override
	public List<UserSummary> activeWithRole(Role role) {
		return users.findActiveWithRole(role.name())
			.stream()
			.map(UserAccount::summary)
			.sorted(Comparator.comparing(UserSummary::displayName))
			.toList();
	}
}
