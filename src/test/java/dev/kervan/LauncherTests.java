package dev.kervan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The {@code ./kervan} launcher, run as a user runs it.
 */
class LauncherTests {

	@Test
	void findsAJdk21OrNewerEvenWhenJavaHomeNamesAnOlderOne() throws Exception {
		Path older = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
		Result result = kervan(Files.isDirectory(older) ? Map.of("JAVA_HOME", older.toString()) : Map.of(), "jdk");
		assertThat(result.exitCode()).as(result.output()).isZero();
		Path jdk = Path.of(result.output().strip());
		assertThat(jdk.resolve("bin/javac")).isExecutable();
		assertThat(featureVersion(jdk)).isGreaterThanOrEqualTo(21);
	}

	@Test
	void aJavaHomeWithJdk21OrNewerIsUsedAsIs() throws Exception {
		String current = System.getProperty("java.home");
		Result result = kervan(Map.of("JAVA_HOME", current), "jdk");
		assertThat(Path.of(result.output().strip()).toRealPath()).isEqualTo(Path.of(current).toRealPath());
	}

	@Test
	void unknownCommandsAndMissingValuesAreExplained() throws Exception {
		Result unknown = kervan(Map.of(), "launch");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.output()).contains("./kervan run", "./kervan test");
		Result missing = kervan(Map.of(), "run", "--port");
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.output()).contains("--port needs a value");
	}

	private static int featureVersion(Path jdk) throws IOException {
		Matcher matcher = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static Result kervan(Map<String, String> environment, String... arguments) throws Exception {
		var command = new java.util.ArrayList<>(List.of("bash", "./kervan"));
		command.addAll(List.of(arguments));
		var process = new ProcessBuilder(command).redirectErrorStream(true);
		process.environment().remove("JAVA_HOME");
		process.environment().putAll(environment);
		Process running = process.start();
		String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(running.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}
}
