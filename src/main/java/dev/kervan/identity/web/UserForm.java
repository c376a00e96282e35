package dev.kervan.identity.web;

import java.util.EnumSet;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAccount;
import dev.kervan.platform.FormState;
import org.jspecify.annotations.Nullable;

/** What the user forms send, bound to types; shown again through a {@link FormState}. */
public class UserForm {

	private @Nullable String username;
	private @Nullable String displayName;
	private @Nullable String email;
	private String language = "en";
	private String calendar = "GREGORIAN";
	private Set<Role> roles = EnumSet.noneOf(Role.class);
	private @Nullable String password;
	private @Nullable Long version;

	/** The fields of the user forms; a new user's also has a user name and a first password. */
	static final Set<String> FIELDS = Set.of("displayName", "email", "language", "calendar", "roles");

	/** A user as the form shows it; the ids of its fields are their names. */
	static FormState stateOf(UserAccount user) {
		var values = new java.util.HashMap<String, @Nullable String>();
		values.put("username", user.username());
		values.put("displayName", user.displayName());
		values.put("email", user.email());
		values.put("language", user.language().getLanguage());
		values.put("calendar", user.calendar().name());
		return FormState.of(values, java.util.Map.of("roles", user.roles().stream().map(Enum::name).toList()))
			.showing(FIELDS).withPlainIds();
	}

	/** The form as it was sent, passwords left out: a refused password is typed again, never sent back. */
	static FormState stateOf(org.springframework.util.MultiValueMap<String, String> submitted, Set<String> fields) {
		var shown = new java.util.HashSet<>(fields);
		shown.add("password");
		return FormState.from(submitted, fields, Set.of("roles")).showing(shown).withPlainIds();
	}

	public @Nullable String getUsername() {
		return username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = displayName;
	}

	public @Nullable String getEmail() {
		return email;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
	}

	public String getLanguage() {
		return language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getCalendar() {
		return calendar;
	}

	public void setCalendar(String calendar) {
		this.calendar = calendar;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(@Nullable Set<Role> roles) {
		this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
	}

	public @Nullable String getPassword() {
		return password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public @Nullable Long getVersion() {
		return version;
	}

	public void setVersion(@Nullable Long version) {
		this.version = version;
	}
}
