package dev.kervan.identity.web;

import java.util.EnumSet;
import java.util.Set;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAccount;
import org.jspecify.annotations.Nullable;

/** What the user form edits; a new user also gets a user name and a first password. */
public class UserForm {

	private @Nullable String username;
	private @Nullable String displayName;
	private @Nullable String email;
	private String language = "en";
	private String calendar = "GREGORIAN";
	private Set<Role> roles = EnumSet.noneOf(Role.class);
	private @Nullable String password;
	private @Nullable Long version;

	static UserForm of(UserAccount user) {
		var form = new UserForm();
		form.username = user.username();
		form.displayName = user.displayName();
		form.email = user.email();
		form.language = user.language().getLanguage();
		form.calendar = user.calendar().name();
		form.roles = user.roles();
		form.version = user.version();
		return form;
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
