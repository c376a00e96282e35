package dev.kervan.platform;

import java.nio.file.Path;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by all modules, bound from {@code kervan.*}.
 *
 * @param dataDir where the embedded database, attachments and the initial admin password live
 * @param demo whether modules load their demonstration data at start
 * @param attachments limits and storage of uploaded files
 * @param timeZone the zone times are shown in, e.g. {@code Europe/Istanbul}; the machine's zone when unset
 * ({@code KERVAN_TIME_ZONE} sets it)
 * @param databaseMemory the embedded database's cache (PostgreSQL's {@code shared_buffers}); unset means a
 * quarter of the machine's memory, between 128 MB and 2 GB
 */
@ConfigurationProperties("kervan")
public record KervanProperties(
		@DefaultValue("./data") Path dataDir,
		@DefaultValue("false") boolean demo,
		@DefaultValue Attachments attachments,
		@Nullable ZoneId timeZone,
		@Nullable DataSize databaseMemory) {

	/** The zone times are shown in. */
	public ZoneId displayZone() {
		return timeZone == null ? ZoneId.systemDefault() : timeZone;
	}

	/**
	 * @param maxSize the largest file accepted
	 * @param storage {@code disk} (under the data directory) or {@code database}; unset means disk with the
	 * embedded database and database with an external one, so that several instances see the same files
	 */
	public record Attachments(@DefaultValue("20MB") DataSize maxSize, @Nullable String storage) {
	}

	public Path absoluteDataDir() {
		return dataDir.toAbsolutePath().normalize();
	}
}
