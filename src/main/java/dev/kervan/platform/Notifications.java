package dev.kervan.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notices for one person inside the app ("Ayşe handed you a call"). A notice is stored as a message key and its
 * arguments, so that each reader sees it in their own language.
 */
@Service
public class Notifications {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A notice as its recipient reads it. */
	public record Notice(long id, String text, @Nullable String link, Instant createdAt, boolean read) {
	}

	private final JdbcClient jdbc;
	private final MessageSource messages;

	Notifications(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/** Leaves a notice, in the transaction of the change it tells of. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void notify(long recipient, String messageCode, @Nullable String link, Object... arguments) {
		jdbc.sql("insert into app_notification (recipient, message, arguments, link) values (:recipient, :message, :arguments, :link)")
			.param("recipient", recipient)
			.param("message", messageCode)
			.param("arguments", JSON.writeValueAsString(List.of(arguments).stream().map(String::valueOf).toList()))
			.param("link", link)
			.update();
	}

	/** The newest notices of a person, unread ones first. */
	public List<Notice> latest(long recipient, int limit) {
		return jdbc.sql("""
				select id, message, arguments, link, created_at, read_at from app_notification where recipient = :recipient
				order by read_at is null desc, id desc limit :limit""")
			.param("recipient", recipient)
			.param("limit", limit)
			.query((rs, n) -> {
				Object[] arguments = JSON.readValue(rs.getString("arguments"), String[].class);
				String text = messages.getMessage(rs.getString("message"), arguments, rs.getString("message"),
						LocaleContextHolder.getLocale());
				return new Notice(rs.getLong("id"), text, rs.getString("link"),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("read_at") != null);
			})
			.list();
	}

	/** Marks a person's notices read; others' notices are left alone. */
	public void markRead(long recipient) {
		jdbc.sql("update app_notification set read_at = now() where recipient = :recipient and read_at is null")
			.param("recipient", recipient)
			.update();
	}
}
