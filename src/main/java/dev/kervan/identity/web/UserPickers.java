package dev.kervan.identity.web;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserQueries;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The picker source of users (platform.Picker). */
@RestController
class UserPickers {

	private final UserQueries queries;

	UserPickers(UserQueries queries) {
		this.queries = queries;
	}

	/** Active users by name, user name or e-mail; {@code role=SALESPERSON} narrows to those holding the role. */
	@GetMapping("/pick/users")
	Picker.Answer users(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Role role) {
		return Picker.answer(queries.picks(q, role));
	}
}
