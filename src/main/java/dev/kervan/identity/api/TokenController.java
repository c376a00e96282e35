package dev.kervan.identity.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.kervan.identity.internal.ApiTokens;
import dev.kervan.identity.internal.TokenLogin;
import dev.kervan.identity.internal.KervanPrincipal;
import dev.kervan.platform.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/tokens")
@Tag(name = "Authentication")
class TokenController {

	private final TokenLogin login;
	private final ApiTokens tokens;

	TokenController(TokenLogin login, ApiTokens tokens) {
		this.login = login;
		this.tokens = tokens;
	}

	record TokenRequest(@Nullable String username, @Nullable String password, @Nullable String name) {
	}

	record TokenResponse(long id, String name, String token, Instant createdAt, Instant expiresAt) {
	}

	record TokenResource(long id, String name, String hint, Instant createdAt, Instant expiresAt,
			@Nullable Instant lastUsedAt, boolean revoked) {
	}

	@PostMapping
	@Operation(summary = "Log in with user name and password and get an API token",
			description = "Answers 201 with the token, shown only this once. Repeated failures answer 429 for a while.")
	@SecurityRequirements
	@ApiResponse(responseCode = "201", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "429")
	ResponseEntity<TokenResponse> create(@RequestBody TokenRequest request, HttpServletRequest http) {
		var issued = login.logIn(request.username(), request.password(), request.name(), http);
		return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + issued.id()))
			.body(new TokenResponse(issued.id(), issued.name(), issued.token(), issued.createdAt(), issued.expiresAt()));
	}

	@GetMapping
	@Operation(summary = "The caller's own tokens, newest first, without their secrets")
	KeysetPage<TokenResource> list(@AuthenticationPrincipal KervanPrincipal caller) {
		List<TokenResource> items = tokens.list(caller.id())
			.stream()
			.map(t -> new TokenResource(t.id(), t.name(), t.hint(), t.createdAt(), t.expiresAt(), t.lastUsedAt(),
					t.revokedAt() != null))
			.toList();
		return new KeysetPage<>(items, null);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke one of the caller's tokens")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal KervanPrincipal caller, @PathVariable long id) {
		tokens.revoke(caller.id(), id);
		return ResponseEntity.noContent().build();
	}
}
