package dev.kervan.platform.web;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** How requests that cannot be read are refused: see {@link UnreadableRequests}. */
@Configuration(proxyBeanMethods = false)
class RequestReadingConfiguration {

	@Bean
	FilterRegistrationBean<UnreadableRequestFilter> unreadableRequestFilter(UnreadableRequests unreadable) {
		var registration = new FilterRegistrationBean<>(new UnreadableRequestFilter(unreadable));
		// After the character encoding (first) and the request timing (+1); before sessions, forms and security.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return registration;
	}

	@Bean
	ProblemReports problemReports(ApplicationContext application, ServerProperties server) {
		return new ProblemReports(application, UnreadableRequests.size(server.getMaxHttpRequestHeaderSize()));
	}

	/**
	 * Puts {@link ProblemReportValve} in place of Tomcat's error report on the host. Runs after Boot's own
	 * customizer, which installs a plain {@link ErrorReportValve} there.
	 */
	static final class ProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final ApplicationContext application;
		private final String headerLimit;

		ProblemReports(ApplicationContext application, String headerLimit) {
			this.application = application;
			this.headerLimit = headerLimit;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				Pipeline host = context.getParent().getPipeline();
				for (Valve valve : host.getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.removeValve(valve);
					}
				}
				host.addValve(new ProblemReportValve(application, headerLimit));
				// Keeps the host from adding Tomcat's own report when it starts.
				((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}
