package dev.kervan.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kervan.support.Api.Response;
import tools.jackson.databind.JsonNode;

/** Checks an answer is the problem+json the API promises. */
public final class ProblemAssertions {

	private ProblemAssertions() {
	}

	public static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		assertThat(problem.get("detail").asString()).isNotBlank();
		assertThat(problem.get("code").asString()).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception", "\tat ");
	}
}
