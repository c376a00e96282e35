package dev.kervan.platform.database;

import java.nio.file.Path;

/**
 * Another Kervan already runs on this data directory.
 */
class DataDirectoryInUseException extends RuntimeException {

	private final Path dataDirectory;

	DataDirectoryInUseException(Path dataDirectory) {
		super("Another Kervan is already using the data directory " + dataDirectory);
		this.dataDirectory = dataDirectory;
	}

	Path dataDirectory() {
		return dataDirectory;
	}
}
