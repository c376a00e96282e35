package dev.kervan.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

	/**
	 * Several requests of one session (a page and its htmx calls) may add the same attribute at once; with
	 * upserts they do not collide on the attributes' primary key.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentSessionAttributes() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}
}
