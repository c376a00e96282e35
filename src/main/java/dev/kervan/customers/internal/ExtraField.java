package dev.kervan.customers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.relational.core.mapping.Table;

/** A field an administrator adds to the accounts of one category. */
@Table("customer_field")
public class ExtraField extends SettingRow {

	/** What an extra field holds. */
	public enum Type {
		TEXT, NUMBER, DATE, CHOICE
	}

	long category;
	String code;
	String label;
	Type type;
	boolean required;
	List<String> choices = new ArrayList<>();
	int sortOrder;

	ExtraField(long category, String code, String label, Type type) {
		this.category = category;
		this.code = code;
		this.label = label;
		this.type = type;
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

	/** The category, code and type of a field never change. */
	@Override
	Map<String, Object> auditSnapshot() {
		return Map.of("label", label, "required", required, "choices", String.join(", ", choices), "sortOrder", sortOrder,
				"active", active);
	}
}
