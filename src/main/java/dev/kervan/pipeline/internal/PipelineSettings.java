package dev.kervan.pipeline.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

import dev.kervan.platform.PatchDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline's settings: whether leads come before opportunities, and the key the public form signs with. */
@Service
public class PipelineSettings {

	/** The settings as the API answers them. */
	public record Settings(boolean leadsEnabled) {
	}

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;

	PipelineSettings(JdbcClient jdbc, PipelinePolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	public Settings get() {
		policy.requireSales();
		return new Settings(leadsEnabled());
	}

	boolean leadsEnabled() {
		return jdbc.sql("select value from pipeline_setting where name = 'leads-enabled'").query(String.class).optional()
			.map(Boolean::parseBoolean)
			.orElse(true);
	}

	@Transactional
	public Settings update(PatchDocument doc) {
		policy.requireManager();
		Boolean leads = doc.has("leadsEnabled") ? doc.bool("leadsEnabled") : null;
		if (doc.has("leadsEnabled") && leads == null) {
			doc.reject("leadsEnabled", "error.value.required");
		}
		doc.throwIfInvalid();
		if (leads != null) {
			jdbc.sql("""
					insert into pipeline_setting (name, value) values ('leads-enabled', :value)
					on conflict (name) do update set value = excluded.value""")
				.param("value", leads.toString())
				.update();
		}
		return new Settings(leadsEnabled());
	}

	/** The secret the public form's tokens are signed with: made once, shared by every instance through the database. */
	@Transactional
	String formSecret() {
		jdbc.sql("insert into pipeline_setting (name, value) values ('form-secret', :value) on conflict do nothing")
			.param("value", HexFormat.of().formatHex(new SecureRandom().generateSeed(32)))
			.update();
		return jdbc.sql("select value from pipeline_setting where name = 'form-secret'").query(String.class).single();
	}
}
