package dev.kervan.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in plain words why Kervan did not start when its data directory is taken.
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
		return new FailureAnalysis(
				"Another Kervan is already running on the data directory " + cause.dataDirectory()
						+ "; its database was left untouched.",
				"Stop the other Kervan first, or start this one with another data directory (./kervan run --data <dir>).",
				cause);
	}
}
