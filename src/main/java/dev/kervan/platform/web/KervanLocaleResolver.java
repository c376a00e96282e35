package dev.kervan.platform.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.time.ZoneId;

import dev.kervan.platform.Actor;
import dev.kervan.platform.LanguagePreference;
import dev.kervan.platform.Languages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;

/**
 * Decides a request's language: the one chosen in this session (a logged-in user's own language is put there
 * at login), else the one remembered in a cookie, else the browser's preference among English, Turkish and
 * Persian, else English; times are shown in the configured zone ({@code kervan.time-zone}). Choosing a language with {@code ?lang=} updates all three places, and on a
 * page the user's profile too; on the API (no session) it only sets the language of that request.
 */
class KervanLocaleResolver implements LocaleContextResolver {

	static final String SESSION_ATTRIBUTE = "kervan.locale";
	static final String COOKIE = "kervan-lang";
	/** The language chosen during this very request, before the session or cookie carry it. */
	private static final String REQUEST_ATTRIBUTE = KervanLocaleResolver.class.getName() + ".locale";

	private final ObjectProvider<LanguagePreference> preferences;
	private final TimeZone zone;

	KervanLocaleResolver(ObjectProvider<LanguagePreference> preferences, ZoneId zone) {
		this.preferences = preferences;
		this.zone = TimeZone.getTimeZone(zone);
	}

	@Override
	public LocaleContext resolveLocaleContext(HttpServletRequest request) {
		// Resolved on each use: a ?lang= switch later in the same request must show at once.
		return new TimeZoneAwareLocaleContext() {
			@Override
			public Locale getLocale() {
				return resolveLocale(request);
			}

			@Override
			public TimeZone getTimeZone() {
				return zone;
			}
		};
	}

	@Override
	public void setLocaleContext(HttpServletRequest request, @Nullable HttpServletResponse response,
			@Nullable LocaleContext context) {
		setLocale(request, response, context == null ? null : context.getLocale());
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof Locale chosenNow) {
			return chosenNow;
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale chosen) {
			return chosen;
		}
		return fromCookie(request).or(() -> fromBrowser(request)).orElse(Languages.ENGLISH);
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Optional<Locale> supported = Optional.ofNullable(locale).flatMap(l -> Languages.supported(l.toLanguageTag()));
		if (supported.isEmpty()) {
			return;
		}
		Locale language = supported.get();
		request.setAttribute(REQUEST_ATTRIBUTE, language);
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(SESSION_ATTRIBUTE, language);
		}
		if (response != null) {
			ResponseCookie cookie = ResponseCookie.from(COOKIE, language.getLanguage())
				.path("/")
				.maxAge(Duration.ofDays(365))
				.sameSite("Lax")
				.httpOnly(true)
				.secure(request.isSecure())
				.build();
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		// A person choosing a language on a page keeps it. An API call has no session: its ?lang= is the language of
		// that one answer (such as a document in a customer's language), never a change of the caller's profile.
		if (session != null) {
			Actor.current().ifPresent(actor -> preferences.ifAvailable(p -> p.remember(actor, language)));
		}
	}

	private static Optional<Locale> fromCookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return Languages.supported(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	private static Optional<Locale> fromBrowser(HttpServletRequest request) {
		if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
			return Optional.empty();
		}
		var preferred = request.getLocales();
		while (preferred.hasMoreElements()) {
			Optional<Locale> supported = Languages.supported(preferred.nextElement().toLanguageTag());
			if (supported.isPresent()) {
				return supported;
			}
		}
		return Optional.empty();
	}
}
