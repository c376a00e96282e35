package dev.kervan.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A field an administrator adds to the accounts of one category. */
@Table("customer_field")
public class ExtraField implements VersionedRows.Row {

	/** What an extra field holds. */
	public enum Type {
		TEXT, NUMBER, DATE, CHOICE
	}

	@Id
	@Nullable Long id;
	long category;
	String code;
	String label;
	Type type;
	boolean required;
	List<String> choices = new ArrayList<>();
	int sortOrder;
	boolean active = true;
	@Version
	@Nullable Long version;

	ExtraField(long category, String code, String label, Type type) {
		this.category = category;
		this.code = code;
		this.label = label;
		this.type = type;
	}

	public long id() {
		return id == null ? 0 : id;
	}

	public long category() {
		return category;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public Type type() {
		return type;
	}

	public boolean required() {
		return required;
	}

	public List<String> choices() {
		return List.copyOf(choices);
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

	/** The fields the audit trail compares; the category, code and type never change. */
	Map<String, Object> auditSnapshot() {
		return Map.of("label", label, "required", required, "choices", String.join(", ", choices), "sortOrder", sortOrder,
				"active", active);
	}
}
