package dev.kervan.pipeline.internal;

import dev.kervan.platform.SentVersion;
import org.jspecify.annotations.Nullable;

/**
 * How a lead becomes an opportunity: for an existing account ({@code customerId}), or for one opened from the
 * lead, with its tax number when known.
 */
public record ConvertLead(@Nullable Long customerId, @Nullable String taxNumber,
		@Nullable SentVersion version) {

	/** Converting with nothing chosen: a new account from the lead. */
	public static ConvertLead intoNewAccount() {
		return new ConvertLead(null, null, null);
	}
}
