package dev.kervan.platform.web;

import dev.kervan.platform.KervanProperties;
import dev.kervan.platform.LanguagePreference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver(ObjectProvider<LanguagePreference> preferences, KervanProperties properties) {
		return new KervanLocaleResolver(preferences, properties.displayZone());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var languageSwitch = new LocaleChangeInterceptor();
		languageSwitch.setParamName("lang");
		languageSwitch.setIgnoreInvalidLocale(true);
		registry.addInterceptor(languageSwitch);
	}
}
