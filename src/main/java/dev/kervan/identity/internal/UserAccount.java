package dev.kervan.identity.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs in to Kervan, or a customer's person using the portal. Users are deactivated, never
 * deleted, so that history keeps naming who did what.
 */
@Table("app_user")
public class UserAccount {

	@Id
	private @Nullable Long id;
	private String username;
	private String displayName;
	private @Nullable String email;
	private String language;
	private DisplayCalendar calendar;
	private String passwordHash;
	private boolean active;
	private Instant passwordChangedAt;
	private Instant createdAt;
	private Instant updatedAt;
	private String searchText;
	@Version
	private @Nullable Long version;
	@MappedCollection(idColumn = "app_user")
	private Set<RoleGrant> roles;

	UserAccount(@Nullable Long id, String username, String displayName, @Nullable String email, String language,
			DisplayCalendar calendar, String passwordHash, boolean active, Instant passwordChangedAt, Instant createdAt,
			Instant updatedAt, String searchText, @Nullable Long version, Set<RoleGrant> roles) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.email = email;
		this.language = language;
		this.calendar = calendar;
		this.passwordHash = passwordHash;
		this.active = active;
		this.passwordChangedAt = passwordChangedAt;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.searchText = searchText;
		this.version = version;
		this.roles = roles;
	}

	static UserAccount create(UserProfile profile, Set<Role> roles, String passwordHash, Instant now) {
		var user = new UserAccount(null, profile.username(), profile.displayName(), profile.email(),
				profile.language().getLanguage(), profile.calendar(), passwordHash, true, now, now, now, "", null,
				Set.of());
		user.assignRoles(roles);
		user.refreshSearchText();
		return user;
	}

	void changeProfile(String displayName, @Nullable String email, Locale language, DisplayCalendar calendar,
			Instant now) {
		this.displayName = displayName;
		this.email = email;
		this.language = language.getLanguage();
		this.calendar = calendar;
		this.updatedAt = now;
		refreshSearchText();
	}

	void assignRoles(Set<Role> newRoles) {
		this.roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toSet());
	}

	void changeLanguage(Locale language, Instant now) {
		this.language = language.getLanguage();
		this.updatedAt = now;
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.updatedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void activate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	private void refreshSearchText() {
		this.searchText = SearchText.fold(String.join(" ", username, displayName, email == null ? "" : email));
	}

	/** The fields the audit trail compares; never the password hash. */
	Map<String, Object> auditSnapshot() {
		var snapshot = new LinkedHashMap<String, Object>();
		snapshot.put("username", username);
		snapshot.put("displayName", displayName);
		snapshot.put("email", email);
		snapshot.put("language", language);
		snapshot.put("calendar", calendar);
		snapshot.put("active", active);
		snapshot.put("roles", roles());
		return snapshot;
	}

	UserSummary summary() {
		return new UserSummary(id(), username, displayName, email, Locale.forLanguageTag(language), active, roles());
	}

	public long id() {
		if (id == null) {
			throw new IllegalStateException("The user is not saved yet");
		}
		return id;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public @Nullable String email() {
		return email;
	}

	public Locale language() {
		return Locale.forLanguageTag(language);
	}

	public DisplayCalendar calendar() {
		return calendar;
	}

	String passwordHash() {
		return passwordHash;
	}

	public boolean active() {
		return active;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public long version() {
		return version == null ? 0 : version;
	}

	public Set<Role> roles() {
		var set = EnumSet.noneOf(Role.class);
		roles.forEach(grant -> set.add(grant.role()));
		return set;
	}
}
