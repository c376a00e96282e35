package dev.kervan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.kervan.support.Api.Response;
import tools.jackson.databind.JsonNode;

/** Asking a picker source (/pick/…) for matches as a page's script does, and reading what it answered. */
public final class PickerAnswers {

	private PickerAnswers() {
	}

	/** The matches a source answers {@code reader}, which must be a JSON answer of 200. */
	public static JsonNode pick(Browserless reader, String path) {
		Response answer = reader.getJson(path);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.contentType()).startsWith("application/json");
		return answer.json();
	}

	/** The ids of the matches, best first. */
	public static List<Long> ids(JsonNode answer) {
		var ids = new ArrayList<Long>();
		answer.get("matches").forEach(match -> ids.add(match.get("id").asLong()));
		return ids;
	}

	/** Text as a query parameter's value. */
	public static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}
}
