package dev.kervan.platform;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Files by their name, for a history that names the document a record points at (an agreement's). */
@Component
class AttachmentNames implements RecordNames {

	static final String KIND = "attachment";

	private final JdbcClient jdbc;

	AttachmentNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Set<String> kinds() {
		return Set.of(KIND);
	}

	@Override
	public Map<String, String> names(String kind, Set<String> ids) {
		String[] uuids = ids.stream().filter(id -> id.matches("[0-9a-fA-F-]{36}")).toArray(String[]::new);
		return jdbc.sql("select id, filename from attachment where id = any(cast(:ids as uuid[]))")
			.param("ids", uuids)
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class).toString(), rs.getString("filename")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
