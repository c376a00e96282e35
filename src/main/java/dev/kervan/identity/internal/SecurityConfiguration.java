package dev.kervan.identity.internal;

import java.util.Arrays;

import dev.kervan.identity.Role;
import dev.kervan.platform.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: the API ({@code /api/**}, {@code /actuator/**}) takes bearer tokens and keeps no session; the
 * pages take a login form, keep the session in PostgreSQL and check CSRF tokens. Both answer refusals the
 * way their callers understand: problem+json for programs, pages for people. The OpenAPI document, read by
 * programs and by Swagger UI in an administrator's browser, takes either. A session is stored only once someone
 * has logged in: anonymous visitors' CSRF tokens and the page they asked for travel in cookies.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] INTERNAL_ROLES = Role.internal().stream().map(Role::name).toArray(String[]::new);

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	/** Kervan uses none of the browser's devices and sensors; nothing it shows may ask for them. */
	private static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), "
			+ "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
			+ "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

	private static final String[] OPEN_API = { "/v3/api-docs", "/v3/api-docs/**" };

	/** Argon2id; a password that is no well-formed text (see {@link PasswordPolicy#isWellFormed}) matches nothing. */
	@Bean
	PasswordEncoder passwordEncoder() {
		var encoders = new java.util.HashMap<String, PasswordEncoder>();
		encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		var argon2 = new DelegatingPasswordEncoder("argon2", encoders);
		return new PasswordEncoder() {
			@Override
			public String encode(CharSequence password) {
				if (!PasswordPolicy.isWellFormed(password)) {
					throw new IllegalArgumentException("A password must be well-formed text");
				}
				return argon2.encode(password);
			}

			@Override
			public boolean matches(CharSequence password, String hash) {
				return PasswordPolicy.isWellFormed(password) && argon2.matches(password, hash);
			}

			@Override
			public boolean upgradeEncoding(String hash) {
				return argon2.upgradeEncoding(hash);
			}
		};
	}

	/** An administrator may do everything staff may; managers everything their team members may. */
	@Bean
	static RoleHierarchy roleHierarchy() {
		var staff = Arrays.stream(INTERNAL_ROLES).filter(r -> !r.equals(Role.ADMIN.name())).toArray(String[]::new);
		return RoleHierarchyImpl.withDefaultRolePrefix()
			.role(Role.ADMIN.name()).implies(staff)
			.role(Role.SALES_MANAGER.name()).implies(Role.SALESPERSON.name())
			.role(Role.SERVICE_MANAGER.name()).implies(Role.TECHNICIAN.name())
			.build();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
		return new DefaultAuthenticationEventPublisher(events);
	}

	@Bean
	AuthenticationManager authenticationManager(KervanUserDetailsService users, PasswordEncoder passwords,
			AuthenticationEventPublisher events) {
		var provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(passwords);
		var manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, Problems problems) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
				.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
				.anyRequest().authenticated());
		return programsDoor(http, tokens, problems, SessionCreationPolicy.STATELESS);
	}

	/** The API's description, for staff: with a bearer token, or with the session of Swagger UI's page. */
	@Bean
	@Order(2)
	SecurityFilterChain openApiSecurity(HttpSecurity http, ApiTokens tokens, Problems problems) throws Exception {
		http.securityMatcher(OPEN_API).authorizeHttpRequests(requests -> requests.anyRequest().hasAnyRole(INTERNAL_ROLES));
		return programsDoor(http, tokens, problems, SessionCreationPolicy.NEVER);
	}

	/** Bearer tokens, no CSRF (no cookie authenticates a change), and refusals as problem+json. */
	private static SecurityFilterChain programsDoor(HttpSecurity http, ApiTokens tokens, Problems problems,
			SessionCreationPolicy sessions) throws Exception {
		http.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(sessions))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, failure) -> {
					response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
					problems.write(request, response, problems.of(401, "error.unauthenticated"));
				})
				.accessDeniedHandler((request, response, denied) ->
						problems.write(request, response, problems.of(403, "error.forbidden"))))
			.headers(SecurityConfiguration::privacyHeaders);
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			LoginThrottle throttle, LocaleResolver locales) throws Exception {
		RequestCache askedFor = pageAskedFor();
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				// Calendar feeds are read by calendar apps without a session: the secret in the address is the key.
				.requestMatchers("/login", "/login/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/calendar/feed/*",
						"/error", "/public/**")
				.permitAll()
				.requestMatchers("/admin/**", "/swagger-ui.html", "/swagger-ui/**").hasRole(Role.ADMIN.name())
				// Everyone who logs in keeps their own name, language and password, portal users included.
				.requestMatchers("/profile", "/profile/**").authenticated()
				// The start page sends portal users on to theirs; the portal is theirs alone.
				.requestMatchers("/").authenticated()
				.requestMatchers("/portal", "/portal/**").hasRole(Role.PORTAL.name())
				.anyRequest().hasAnyRole(INTERNAL_ROLES))
			// Public forms are posted from the company's own web site, without a session to protect.
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokenRepository())
				.ignoringRequestMatchers("/public/**"))
			.requestCache(cache -> cache.requestCache(askedFor))
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginSuccessHandler(locales, askedFor))
				.failureHandler(loginFailed())
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> privacyHeaders(headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))));
		return http.build();
	}

	/** A failed login shows the form again; the failure is not kept in a session, which it would create. */
	private static SimpleUrlAuthenticationFailureHandler loginFailed() {
		var handler = new SimpleUrlAuthenticationFailureHandler("/login?error");
		handler.setAllowSessionCreation(false);
		return handler;
	}

	/**
	 * The page an anonymous visitor asked for, remembered in a cookie (not a session) to open after login: only
	 * pages people open, not htmx's fragments, the matches a record picker asks for (a session that ended while
	 * typing) or files a page loads.
	 */
	private static RequestCache pageAskedFor() {
		var cache = new CookieRequestCache();
		cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod())
				&& request.getHeader("HX-Request") == null && !"/favicon.ico".equals(request.getRequestURI())
				&& !request.getRequestURI().startsWith("/pick/"));
		return cache;
	}

	/** Every answer, page or API: no address leaks to other sites, and no device or sensor may be asked for. */
	private static void privacyHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
	}
}
