package dev.kervan.identity.api;

import java.time.Instant;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAccount;
import dev.kervan.identity.internal.UserAdministration;
import dev.kervan.identity.internal.UserAdministration.NewUser;
import dev.kervan.identity.internal.UserAdministration.UserChange;
import dev.kervan.identity.internal.UserQueries;
import dev.kervan.platform.Created;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users")
class UserController {

	private final UserAdministration administration;
	private final UserQueries queries;

	UserController(UserAdministration administration, UserQueries queries) {
		this.administration = administration;
		this.queries = queries;
	}

	record UserResource(long id, String username, String displayName, @Nullable String email, String language,
			String calendar, boolean active, Set<Role> roles, Instant createdAt, Instant updatedAt, long version)
			implements Versioned {

		static UserResource of(UserAccount user) {
			return new UserResource(user.id(), user.username(), user.displayName(), user.email(),
					user.language().getLanguage(), user.calendar().name(), user.active(), user.roles(), user.createdAt(),
					user.updatedAt(), user.version());
		}
	}

	record UserListItem(long id, String username, String displayName, @Nullable String email, String language,
			boolean active, Set<Role> roles, Instant createdAt, long version) {
	}

	record NewPassword(@Nullable String password) {
	}

	@GetMapping
	@Operation(summary = "Users, filtered and paged by cursor",
			description = "q searches name, user name and email; status is active or inactive; sort is username, name or newest.")
	KeysetPage<UserListItem> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Role role, @RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return queries
			.page(new UserQueries.Filter(q, role, status), UserQueries.Sort.of(sort), cursor, PageLimit.of(limit))
			.map(row -> new UserListItem(row.id(), row.username(), row.displayName(), row.email(), row.language(),
					row.active(), row.roles(), row.createdAt(), row.version()));
	}

	@PostMapping
	@Operation(summary = "Create a user")
	ResponseEntity<UserResource> create(@RequestBody NewUser command) {
		UserAccount user = administration.create(command);
		return Created.at("/api/v1/users/", user.id(), UserResource.of(user));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A user")
	UserResource get(@PathVariable long id) {
		return UserResource.of(administration.get(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a user",
			description = "Only the fields given change; null clears the email, language or calendar. Send the version you read, in If-Match or as version: a stale one is refused (412 or 409).")
	UserResource update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody UserChange change) {
		return UserResource.of(administration.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	@PutMapping("/{id}/password")
	@Operation(summary = "Set a new password for a user; their sessions end and their API tokens are revoked")
	ResponseEntity<Void> setPassword(@PathVariable long id, @RequestBody NewPassword request) {
		administration.setPassword(id, request.password());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what on the user, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		return new KeysetPage<>(administration.history(id), null);
	}
}
