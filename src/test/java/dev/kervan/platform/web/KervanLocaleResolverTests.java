package dev.kervan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.Locale;

import dev.kervan.platform.LanguagePreference;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class KervanLocaleResolverTests {

	private final KervanLocaleResolver resolver = new KervanLocaleResolver(
			new StaticListableBeanFactory().getBeanProvider(LanguagePreference.class), ZoneId.of("Europe/Istanbul"));

	@Test
	void theBrowsersPreferredSupportedLanguageWins() {
		var request = new MockHttpServletRequest();
		request.addHeader("Accept-Language", "de-DE,fa;q=0.8,en;q=0.5");
		request.setPreferredLocales(java.util.List.of(Locale.GERMANY, Locale.forLanguageTag("fa"), Locale.ENGLISH));
		assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("fa");
	}

	@Test
	void englishWhenNothingElseIsKnown() {
		assertThat(resolver.resolveLocale(new MockHttpServletRequest())).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void aChosenLanguageIsRememberedInACookieAndAppliesAtOnce() {
		var request = new MockHttpServletRequest();
		var response = new MockHttpServletResponse();
		resolver.setLocale(request, response, Locale.forLanguageTag("tr-TR"));
		assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("tr");
		Cookie cookie = response.getCookie(KervanLocaleResolver.COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.getValue()).isEqualTo("tr");
		assertThat(cookie.isHttpOnly()).isTrue();

		var next = new MockHttpServletRequest();
		next.setCookies(cookie);
		assertThat(resolver.resolveLocale(next).getLanguage()).isEqualTo("tr");
	}

	@Test
	void unsupportedLanguagesAreIgnored() {
		var request = new MockHttpServletRequest();
		var response = new MockHttpServletResponse();
		resolver.setLocale(request, response, Locale.GERMAN);
		assertThat(response.getCookies()).isEmpty();
		assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
		request.setCookies(new Cookie(KervanLocaleResolver.COOKIE, "<script>"));
		assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void theSessionsLanguageOutranksTheCookie() {
		var request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(KervanLocaleResolver.SESSION_ATTRIBUTE, Locale.forLanguageTag("fa"));
		request.setCookies(new Cookie(KervanLocaleResolver.COOKIE, "tr"));
		assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("fa");
	}

	@Test
	void theRequestsLocaleContextFollowsASwitchMadeLaterInTheRequest() {
		var request = new MockHttpServletRequest();
		var context = resolver.resolveLocaleContext(request);
		resolver.setLocale(request, new MockHttpServletResponse(), Locale.forLanguageTag("fa"));
		assertThat(context.getLocale().getLanguage()).isEqualTo("fa");
	}

	@Test
	void timesAreShownInTheConfiguredZone() {
		var context = (TimeZoneAwareLocaleContext) resolver.resolveLocaleContext(new MockHttpServletRequest());
		assertThat(context.getTimeZone().getID()).isEqualTo("Europe/Istanbul");
	}
}
