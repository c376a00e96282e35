package dev.kervan.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import dev.kervan.platform.Languages;
import dev.kervan.platform.Problems;
import dev.kervan.platform.database.DatabaseAvailability;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * While the database is known to be down, every request is answered 503 at once (problem+json for programs, a
 * short page for people) instead of waiting for a connection that cannot come. Runs before sessions and
 * security, which need the database themselves; the health endpoints still answer, to say DOWN.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	static final int RETRY_AFTER_SECONDS = 5;

	private final DatabaseAvailability availability;
	private final Problems problems;
	private final MessageSource messages;
	private final LocaleResolver locales;

	DatabaseUnavailableFilter(DatabaseAvailability availability, Problems problems, MessageSource messages,
			LocaleResolver locales) {
		this.availability = availability;
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return availability.isUp() || request.getRequestURI().startsWith("/actuator/health");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Locale locale = Optional.ofNullable(request.getParameter("lang")).flatMap(Languages::supported)
			.orElseGet(() -> locales.resolveLocale(request));
		LocaleContextHolder.setLocale(locale);
		try {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
			if (ErrorPageController.wantsJson(request)) {
				problems.write(request, response, problems.of(503, "error.database-unavailable"));
				return;
			}
			response.setStatus(503);
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(page(locale));
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	/** A page that needs nothing but the message bundles: no layout, no style sheets, no session. */
	private String page(Locale locale) {
		String title = HtmlUtils.htmlEscape(messages.getMessage("error.page.503.title", null, locale), "UTF-8");
		String text = HtmlUtils.htmlEscape(messages.getMessage("error.page.503.text", null, locale), "UTF-8");
		return """
				<!DOCTYPE html>
				<html lang="%s" dir="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<meta http-equiv="refresh" content="%d"><title>%s · Kervan</title>
				<style>body{font-family:system-ui,sans-serif;margin:15vh auto;max-width:32rem;padding:0 1rem;text-align:center;color:#212529}
				h1{font-size:1.5rem}p{color:#6c757d}</style></head>
				<body><p>503</p><h1>%s</h1><p>%s</p></body></html>
				""".formatted(locale.getLanguage(), Languages.isRightToLeft(locale) ? "rtl" : "ltr", RETRY_AFTER_SECONDS * 2,
				title, title, text);
	}
}
