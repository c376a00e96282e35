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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two doors: the API ({@code /api/**}, {@code /actuator/**}) takes bearer tokens and keeps no session; the
 * pages take a login form, keep the session in PostgreSQL and check CSRF tokens. Both answer refusals the
 * way their callers understand: problem+json for programs, pages for people.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String[] INTERNAL_ROLES = Role.internal().stream().map(Role::name).toArray(String[]::new);

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		var encoders = new java.util.HashMap<String, PasswordEncoder>();
		encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		return new DelegatingPasswordEncoder("argon2", encoders);
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
				.anyRequest().authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, problems), BasicAuthenticationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
						problems.write(request, response, problems.of(403, "error.forbidden"))));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pageSecurity(HttpSecurity http, AuthenticationManager authenticationManager,
			LoginThrottle throttle, LocaleResolver locales) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(requests -> requests
				.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
				// Calendar feeds are read by calendar apps without a session: the secret in the address is the key.
				.requestMatchers("/login", "/login/**", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/calendar/feed/*",
						"/v3/api-docs", "/v3/api-docs/**", "/error", "/public/**")
				.permitAll()
				.requestMatchers("/admin/**", "/swagger-ui.html", "/swagger-ui/**").hasRole(Role.ADMIN.name())
				.anyRequest().hasAnyRole(INTERNAL_ROLES))
			// Public forms are posted from the company's own web site, without a session to protect.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/public/**"))
			.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.successHandler(new LoginSuccessHandler(locales))
				.failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error"))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}
}
