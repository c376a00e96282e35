package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Versioned;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline's settings: whether leads come before opportunities, and the key the public form signs with. */
@Service
public class PipelineSettings {

	/**
	 * The settings as the API answers them. Open opportunities are segmented by expected value: A from
	 * {@code segmentA} up, B from {@code segmentB}, C below (amounts in the opportunity's own currency).
	 */
	public record Settings(boolean leadsEnabled, BigDecimal segmentA, BigDecimal segmentB, long version) implements Versioned {

		/** The segment of an expected revenue. */
		public String segmentOf(BigDecimal revenue) {
			return revenue.compareTo(segmentA) >= 0 ? "A" : revenue.compareTo(segmentB) >= 0 ? "B" : "C";
		}
	}

	static final String RECORD_TYPE = "pipeline-settings";
	private static final String VERSION = "version";

	private final JdbcClient jdbc;
	private final PipelinePolicy policy;
	private final AuditTrail audit;

	PipelineSettings(JdbcClient jdbc, PipelinePolicy policy, AuditTrail audit) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
	}

	public Settings get() {
		policy.requireSales();
		return current();
	}

	Settings current() {
		var values = new java.util.HashMap<String, String>();
		jdbc.sql("select name, value from pipeline_setting").query(rs -> {
			values.put(rs.getString("name"), rs.getString("value"));
		});
		return new Settings(Boolean.parseBoolean(values.getOrDefault("leads-enabled", "true")),
				new BigDecimal(values.getOrDefault("segment-a", "100000")), new BigDecimal(values.getOrDefault("segment-b", "25000")),
				Long.parseLong(values.getOrDefault(VERSION, "0")));
	}

	boolean leadsEnabled() {
		return jdbc.sql("select value from pipeline_setting where name = 'leads-enabled'").query(String.class).optional()
			.map(Boolean::parseBoolean)
			.orElse(true);
	}

	@Transactional
	public Settings update(ExpectedVersion expected, PipelineSettingsChange change) {
		policy.requireManager();
		// The version row is locked first, so that of two changes at once the second sees the first one's version.
		jdbc.sql("select value from pipeline_setting where name = :name for update").param("name", VERSION).query(String.class)
			.optional();
		Settings current = current();
		expected.verify(RECORD_TYPE, "pipeline", current.version());
		var checks = new Checks();
		Boolean leads = change.leadsEnabled().value();
		if (change.leadsEnabled().isGiven() && leads == null) {
			checks.reject("leadsEnabled", "error.value.required");
		}
		BigDecimal segmentA = checks.required("segmentA", checks.amount("segmentA", change.segmentA()).applyTo(current.segmentA()));
		BigDecimal segmentB = checks.required("segmentB", checks.amount("segmentB", change.segmentB()).applyTo(current.segmentB()));
		if (segmentA != null && segmentB != null && segmentA.compareTo(segmentB) <= 0) {
			checks.reject("segmentA", "error.pipeline.segments-order");
		}
		checks.throwIfInvalid();
		boolean leadsEnabled = leads == null ? current.leadsEnabled() : leads;
		if (leadsEnabled == current.leadsEnabled() && segmentA.compareTo(current.segmentA()) == 0
				&& segmentB.compareTo(current.segmentB()) == 0) {
			return current;
		}
		for (var setting : java.util.Map.of("segment-a", segmentA, "segment-b", segmentB).entrySet()) {
			jdbc.sql("""
					insert into pipeline_setting (name, value) values (:name, :value)
					on conflict (name) do update set value = excluded.value""")
				.param("name", setting.getKey())
				.param("value", setting.getValue().toPlainString())
				.update();
		}
		if (leads != null) {
			jdbc.sql("""
					insert into pipeline_setting (name, value) values ('leads-enabled', :value)
					on conflict (name) do update set value = excluded.value""")
				.param("value", leads.toString())
				.update();
		}
		jdbc.sql("""
				insert into pipeline_setting (name, value) values (:name, :value)
				on conflict (name) do update set value = excluded.value""")
			.param("name", VERSION)
			.param("value", String.valueOf(current.version() + 1))
			.update();
		Settings after = current();
		audit.updated(RECORD_TYPE, "pipeline", snapshot(current), snapshot(after));
		return after;
	}

	private static java.util.Map<String, Object> snapshot(Settings settings) {
		return java.util.Map.of("leadsEnabled", settings.leadsEnabled(), "segmentA", settings.segmentA(), "segmentB",
				settings.segmentB());
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
