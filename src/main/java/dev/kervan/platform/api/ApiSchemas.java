package dev.kervan.platform.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JavaType;
import dev.kervan.platform.Patch;
import dev.kervan.platform.SentVersion;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The schemas of the records the API reads and answers, as the JSON really is:
 * <ul>
 * <li>a {@link BigDecimal} is a string with the format {@code decimal} ({@code "12.50"}), as
 * {@link JsonConfiguration} writes it; requests may send it as a string (or a number);</li>
 * <li>a record component is required unless it is {@link Nullable} or a {@link Patch}, which may be {@code null}
 * (or, in a request, left out: "absent" keeps a value as it is, {@code null} clears it);</li>
 * <li>a {@code version} is a whole number from 0; a request's {@link SentVersion} (for
 * {@link dev.kervan.platform.ExpectedVersion}) is the version the request is based on, and may be left out or
 * {@code null};</li>
 * <li>a {@code JsonNode} is just an object: an operation that still reads one has no typed schema, which
 * {@code ApiDocumentIntegrationTests} refuses;</li>
 * <li>two types may not share a schema name (springdoc names schemas by their simple class name and would let
 * the second hide the first): name one with {@code @Schema(name = …)}.</li>
 * </ul>
 */
class ApiSchemas implements ModelConverter {

	private static final String SCHEMAS = "#/components/schemas/";
	private static final String VERSION = "version";
	private static final String BASED_ON = "The version this is based on, unless sent as If-Match.";

	/** Which type each schema name was given to; a name given to two types is refused. */
	private final Map<String, String> namedTypes = new ConcurrentHashMap<>();

	@Override
	public boolean isOpenapi31() {
		return true;
	}

	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		JavaType javaType = Json.mapper().constructType(type.getType());
		Class<?> raw = javaType.getRawClass();
		if (raw == BigDecimal.class) {
			return decimal();
		}
		if (raw == SentVersion.class) {
			return version(BASED_ON);
		}
		if (isJsonNode(raw)) {
			return oneOf(type, context).orElseGet(() -> ofType("object"));
		}
		if (!chain.hasNext()) {
			return null;
		}
		Schema resolved = chain.next().resolve(type, context, chain);
		Schema model = model(resolved, context);
		if (model != null && model.getName() != null && model.getProperties() != null) {
			claimName(model.getName(), javaType);
			if (raw.isRecord()) {
				markRequiredAndNullable(model, raw);
			}
		}
		return resolved;
	}

	/**
	 * The schema of a {@code JsonNode} a parameter says is one of several records ({@code @Schema(oneOf = …)}), such
	 * as an account's part, whose kind the path names.
	 */
	private static Optional<Schema> oneOf(AnnotatedType type, ModelConverterContext context) {
		for (Annotation annotation : type.getCtxAnnotations() == null ? new Annotation[0] : type.getCtxAnnotations()) {
			if (annotation instanceof io.swagger.v3.oas.annotations.media.Schema declared && declared.oneOf().length > 0) {
				var schema = new JsonSchema();
				for (Class<?> alternative : declared.oneOf()) {
					schema.addOneOfItem(context.resolve(new AnnotatedType(alternative).resolveAsRef(true)));
				}
				return Optional.of(schema);
			}
		}
		return Optional.empty();
	}

	/** A schema of one JSON type, to which {@code null} may still be added. */
	static Schema<Object> ofType(String type) {
		return new JsonSchema().types(new LinkedHashSet<>(List.of(type)));
	}

	static Schema decimal() {
		return ofType("string")
			.format("decimal")
			.description("A decimal number as a string, such as \"12.50\" (without exponent).")
			.example("12.50");
	}

	private static @Nullable Schema model(@Nullable Schema resolved, ModelConverterContext context) {
		if (resolved == null) {
			return null;
		}
		String reference = resolved.get$ref();
		if (reference != null && reference.startsWith(SCHEMAS)) {
			return context.getDefinedModels().get(reference.substring(SCHEMAS.length()));
		}
		return resolved;
	}

	private void claimName(String name, JavaType type) {
		String typeName = type.toCanonical();
		String holder = namedTypes.putIfAbsent(name, typeName);
		if (holder != null && !holder.equals(typeName)) {
			throw new IllegalStateException("Two types answer to the schema name " + name + ": " + holder + " and "
					+ typeName + "; name one of them with @Schema(name = ...)");
		}
	}

	/**
	 * Non-null components are required; {@code @Nullable} ones may be absent or null, and so may the fields of a
	 * change ({@link Patch}: absent keeps the value, {@code null} clears it); a version is a whole number from 0.
	 */
	@SuppressWarnings("unchecked")
	private static void markRequiredAndNullable(Schema<?> model, Class<?> record) {
		Map<String, Schema> properties = (Map<String, Schema>) (Map<?, ?>) model.getProperties();
		List<String> required = new ArrayList<>();
		for (RecordComponent component : record.getRecordComponents()) {
			Schema property = properties.get(component.getName());
			if (property == null) {
				continue;
			}
			boolean optional = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			if (isVersion(component)) {
				// The version a request is based on may come as If-Match instead, so it may be left out.
				boolean read = component.getType() == SentVersion.class;
				property = version(read && property.getDescription() == null ? BASED_ON : property.getDescription());
				properties.put(VERSION, read || optional ? nullable(property) : property);
				if (!read && !optional) {
					required.add(VERSION);
				}
			}
			else if (optional || component.getType() == Patch.class) {
				properties.put(component.getName(), nullable(property));
			}
			else {
				required.add(component.getName());
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
	}

	private static boolean isJsonNode(Class<?> type) {
		return tools.jackson.databind.JsonNode.class.isAssignableFrom(type)
				|| com.fasterxml.jackson.databind.JsonNode.class.isAssignableFrom(type);
	}

	private static boolean isVersion(RecordComponent component) {
		Class<?> type = component.getType();
		return component.getName().equals(VERSION) && (type == SentVersion.class || type == Long.class || type == long.class);
	}

	/** A record's version: a whole number from 0, as answered in ETag and read by ExpectedVersion. */
	private static Schema version(@Nullable String description) {
		return ofType("integer").format("int64").minimum(BigDecimal.ZERO).description(description);
	}

	private static Schema nullable(Schema property) {
		if (property.get$ref() != null || property.getTypes() == null || property.getEnum() != null) {
			return new JsonSchema().anyOf(List.<Schema>of(property, ofType("null")));
		}
		property.addType("null");
		return property;
	}
}
