package dev.kervan.activities.internal;

import dev.kervan.platform.SentVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** What came of an activity marked done. */
@Schema(description = "Marks the activity done, with feedback.")
public record Completion(@Schema(maxLength = 4000) @Nullable String feedback, @Nullable SentVersion version) {

	/** Done without a word, as an action sent without a body is. */
	public static final Completion WITHOUT_FEEDBACK = new Completion(null, null);
}
