package dev.kervan.identity.internal;

import java.util.Map;
import java.util.Set;

import dev.kervan.platform.RecordHistory;
import dev.kervan.platform.RecordNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** People by their display names, for the histories that say who did what and name a salesperson. */
@Component
class UserRecordNames implements RecordNames {

	private final JdbcClient jdbc;

	UserRecordNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(RecordHistory.USER);
	}

	@Override
	public Map<String, String> names(String kind, Set<String> ids) {
		return RecordNames.byId(jdbc, "select id, display_name from app_user where id = any(:ids)", ids);
	}
}
