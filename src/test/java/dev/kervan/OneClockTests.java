package dev.kervan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Main code reads the time from the one {@link Clock} bean (platform's {@code PlatformConfiguration}), which runs in
 * the configured zone, so that tests can set it and "today" is the company's today. {@code System.nanoTime()} stays
 * allowed: it measures durations and tells no time of day. SQL may stamp writes with the database's {@code now()},
 * but never asks the database for a date: its session's zone is not the company's.
 */
class OneClockTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.kervan");

	/** The only class that may ask for the system's clock: the one that makes the Clock bean. */
	private static final String CLOCK_BEAN = "dev.kervan.platform.PlatformConfiguration";

	private static final Set<String> CLOCK_FACTORIES = Set.of("systemUTC", "systemDefaultZone", "system", "tickMillis",
			"tickSeconds", "tickMinutes");

	private static final DescribedPredicate<JavaCall<?>> READS_THE_SYSTEM_CLOCK = DescribedPredicate.describe(
			"reads the system's clock (now() without a Clock, currentTimeMillis(), new Date(), Calendar.getInstance())",
			OneClockTests::readsTheSystemClock);

	private static final DescribedPredicate<JavaCall<?>> MAKES_A_SYSTEM_CLOCK = DescribedPredicate.describe(
			"makes a clock of the system's own (Clock.systemUTC(), Clock.system(zone)…)",
			call -> call.getTargetOwner().isEquivalentTo(Clock.class) && CLOCK_FACTORIES.contains(call.getName())
					&& call.getTarget().getRawParameterTypes().stream().noneMatch(type -> type.isEquivalentTo(Clock.class)));

	/** SQL that asks the database for today or the time of day, in its own zone. */
	private static final Pattern DATABASE_DATE = Pattern.compile(
			"\\b(?:(?i:current_date|current_time)|localtime|localtimestamp|LOCALTIME|LOCALTIMESTAMP)\\b");

	@Test
	void mainCodeReadsTheTimeOnlyFromTheClockBean() {
		noClasses().should().callCodeUnitWhere(READS_THE_SYSTEM_CLOCK)
			.because("the time comes from the Clock bean: LocalDate.now(clock), clock.instant()")
			.check(MAIN);
	}

	@Test
	void onlyTheClockBeanMakesAClockOfTheSystem() {
		noClasses().that().doNotHaveFullyQualifiedName(CLOCK_BEAN)
			.should().callCodeUnitWhere(MAKES_A_SYSTEM_CLOCK)
			.because("every other class is given the Clock bean")
			.check(MAIN);
	}

	@Test
	void sqlInMainCodeNeverAsksTheDatabaseForTheDate() throws IOException {
		List<String> offenders;
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			offenders = files.filter(file -> file.toString().endsWith(".java")).flatMap(OneClockTests::databaseDates).toList();
		}
		assertThat(offenders).as("pass :today from LocalDate.now(clock) instead").isEmpty();
	}

	private static boolean readsTheSystemClock(JavaCall<?> call) {
		String owner = call.getTargetOwner().getName();
		String name = call.getName();
		List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(type -> type.getName()).toList();
		boolean javaTime = owner.startsWith("java.time.") && !owner.equals(Clock.class.getName());
		return (javaTime && (name.equals("now") || name.equals("dateNow")) && !parameters.equals(List.of(Clock.class.getName())))
				|| (owner.equals("java.lang.System") && name.equals("currentTimeMillis"))
				|| (owner.equals("java.util.Date") && name.equals("<init>") && parameters.isEmpty())
				|| (owner.equals("java.util.GregorianCalendar") && name.equals("<init>") && parameters.isEmpty())
				|| (owner.equals("java.util.Calendar") && name.equals("getInstance"));
	}

	private static Stream<String> databaseDates(Path file) {
		try {
			List<String> lines = Files.readAllLines(file);
			return java.util.stream.IntStream.range(0, lines.size())
				.filter(n -> DATABASE_DATE.matcher(lines.get(n)).find())
				.mapToObj(n -> file + ":" + (n + 1) + ": " + lines.get(n).strip());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
