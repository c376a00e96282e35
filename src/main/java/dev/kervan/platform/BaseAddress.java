package dev.kervan.platform;

import java.net.URI;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people reach Kervan at ({@code kervan.base-url}, {@code KERVAN_BASE_URL}), for the few full
 * addresses Kervan hands out to be used elsewhere, such as a calendar app's subscription. Never the request's
 * {@code Host} header, which the client chooses: a forged one would put someone else's server into the address.
 * Unset, it is {@code http://localhost:<port>}, right only on the machine itself. Redirects need none of this:
 * they are sent as paths, which browsers resolve against the address they used.
 */
@Component
public class BaseAddress {

	private final @Nullable URI configured;
	private final Environment environment;

	BaseAddress(@Value("${kervan.base-url:}") String configured, Environment environment) {
		this.configured = configured.isBlank() ? null : parse(configured.strip());
		this.environment = environment;
	}

	/** The full address of a path on this server, e.g. {@code https://crm.example.com/calendar/feed/….ics}. */
	public String of(String path) {
		if (!path.startsWith("/")) {
			throw new IllegalArgumentException("A path starts with /: " + path);
		}
		return base() + path;
	}

	private String base() {
		if (configured != null) {
			return configured.toString();
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		return "http://localhost:" + port;
	}

	private static URI parse(String address) {
		String withoutSlash = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
		URI uri;
		try {
			uri = URI.create(withoutSlash);
		}
		catch (IllegalArgumentException e) {
			throw invalid(address);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
			throw invalid(address);
		}
		return uri;
	}

	private static IllegalStateException invalid(String address) {
		return new IllegalStateException("kervan.base-url (KERVAN_BASE_URL) must be the http or https address people "
				+ "reach Kervan at, such as https://crm.example.com, not " + address);
	}
}
