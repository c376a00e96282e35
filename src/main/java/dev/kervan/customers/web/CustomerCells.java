package dev.kervan.customers.web;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;

import dev.kervan.customers.internal.Parts;
import dev.kervan.platform.Formats;
import dev.kervan.platform.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One cell of an account's parts table: the named field of a part's view, formatted for the reader (dates in
 * their calendar, choices in their language). Pages reach it as {@code ${@customerCells}}.
 */
@Component("customerCells")
class CustomerCells {

	private final Formats formats;
	private final Problems messages;

	CustomerCells(Formats formats, Problems messages) {
		this.formats = formats;
		this.messages = messages;
	}

	public String cell(Record view, String column) {
		Object value = null;
		for (RecordComponent component : view.getClass().getRecordComponents()) {
			if (component.getName().equals(column)) {
				try {
					value = component.getAccessor().invoke(view);
				}
				catch (ReflectiveOperationException e) {
					throw new IllegalStateException("Cannot read " + column + " of " + view.getClass(), e);
				}
			}
		}
		return text(value);
	}

	private String text(@Nullable Object value) {
		return switch (value) {
			case null -> "—";
			case LocalDate date -> formats.date(date);
			case Instant instant -> formats.dateTime(instant);
			case Boolean bool -> messages.message(bool ? "form.yes" : "form.no");
			case Parts.Address.Purpose purpose -> messages.message("customer.address.purpose." + purpose.name());
			case Parts.Relation.Type type -> messages.message("customer.relation.type." + type.name());
			case String text when text.isBlank() -> "—";
			default -> value.toString();
		};
	}
}
