package dev.kervan.bench;

import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One case's result: latency percentiles, throughput, and, where the case has a plain-SQL equivalent, that
 * equivalent's throughput and the ratio of the two.
 */
record Stats(String name, int requests, double p50, double p95, double p99, double throughput,
		@Nullable Double baseline, @Nullable String note) {

	static Stats of(String name, long[] nanos, double seconds, @Nullable Double baseline, @Nullable String note) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Stats(name, sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				sorted.length / seconds, baseline, note);
	}

	@Nullable Double ratio() {
		return baseline == null || baseline == 0 ? null : throughput / baseline;
	}

	String json() {
		return String.format(Locale.ROOT,
				"{\"name\": \"%s\", \"requests\": %d, \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"p99_ms\": %.2f, "
						+ "\"throughput_per_s\": %.1f, \"baseline_per_s\": %s, \"ratio\": %s%s}",
				name.replace("\"", "'"), requests, p50, p95, p99, throughput,
				baseline == null ? "null" : String.format(Locale.ROOT, "%.1f", baseline),
				ratio() == null ? "null" : String.format(Locale.ROOT, "%.3f", ratio()),
				note == null ? "" : ", \"note\": \"" + note.replace("\"", "'") + "\"");
	}

	String row() {
		return String.format(Locale.ROOT, "%-44s %8d %9.2f %9.2f %9.2f %11.1f %11s %7s  %s", name, requests, p50, p95, p99,
				throughput, baseline == null ? "-" : String.format(Locale.ROOT, "%.1f", baseline),
				ratio() == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio()), note == null ? "" : note);
	}

	static String header() {
		return String.format(Locale.ROOT, "%-44s %8s %9s %9s %9s %11s %11s %7s  %s", "case", "requests", "p50 ms", "p95 ms",
				"p99 ms", "per second", "baseline/s", "ratio", "note");
	}

	private static double percentile(long[] sorted, int percent) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
	}
}
