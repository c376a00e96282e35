package dev.kervan.customers.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An entry of an administrator's list: an account category, a sector or a company-size band. */
@Table("customer_lookup")
public class Lookup implements VersionedRows.Row {

	/** The lists an administrator keeps. */
	public enum Kind {
		CATEGORY, SECTOR, SIZE_BAND
	}

	@Id
	@Nullable Long id;
	Kind kind;
	String name;
	int sortOrder;
	boolean active = true;
	@Version
	@Nullable Long version;

	Lookup(Kind kind, String name, int sortOrder) {
		this.kind = kind;
		this.name = name;
		this.sortOrder = sortOrder;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public Kind kind() {
		return kind;
	}

	public String name() {
		return name;
	}

	public int sortOrder() {
		return sortOrder;
	}

	public boolean active() {
		return active;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	/** The fields the audit trail compares. */
	Map<String, Object> auditSnapshot() {
		return Map.of("name", name, "sortOrder", sortOrder, "active", active);
	}
}
