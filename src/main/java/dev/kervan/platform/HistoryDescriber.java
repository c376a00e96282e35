package dev.kervan.platform;

import java.util.Map;

/**
 * How one kind of record reads in its history, declared as a bean by the module that owns the record (customers:
 * accounts; pipeline: opportunities and leads; catalog: products and price lists; identity: users), so that
 * {@link RecordHistory} says its changes in words without knowing the module. It names each field's label and how its
 * values read ({@link FieldReading}), and the parts of the record whose fields the trail keeps under the record as
 * {@code part[id].field} (an account's {@code contacts[12].phone}). A field it does not name is labelled by its name
 * made readable and its values read as text.
 */
public interface HistoryDescriber {

	/** The record type the audit trail keeps ({@code customer}); one describer per record type. */
	String recordType();

	/**
	 * The message that says who made the record, {0} being who: {@code history.customer.created} is "{0} created the
	 * account". A message of its own per kind of record, since Turkish and Persian inflect the noun.
	 */
	default String createdMessage() {
		return "history." + recordType() + ".created";
	}

	/** The record's fields in the order a change lists them, each with how it reads. */
	Map<String, FieldReading> fields();

	/** The parts the trail keeps under the record, by the name before the brackets ({@code contacts}). */
	default Map<String, PartReading> parts() {
		return Map.of();
	}
}
