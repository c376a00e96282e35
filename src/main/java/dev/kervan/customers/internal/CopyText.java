package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/** Rows in PostgreSQL's COPY CSV format: {@code null} unquoted and empty, every other value quoted. */
final class CopyText {

	private CopyText() {
	}

	static void row(StringBuilder out, @Nullable Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			Object value = values[i];
			if (value == null) {
				continue;
			}
			String text = switch (value) {
				case BigDecimal decimal -> decimal.toPlainString();
				case Instant instant -> instant.toString();
				default -> value.toString();
			};
			out.append('"').append(text.replace("\"", "\"\"")).append('"');
		}
		out.append('\n');
	}

	/** A text array literal, e.g. {@code {"vip","istanbul"}}. */
	static String array(Collection<String> values) {
		var out = new StringBuilder("{");
		for (String value : values) {
			if (out.length() > 1) {
				out.append(',');
			}
			out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return out.append('}').toString();
	}
}
