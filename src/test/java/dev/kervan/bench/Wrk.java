package dev.kervan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The load driver for cases that measure throughput: wrk, when the machine has it. It is written in C and
 * needs a fraction of the CPU a Java client needs, and the client shares the machine's two cores with Kervan.
 * Without wrk, the Java driver ({@link Load}) measures, and the note says so.
 */
final class Wrk {

	private static final Pattern RESULT = Pattern.compile(
			"kervan-bench requests=(\\d+) errors=(\\d+) seconds=([\\d.]+) p50=([\\d.]+) p95=([\\d.]+) p99=([\\d.]+)");

	private Wrk() {
	}

	static boolean available() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			if (Files.isExecutable(Path.of(dir, "wrk"))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * GETs the paths one after the other (each wrk thread from its own start) for some seconds after a warm-up,
	 * sending one header (a bearer token or a session cookie); answers the statistics, or null when wrk failed.
	 */
	static @Nullable Stats get(String name, String base, List<String> paths, String header, String headerValue, int clients,
			int warmupSeconds, int seconds) throws IOException, InterruptedException {
		return measure(name, base, "GET", paths, null, header, headerValue, clients, warmupSeconds, seconds);
	}

	/**
	 * POSTs JSON bodies to the paths, the body of the same index with each, the same way; answers the statistics, or
	 * null when wrk failed. Answers other than 2xx and 3xx count as errors and the note says how many.
	 */
	static @Nullable Stats post(String name, String base, List<String> paths, List<String> bodies, String header,
			String headerValue, int clients, int warmupSeconds, int seconds) throws IOException, InterruptedException {
		return measure(name, base, "POST", paths, bodies, header, headerValue, clients, warmupSeconds, seconds);
	}

	private static @Nullable Stats measure(String name, String base, String method, List<String> paths,
			@Nullable List<String> bodies, String header, String headerValue, int clients, int warmupSeconds, int seconds)
			throws IOException, InterruptedException {
		var table = new StringBuilder("local paths = {\n");
		for (String path : paths) {
			table.append("  \"").append(luaEscape(path)).append("\",\n");
		}
		table.append("}\n");
		table.append("local bodies = {\n");
		if (bodies != null) {
			for (String body : bodies) {
				table.append("  \"").append(luaEscape(body)).append("\",\n");
			}
		}
		table.append("}\n");
		String headers = bodies == null ? "{[\"%s\"] = \"%s\"}".formatted(luaEscape(header), luaEscape(headerValue))
				: "{[\"%s\"] = \"%s\", [\"Content-Type\"] = \"application/json\"}".formatted(luaEscape(header), luaEscape(headerValue));
		Path script = Files.createTempFile("kervan-wrk", ".lua");
		Files.writeString(script, table + """
				local counter = 0
				setup = function(thread)
				  thread:set("start", math.random(1, #paths))
				end
				request = function()
				  counter = counter + 1
				  local index = ((start or 1) + counter) %% #paths + 1
				  return wrk.format("%s", paths[index], %s, bodies[index])
				end
				done = function(summary, latency, requests)
				  io.write(string.format("kervan-bench requests=%%d errors=%%d seconds=%%.3f p50=%%.3f p95=%%.3f p99=%%.3f\\n",
				    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read
				      + summary.errors.write + summary.errors.timeout, summary.duration / 1e6,
				    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
				end
				""".formatted(method, headers), StandardCharsets.UTF_8);
		try {
			run(base, script, clients, warmupSeconds);
			String output = run(base, script, clients, seconds);
			var result = RESULT.matcher(output);
			if (!result.find()) {
				return null;
			}
			int requests = Integer.parseInt(result.group(1));
			int errors = Integer.parseInt(result.group(2));
			double elapsed = Double.parseDouble(result.group(3));
			return new Stats(name, requests, Double.parseDouble(result.group(4)), Double.parseDouble(result.group(5)),
					Double.parseDouble(result.group(6)), requests / elapsed, null,
					String.format(Locale.ROOT, "wrk, %d s%s", seconds, errors == 0 ? "" : ", " + errors + " errors"));
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	private static String luaEscape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String run(String base, Path script, int clients, int seconds) throws IOException, InterruptedException {
		Process wrk = new ProcessBuilder("wrk", "-t" + Math.min(2, clients), "-c" + clients, "-d" + seconds + "s", "-s", script.toString(), base)
			.redirectErrorStream(true)
			.start();
		String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
			wrk.destroyForcibly();
		}
		return output;
	}
}
