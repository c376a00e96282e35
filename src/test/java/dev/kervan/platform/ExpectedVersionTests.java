package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExpectedVersionTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aChangeWithoutAVersionIsRefusedWith428WhenChecked() {
		ExpectedVersion none = ExpectedVersion.required(null, body("{\"name\":\"x\"}"));
		assertThatThrownBy(() -> none.verify("thing", 1, 0)).isInstanceOfSatisfying(DomainException.class, refusal -> {
			assertThat(refusal.kind()).isEqualTo(ErrorKind.PRECONDITION_REQUIRED);
			assertThat(refusal.messageCode()).isEqualTo("error.version.required");
		});
		assertThatThrownBy(() -> ExpectedVersion.fromForm(null).verify("thing", 1, 0)).isInstanceOfSatisfying(DomainException.class,
				refusal -> assertThat(refusal.messageCode()).isEqualTo("error.version.missing-on-form"));
	}

	@Test
	void aStaleVersionIsA412FromIfMatchAndA409FromTheBody() {
		assertThatThrownBy(() -> ExpectedVersion.required("\"2\"", null).verify("thing", 1, 3))
			.isInstanceOfSatisfying(VersionConflictException.class, conflict -> {
				assertThat(conflict.kind()).isEqualTo(ErrorKind.PRECONDITION_FAILED);
				assertThat(conflict.currentVersion()).isEqualTo(3);
			});
		assertThatThrownBy(() -> ExpectedVersion.required(null, body("{\"version\":2}")).verify("thing", 1, 3))
			.isInstanceOfSatisfying(VersionConflictException.class, conflict -> assertThat(conflict.kind()).isEqualTo(ErrorKind.CONFLICT));
	}

	@Test
	void ifMatchWinsAndAStarMatchesAnyVersion() {
		assertThatCode(() -> ExpectedVersion.required("\"3\"", body("{\"version\":1}")).verify("thing", 1, 3)).doesNotThrowAnyException();
		assertThatCode(() -> ExpectedVersion.required("W/\"3\"", null).verify("thing", 1, 3)).doesNotThrowAnyException();
		assertThatCode(() -> ExpectedVersion.required("*", null).verify("thing", 1, 41)).doesNotThrowAnyException();
		assertThatCode(() -> ExpectedVersion.required(null, body("{\"version\":\" 3 \"}")).verify("thing", 1, 3))
			.doesNotThrowAnyException();
		assertThatCode(() -> ExpectedVersion.optional(null, null).verify("thing", 1, 41)).doesNotThrowAnyException();
	}

	@Test
	void aVersionThatIsNotAWholeNumberOfZeroOrMoreIsRefusedNamingIt() {
		for (String version : List.of("\"x\"", "true", "1.5", "1e2", "-1", "\"-1\"", "\"1.0\"", "99999999999999999999", "{}", "[1]")) {
			assertThatThrownBy(() -> ExpectedVersion.required("\"1\"", body("{\"version\":" + version + "}")))
				.as(version)
				.isInstanceOfSatisfying(InvalidInputException.class,
						invalid -> assertThat(invalid.violations().getFirst().field()).isEqualTo("version"));
		}
		for (String ifMatch : List.of("\"x\"", "\"-1\"", "\"99999999999999999999\"", "\"1\", \"2\"", "W/")) {
			assertThatThrownBy(() -> ExpectedVersion.optional(ifMatch, null)).as(ifMatch)
				.isInstanceOfSatisfying(InvalidInputException.class,
						invalid -> assertThat(invalid.violations().getFirst().field()).isEqualTo("If-Match"));
		}
		assertThatThrownBy(() -> ExpectedVersion.fromForm(-1L)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void theETagOfAVersionIsItsNumberInQuotes() {
		assertThat(ExpectedVersion.etag(7)).isEqualTo("\"7\"");
	}

	private static JsonNode body(String json) {
		return JSON.readTree(json);
	}
}
