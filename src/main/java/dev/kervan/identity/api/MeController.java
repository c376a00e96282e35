package dev.kervan.identity.api;

import dev.kervan.identity.internal.ApiTokens;
import dev.kervan.identity.internal.KervanPrincipal;
import dev.kervan.identity.internal.UserAdministration;
import dev.kervan.identity.internal.UserAdministration.Keeping;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Users")
class MeController {

	private final UserAdministration administration;

	MeController(UserAdministration administration) {
		this.administration = administration;
	}

	record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
	}

	@GetMapping
	@Operation(summary = "The calling user")
	UserController.UserResource me(@AuthenticationPrincipal KervanPrincipal caller) {
		return UserController.UserResource.of(administration.get(caller.id()));
	}

	@PostMapping("/password")
	@Operation(summary = "Change one's own password, proving the current one",
			description = "Every other token and every session of the user ends; the token making the call stays valid. "
					+ "Repeated wrong current passwords answer 429 for a while.")
	@ApiResponse(responseCode = "204")
	@ApiResponse(responseCode = "429")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal KervanPrincipal caller, Authentication authentication,
			@RequestBody PasswordChange request) {
		Keeping keeping = authentication.getDetails() instanceof ApiTokens.TokenDetails token
				? Keeping.token(token.tokenId()) : Keeping.nothing();
		administration.changeOwnPassword(caller.id(), request.currentPassword(), request.newPassword(), keeping);
		return ResponseEntity.noContent().build();
	}
}
