package dev.kervan.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/** The one clock business code asks for the time, so tests can fix it. */
	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
