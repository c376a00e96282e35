package dev.kervan.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.kervan.platform.Problems;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the errors Tomcat finds before a request reaches Kervan (a request line or headers longer than the limit,
 * an address with an invalid escape), which never pass the error page: problem+json for the API and the friendly
 * error page for people, in place of Tomcat's own HTML. Errors Kervan answered itself pass through untouched.
 */
class ProblemReportValve extends ErrorReportValve {

	private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

	/** What else Tomcat answers itself: a body too large to take in, an Expect it cannot meet, an unknown encoding. */
	private static final Set<Integer> OWN_MESSAGES = Set.of(413, 417, 501, 505);

	private final ApplicationContext context;
	private final String headerLimit;

	ProblemReportValve(ApplicationContext context, String headerLimit) {
		this.context = context;
		this.headerLimit = headerLimit;
	}

	@Override
	protected void report(Request request, Response response, @Nullable Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpServletRequest servletRequest = request.getRequest();
		UnreadableRequests unreadable = context.getBean(UnreadableRequests.class);
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		Locale language = unreadable.languageOf(servletRequest);
		LocaleContextHolder.setLocale(language);
		try {
			String messageCode = status == 400 ? "error.request.unreadable"
					: OWN_MESSAGES.contains(status) ? "error.status." + status
					: status < 500 ? "error.bad-request" : "error.status.500";
			Object[] arguments = { status == 400 ? headerLimit : String.valueOf(servletRequest.getRequestURI()) };
			// A request line too long to read leaves no path to tell the API from a page by: a program is likelier
			// than a person to send one, so it gets problem+json.
			boolean json = servletRequest.getRequestURI() == null || ErrorPageController.wantsJson(servletRequest);
			String body = json ? problem(context, servletRequest, status, messageCode, arguments)
					: page(context, request, response, status, language, messageCode, arguments);
			response.setContentType(json ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | RuntimeException e) {
			log.debug("Could not answer Tomcat's refusal of a request with status {}", status, e);
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	private static String problem(ApplicationContext context, HttpServletRequest request, int status, String messageCode,
			Object[] arguments) {
		ProblemDetail problem = context.getBean(Problems.class).of(status, messageCode, arguments);
		problem.setInstance(ErrorPageController.instance(String.valueOf(request.getRequestURI())));
		return context.getBean(JsonMapper.class).writeValueAsString(problem);
	}

	/** The same page {@link ErrorPageController} renders, made here without Spring MVC around it. */
	private static String page(ApplicationContext context, Request request, Response response, int status,
			Locale language, String messageCode, Object[] arguments) {
		ModelAndView view = ErrorPageController.page(status, context.getBean(Problems.class).message(messageCode, arguments));
		ServletContext servletContext = context.getBean(ServletContext.class);
		// Tomcat may not have mapped the request to the application (its address could not be read): Thymeleaf gets
		// the application and plain links from here instead.
		var unmapped = new HttpServletRequestWrapper(request.getRequest()) {
			@Override
			public ServletContext getServletContext() {
				return servletContext;
			}
		};
		var plainLinks = new HttpServletResponseWrapper(response.getResponse()) {
			@Override
			public String encodeURL(String url) {
				return url;
			}
		};
		var web = JakartaServletWebApplication.buildApplication(servletContext).buildExchange(unmapped, plainLinks);
		var variables = new HashMap<String, Object>(view.getModel());
		variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return context.getBean(ISpringTemplateEngine.class)
			.process(String.valueOf(view.getViewName()), new WebContext(web, language, variables));
	}
}
