package dev.kervan.customers.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * What every entry of the settings behind accounts has (a list's entry, a customer class, an extra field): an id, a
 * version, and whether it is offered for accounts. Entries are retired, never deleted, since accounts point at them.
 */
public abstract class SettingRow implements VersionedRows.Row {

	@Id
	@Nullable Long id;
	boolean active = true;
	@Version
	@Nullable Long version;

	@Override
	public long id() {
		return id == null ? 0 : id;
	}

	public boolean active() {
		return active;
	}

	@Override
	public long version() {
		return version == null ? 0 : version;
	}

	/** The fields the audit trail compares. */
	abstract Map<String, Object> auditSnapshot();
}
