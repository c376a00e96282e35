package dev.kervan.pipeline.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How a lead becomes an opportunity: for an existing account ({@code customerId}), or for one opened from the
 * lead, with its tax number when known.
 */
public record ConvertLead(@Nullable Long customerId, @Nullable String taxNumber,
		@Schema(type = "integer", description = "The version the action is based on, unless sent as If-Match")
		@Nullable JsonNode version) {

	/** Converting with nothing chosen: a new account from the lead. */
	public static ConvertLead intoNewAccount() {
		return new ConvertLead(null, null, null);
	}
}
