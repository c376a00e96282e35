package dev.kervan.pipeline.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Checks;
import dev.kervan.platform.Money;
import dev.kervan.platform.Versioned;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pipeline's settings: whether leads come before opportunities, and the key the public form signs with. */
@Service
public class PipelineSettings {

	/**
	 * The settings as the API answers them. Open opportunities are segmented by expected value: A from
	 * {@code segmentA} up, B from {@code segmentB}, C below. A currency listed in {@code segmentsByCurrency} has bounds
	 * of its own (a hundred thousand lira is not a hundred thousand rials); any other currency uses the general ones.
	 */
	public record Settings(boolean leadsEnabled, BigDecimal segmentA, BigDecimal segmentB,
			SortedMap<String, CurrencySegments> segmentsByCurrency, long version) implements Versioned {

		/** The bounds that apply to amounts in {@code currency}. */
		public CurrencySegments boundsOf(String currency) {
			return segmentsByCurrency.getOrDefault(currency, new CurrencySegments(segmentA, segmentB));
		}

		/** The segment of an expected revenue in its currency. */
		public String segmentOf(BigDecimal revenue, String currency) {
			CurrencySegments bounds = boundsOf(currency);
			return revenue.compareTo(bounds.segmentA()) >= 0 ? "A" : revenue.compareTo(bounds.segmentB()) >= 0 ? "B" : "C";
		}
	}

	/** A currency's own segment bounds: A from {@code segmentA} up, B from {@code segmentB} up. */
	public record CurrencySegments(BigDecimal segmentA, BigDecimal segmentB) {
	}

	static final String RECORD_TYPE = "pipeline-settings";
	private static final String VERSION = "version";
	/** Rows named {@code segment-a:EUR} hold a currency's own bounds. */
	private static final String CURRENCY_SEPARATOR = ":";

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
		var byCurrency = new TreeMap<String, CurrencySegments>();
		values.forEach((name, value) -> {
			if (name.startsWith("segment-a" + CURRENCY_SEPARATOR)) {
				String currency = name.substring(name.indexOf(CURRENCY_SEPARATOR) + 1);
				String lower = values.get("segment-b" + CURRENCY_SEPARATOR + currency);
				if (lower != null) {
					byCurrency.put(currency, new CurrencySegments(new BigDecimal(value), new BigDecimal(lower)));
				}
			}
		});
		return new Settings(Boolean.parseBoolean(values.getOrDefault("leads-enabled", "true")),
				new BigDecimal(values.getOrDefault("segment-a", "100000")), new BigDecimal(values.getOrDefault("segment-b", "25000")),
				Collections.unmodifiableSortedMap(byCurrency), Long.parseLong(values.getOrDefault(VERSION, "0")));
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
		checkOrder(checks, "segmentA", segmentA, segmentB);
		var byCurrency = new TreeMap<>(current.segmentsByCurrency());
		if (change.segmentsByCurrency().isGiven()) {
			var given = change.segmentsByCurrency().value();
			if (given == null) {
				byCurrency.clear();
			}
			else {
				given.forEach((typed, bounds) -> {
					String field = "segmentsByCurrency." + typed;
					String currency = typed.strip().toUpperCase(Locale.ROOT);
					if (!Money.isCurrency(currency)) {
						checks.reject(field, "error.value.currency", typed);
					}
					else if (bounds == null) {
						byCurrency.remove(currency);
					}
					else {
						BigDecimal upper = checks.required(field + ".segmentA", checks.amount(field + ".segmentA", bounds.segmentA()));
						BigDecimal lower = checks.required(field + ".segmentB", checks.amount(field + ".segmentB", bounds.segmentB()));
						if (checkOrder(checks, field + ".segmentA", upper, lower)) {
							byCurrency.put(currency, new CurrencySegments(upper, lower));
						}
					}
				});
			}
		}
		checks.throwIfInvalid();
		boolean leadsEnabled = leads == null ? current.leadsEnabled() : leads;
		if (leadsEnabled == current.leadsEnabled() && segmentA.compareTo(current.segmentA()) == 0
				&& segmentB.compareTo(current.segmentB()) == 0 && sameBounds(byCurrency, current.segmentsByCurrency())) {
			return current;
		}
		put("segment-a", segmentA.toPlainString());
		put("segment-b", segmentB.toPlainString());
		jdbc.sql("delete from pipeline_setting where name like 'segment-_" + CURRENCY_SEPARATOR + "%'").update();
		byCurrency.forEach((currency, bounds) -> {
			put("segment-a" + CURRENCY_SEPARATOR + currency, bounds.segmentA().toPlainString());
			put("segment-b" + CURRENCY_SEPARATOR + currency, bounds.segmentB().toPlainString());
		});
		if (leads != null) {
			put("leads-enabled", leads.toString());
		}
		put(VERSION, String.valueOf(current.version() + 1));
		Settings after = current();
		audit.updated(RECORD_TYPE, "pipeline", snapshot(current), snapshot(after));
		return after;
	}

	/** Whether segment A starts above segment B; says why not beside {@code field} when it doesn't. */
	private static boolean checkOrder(Checks checks, String field, @Nullable BigDecimal segmentA, @Nullable BigDecimal segmentB) {
		if (segmentA != null && segmentB != null && segmentA.compareTo(segmentB) <= 0) {
			checks.reject(field, "error.pipeline.segments-order");
			return false;
		}
		return segmentA != null && segmentB != null;
	}

	private static boolean sameBounds(Map<String, CurrencySegments> one, Map<String, CurrencySegments> other) {
		return one.keySet().equals(other.keySet()) && one.entrySet().stream().allMatch(entry -> {
			CurrencySegments theirs = other.get(entry.getKey());
			return entry.getValue().segmentA().compareTo(theirs.segmentA()) == 0
					&& entry.getValue().segmentB().compareTo(theirs.segmentB()) == 0;
		});
	}

	private void put(String name, String value) {
		jdbc.sql("""
				insert into pipeline_setting (name, value) values (:name, :value)
				on conflict (name) do update set value = excluded.value""")
			.param("name", name)
			.param("value", value)
			.update();
	}

	private static Map<String, Object> snapshot(Settings settings) {
		var snapshot = new LinkedHashMap<String, Object>();
		snapshot.put("leadsEnabled", settings.leadsEnabled());
		snapshot.put("segmentA", settings.segmentA());
		snapshot.put("segmentB", settings.segmentB());
		settings.segmentsByCurrency().forEach((currency, bounds) -> {
			snapshot.put("segmentA." + currency, bounds.segmentA());
			snapshot.put("segmentB." + currency, bounds.segmentB());
		});
		return snapshot;
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
