package dev.kervan.platform.api;

import dev.kervan.platform.Problems;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/** Runs right after Spring Security (order -100), so it knows the caller a key belongs to. */
	static final int IDEMPOTENCY_FILTER_ORDER = 0;

	@Bean
	IdempotencyFilter idempotencyFilter(JdbcClient jdbc, Problems problems) {
		return new IdempotencyFilter(jdbc, problems);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilterRegistration(IdempotencyFilter filter) {
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(IDEMPOTENCY_FILTER_ORDER);
		registration.addUrlPatterns("/api/*");
		return registration;
	}
}
