package dev.kervan.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * The one clock main code reads the time from, so that tests can set it. It runs in the configured zone
	 * ({@code kervan.time-zone}): {@code LocalDate.now(clock)} is today where the company works.
	 */
	@Bean
	Clock clock(KervanProperties properties) {
		return Clock.system(properties.displayZone());
	}
}
