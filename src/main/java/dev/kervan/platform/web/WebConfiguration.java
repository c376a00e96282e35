package dev.kervan.platform.web;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.Locale;

import dev.kervan.platform.Dates;
import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.LanguagePreference;
import dev.kervan.platform.Problems;
import dev.kervan.platform.database.DatabaseAvailability;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.RelativeRedirectFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/**
	 * Every redirect carries a path only, which the browser resolves against the address it used. Left to itself,
	 * Tomcat turns a path into a full address built from the request's Host header, which the client chooses.
	 * Outermost, so that every wrapper inside (sessions, security) redirects through it.
	 */
	@Bean
	FilterRegistrationBean<RelativeRedirectFilter> relativeRedirects() {
		var filter = new RelativeRedirectFilter();
		filter.setRedirectStatus(HttpStatus.FOUND);
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	LocaleResolver localeResolver(ObjectProvider<LanguagePreference> preferences, KervanProperties properties) {
		return new KervanLocaleResolver(preferences, properties.displayZone());
	}

	/** Early, before sessions and security: both need the database this filter knows to be down. */
	@Bean
	FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DatabaseAvailability availability,
			Problems problems, MessageSource messages, LocaleResolver localeResolver) {
		var registration = new FilterRegistrationBean<>(new DatabaseUnavailableFilter(availability, problems, messages, localeResolver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/**
	 * Static files under their own paths only (Boot's catch-all mapping is off: {@code spring.web.resources.add-mappings}).
	 * With a catch-all, every link a page builds was first looked up as a file in the jar, which cost a page of
	 * 100 links some 50 ms.
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		for (String folder : new String[] { "css", "js", "img" }) {
			registry.addResourceHandler("/" + folder + "/**").addResourceLocations("classpath:/static/" + folder + "/");
		}
	}

	/**
	 * Dates in query parameters ({@code ?from=2026-01-01}) are ISO dates within {@link Dates}' range; anything else
	 * is refused with 400 naming the parameter, before a controller sees it.
	 */
	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
			@Override
			public LocalDate parse(String text, Locale locale) throws ParseException {
				return Dates.parse(text).orElseThrow(() -> new ParseException(text, 0));
			}

			@Override
			public String print(LocalDate date, Locale locale) {
				return date.toString();
			}
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName("lang");
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch);
	}
}
