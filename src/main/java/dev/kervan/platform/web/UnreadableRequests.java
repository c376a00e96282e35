package dev.kervan.platform.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import dev.kervan.platform.Languages;
import dev.kervan.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests the container could not read: a query string or form with an empty parameter name or an undecodable
 * escape ({@code ?=1}, {@code ?q=%FF}), a malformed or oversized multipart body, a body of a type the endpoint does
 * not read (JSON where a file is expected).
 * Whichever component reads the request first meets the failure (a filter, the multipart resolver, a controller's
 * argument); all of them ask here what it means and answer it the same way: 4xx problem+json for the API and for
 * callers that accept JSON, the friendly error page for people. Bad input is not an incident: it is logged at debug
 * level, without a stack trace.
 */
@Component
class UnreadableRequests {

	/** The request attribute that tells the error page why a request was refused. */
	static final String REFUSAL = UnreadableRequests.class.getName() + ".refusal";

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);

	private final Problems problems;
	private final LocaleResolver locales;
	private final MultipartProperties multipart;
	private final TomcatServerProperties tomcat;

	UnreadableRequests(Problems problems, LocaleResolver locales, MultipartProperties multipart,
			TomcatServerProperties tomcat) {
		this.problems = problems;
		this.locales = locales;
		this.multipart = multipart;
		this.tomcat = tomcat;
	}

	/** Why a request was refused: its status and the message that says so. */
	record Refusal(int status, String messageCode, Object... arguments) {
	}

	/**
	 * A {@code Content-Type} no body can have: unparseable ({@code ///}) or a wildcard ({@code *}{@code /*}), which
	 * Spring cannot even hand to a controller. Only a request with a body is asked.
	 */
	Optional<Refusal> refusalForContentType(HttpServletRequest request) {
		String type = request.getContentType();
		boolean body = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		if (type == null || !body) {
			return Optional.empty();
		}
		try {
			MediaType media = MediaType.parseMediaType(type);
			if (!media.isWildcardType() && !media.isWildcardSubtype()) {
				return Optional.empty();
			}
		}
		catch (InvalidMediaTypeException e) {
			// refused below
		}
		return Optional.of(new Refusal(415, "error.media-type", type));
	}

	/** What a failure met while reading a request means, when it is the request's fault. */
	Optional<Refusal> refusalFor(Throwable failure, HttpServletRequest request) {
		boolean multipartBody = isMultipart(request);
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof MaxUploadSizeExceededException || isUploadLimit(cause)) {
				return Optional.of(cause.getClass().getSimpleName().startsWith("FileCount")
						? new Refusal(413, "error.upload.too-many-parts", tomcat.getMaxPartCount())
						: new Refusal(413, "error.upload.too-large", size(multipart.getMaxFileSize()),
								size(multipart.getMaxRequestSize())));
			}
			if (cause instanceof HttpMediaTypeNotSupportedException unsupported) {
				boolean upload = unsupported.getSupportedMediaTypes().stream().anyMatch(MediaType.MULTIPART_FORM_DATA::includes);
				return Optional.of(new Refusal(415, upload ? "error.media-type.multipart" : "error.media-type",
						String.valueOf(request.getContentType())));
			}
			if (cause instanceof MultipartException || isFileUpload(cause)) {
				return Optional.of(multipartBody ? new Refusal(400, "error.upload.malformed")
						: new Refusal(415, "error.media-type.multipart", String.valueOf(request.getContentType())));
			}
			if (cause instanceof InvalidParameterException invalid) {
				if (multipartBody) {
					return Optional.of(new Refusal(400, "error.upload.malformed"));
				}
				return Optional.of(invalid.getErrorCode() == 413
						? new Refusal(413, "error.request.form-too-large", size(tomcat.getMaxHttpFormPostSize()))
						: new Refusal(400, "error.request.parameters"));
			}
			if (cause instanceof NumberFormatException && cause.getStackTrace().length > 0
					&& cause.getStackTrace()[0].getClassName().startsWith("tools.jackson.core.")) {
				// Jackson lets a JSON number no decimal can hold (1e2147483648) escape as this, not as a parse error.
				return Optional.of(new Refusal(400, "error.malformed-body"));
			}
			if (cause instanceof HttpMessageNotReadableException && isForm(request)) {
				// Spring's FormContentFilter reads the forms of PUT, PATCH and DELETE requests itself.
				return Optional.of(new Refusal(400, "error.request.parameters"));
			}
		}
		return Optional.empty();
	}

	/**
	 * Answers a refused request: problem+json written at once for the API, the error page (through the container's
	 * error dispatch, which renders {@link ErrorPageController}) for people.
	 */
	void answer(HttpServletRequest request, HttpServletResponse response, Refusal refusal, Object why) throws IOException {
		logRefusal(request, why);
		response.resetBuffer();
		if (!ErrorPageController.wantsJson(request)) {
			request.setAttribute(REFUSAL, refusal);
			response.sendError(refusal.status());
			return;
		}
		LocaleContext previous = LocaleContextHolder.getLocaleContext();
		LocaleContextHolder.setLocale(languageOf(request));
		try {
			problems.write(request, response, problems.of(refusal.status(), refusal.messageCode(), refusal.arguments()));
		}
		finally {
			LocaleContextHolder.setLocaleContext(previous);
		}
	}

	/**
	 * The error page for a refused request, rendered by Spring MVC at once: also while it renders the error page of
	 * a request whose broken body every later attempt to read a parameter meets again.
	 */
	ModelAndView page(HttpServletRequest request, Refusal refusal, Object why) {
		logRefusal(request, why);
		return ErrorPageController.page(refusal.status(), problems.message(refusal.messageCode(), refusal.arguments()));
	}

	private static void logRefusal(HttpServletRequest request, Object why) {
		log.debug("Refused a request to {} that could not be read: {}", request.getRequestURI(), String.valueOf(why));
	}

	/** The caller's language, as far as a request that could not be read tells it. */
	Locale languageOf(HttpServletRequest request) {
		try {
			return locales.resolveLocale(request);
		}
		catch (RuntimeException e) {
			return Languages.ENGLISH;
		}
	}

	/** A limit as people read it: {@code 25 MB}, {@code 8 KB}. */
	static String size(@Nullable DataSize size) {
		if (size == null || size.toBytes() < 0) {
			return "-";
		}
		long bytes = size.toBytes();
		if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes >= 1024 && bytes % 1024 == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " B";
	}

	private static boolean isUploadLimit(Throwable cause) {
		// SizeLimitExceeded, FileSizeLimitExceeded, FileCountLimitExceeded
		return isFileUpload(cause) && cause.getClass().getSimpleName().endsWith("LimitExceededException");
	}

	/** A failure of Tomcat's own copy of Commons FileUpload, such as a multipart body without a boundary. */
	private static boolean isFileUpload(Throwable cause) {
		return cause.getClass().getName().startsWith("org.apache.tomcat.util.http.fileupload.");
	}

	static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}
}
