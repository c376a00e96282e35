package dev.kervan.customers.internal;

import java.util.Map;

import org.springframework.data.relational.core.mapping.Table;

/** An entry of an administrator's list: an account category, a sector or a company-size band. */
@Table("customer_lookup")
public class Lookup extends SettingRow {

	/** The lists an administrator keeps. */
	public enum Kind {
		CATEGORY, SECTOR, SIZE_BAND
	}

	Kind kind;
	String name;
	int sortOrder;

	Lookup(Kind kind, String name, int sortOrder) {
		this.kind = kind;
		this.name = name;
		this.sortOrder = sortOrder;
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

	@Override
	Map<String, Object> auditSnapshot() {
		return Map.of("name", name, "sortOrder", sortOrder, "active", active);
	}
}
