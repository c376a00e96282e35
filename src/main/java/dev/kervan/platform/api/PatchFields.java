package dev.kervan.platform.api;

import java.util.Iterator;

import dev.kervan.platform.Patch;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * The fields of change records ({@link Patch}) in JSON and in the API document: a property that is missing binds
 * to {@link Patch#absent()}, {@code null} to {@link Patch#cleared()}, anything else to the field's type; the
 * document shows the field as its type, optional and nullable.
 */
@Configuration(proxyBeanMethods = false)
class PatchFields {

	@Bean
	JacksonModule patchFieldsInJson() {
		var module = new SimpleModule("kervan-patch-fields");
		module.setDeserializers(new SimpleDeserializers() {
			@Override
			public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
					BeanDescription.Supplier description) {
				return type.hasRawClass(Patch.class) ? new PatchDeserializer(type.containedTypeOrUnknown(0)) : null;
			}

			@Override
			public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
				return type == Patch.class;
			}
		});
		return module;
	}

	@Bean
	ModelConverter patchFieldsInTheApiDocument() {
		return new ModelConverter() {
			@Override
			public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
				var javaType = Json.mapper().constructType(type.getType());
				if (javaType.hasRawClass(Patch.class)) {
					var field = new AnnotatedType(javaType.containedTypeOrUnknown(0))
						.ctxAnnotations(type.getCtxAnnotations())
						.parent(type.getParent())
						.propertyName(type.getPropertyName())
						.schemaProperty(type.isSchemaProperty())
						.resolveAsRef(type.isResolveAsRef());
					Schema<?> schema = chain.hasNext() ? chain.next().resolve(field, context, chain) : null;
					if (schema != null && schema.get$ref() == null) {
						schema.setNullable(true);
					}
					return schema;
				}
				return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
			}
		};
	}

	/** Reads the value by its own type; missing and {@code null} are told apart by Jackson's absent and null values. */
	private static final class PatchDeserializer extends ValueDeserializer<Patch<?>> {

		private final JavaType valueType;

		PatchDeserializer(JavaType valueType) {
			this.valueType = valueType;
		}

		@Override
		public Patch<?> deserialize(JsonParser parser, DeserializationContext context) {
			return Patch.of(context.readValue(parser, valueType));
		}

		@Override
		public Object getNullValue(DeserializationContext context) {
			return Patch.cleared();
		}

		@Override
		public Object getAbsentValue(DeserializationContext context) {
			return Patch.absent();
		}
	}
}
