package dev.kervan.platform.api;

import java.math.BigDecimal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * JSON as the API promises it: decimals (money, quantities, rates) travel as strings such as {@code "12.50"},
 * so no client rounds them through a floating-point number.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	@Bean
	JacksonModule decimalsAsStrings() {
		return new SimpleModule("kervan-decimals").addSerializer(BigDecimal.class, new ValueSerializer<>() {
			@Override
			public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
				generator.writeString(value.toPlainString());
			}
		});
	}
}
