package dev.kervan.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.identity.CredentialsRevoked;
import dev.kervan.identity.Role;
import dev.kervan.platform.Actor;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DisplayCalendar;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordHistory;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.SentVersion;
import dev.kervan.platform.TooManyRequestsException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creating and changing users, for the admin pages, the API and the users themselves. Every change is
 * checked, audited, and refused as a whole when any part is wrong. A user who loses access (deactivated, or a
 * role taken away) or gets a new password loses every credential at once: sessions end, API tokens are revoked
 * for good (activating the user again revives none), and other modules end their secrets on
 * {@link CredentialsRevoked}. Users who change their own password keep only the session or token they did it
 * with.
 */
@Service
public class UserAdministration {

	static final String RECORD_TYPE = "user";

	private final UserAccounts users;
	private final PasswordEncoder passwords;
	private final AuditTrail audit;
	private final FindByIndexNameSessionRepository<?> sessions;
	private final ApiTokens tokens;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final LoginThrottle throttle;
	private final RecordHistory readable;

	UserAdministration(UserAccounts users, PasswordEncoder passwords, AuditTrail audit,
			FindByIndexNameSessionRepository<?> sessions, ApiTokens tokens, ApplicationEventPublisher events, Clock clock,
			LoginThrottle throttle, RecordHistory readable) {
		this.throttle = throttle;
		this.readable = readable;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.sessions = sessions;
		this.tokens = tokens;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The credential users change their own password with, which stays valid while all others end: the session
	 * of the page, or the API token of the call.
	 */
	public record Keeping(@Nullable String sessionId, @Nullable Long tokenId) {

		public static Keeping session(String id) {
			return new Keeping(id, null);
		}

		public static Keeping token(long id) {
			return new Keeping(null, id);
		}

		public static Keeping nothing() {
			return new Keeping(null, null);
		}
	}

	/** A user to create; {@code language} and {@code calendar} default to English and Gregorian. */
	public record NewUser(@Nullable String username, @Nullable String displayName, @Nullable String email,
			@Nullable String language, @Nullable String calendar, @Nullable Set<Role> roles, @Nullable String password) {
	}

	/**
	 * A change of a user: only the fields given change; {@code null} clears a field (the email; the language and the
	 * calendar go back to English and Gregorian), and a user's name, roles and whether they are active cannot be
	 * cleared. Fields of the user as answered may be sent back as they are: they are ignored.
	 */
	@JsonIgnoreProperties({ "id", "username", "createdAt", "updatedAt" })
	public record UserChange(Patch<String> displayName, Patch<String> email, Patch<String> language,
			Patch<String> calendar, Patch<Set<Role>> roles, Patch<Boolean> active,
			@Nullable SentVersion version) {

		/** The change a form makes: a field it does not send ({@code null}) stays as it is. */
		public static UserChange ofForm(@Nullable String displayName, @Nullable String email, @Nullable String language,
				@Nullable String calendar, @Nullable Set<Role> roles, @Nullable Boolean active) {
			return new UserChange(given(displayName), given(email), given(language), given(calendar), given(roles),
					given(active), null);
		}

		private static <T> Patch<T> given(@Nullable T value) {
			return value == null ? Patch.absent() : Patch.of(value);
		}
	}

	public UserAccount get(long id) {
		return users.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/** Who changed what on the user, newest first. */
	public List<AuditEntry> history(long id) {
		get(id);
		return audit.history(RECORD_TYPE, id);
	}

	/** Who changed what on the user, in words, newest first: for the user's page. */
	public List<HistoryEntry> readableHistory(long id) {
		return readable.of(RECORD_TYPE, id, get(id).auditSnapshot(), List.of());
	}

	@Transactional
	public UserAccount create(NewUser request) {
		var violations = new ArrayList<FieldViolation>();
		String username = UserRules.normalizeUsername(request.username());
		String email = UserRules.normalizeEmail(request.email());
		Locale language = language(request.language(), violations);
		DisplayCalendar calendar = calendar(request.calendar(), violations);
		var profile = new UserProfile(username, strip(request.displayName()), email, language, calendar);
		violations.addAll(UserRules.checkProfile(profile));
		Set<Role> roles = orNone(request.roles());
		violations.addAll(UserRules.checkRoles(roles));
		violations.addAll(PasswordPolicy.check("password", request.password(), username, email));
		throwIfAny(violations);
		if (users.usernameTaken(username)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.user.username-taken", username);
		}
		if (email != null && users.emailTaken(email, -1)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.user.email-taken", email);
		}
		UserAccount user;
		try {
			user = users.save(UserAccount.create(profile, roles, passwords.encode(request.password()), clock.instant()));
		}
		catch (DuplicateKeyException e) {
			// Somebody took the name or email between the check above and this insert.
			throw new DomainException(ErrorKind.CONFLICT, "error.user.username-taken", username);
		}
		audit.created(RECORD_TYPE, user.id(), user.auditSnapshot());
		return user;
	}

	@Transactional
	public UserAccount update(long id, ExpectedVersion expected, UserChange change) {
		UserAccount user = get(id);
		expected.verify(RECORD_TYPE, id, user.version());
		Map<String, Object> before = user.auditSnapshot();
		var violations = new ArrayList<FieldViolation>();
		String displayName = change.displayName().isGiven() ? strip(change.displayName().value()) : user.displayName();
		String email = change.email().isGiven() ? UserRules.normalizeEmail(change.email().value()) : user.email();
		Locale language = change.language().isGiven() ? language(change.language().value(), violations) : user.language();
		DisplayCalendar calendar = change.calendar().isGiven() ? calendar(change.calendar().value(), violations)
				: user.calendar();
		UserRules.checkDescription(displayName, email, violations);
		Set<Role> roles = change.roles().isGiven() ? orNone(change.roles().value()) : user.roles();
		violations.addAll(UserRules.checkRoles(roles));
		if (change.active().isGiven() && change.active().value() == null) {
			violations.add(new FieldViolation("active", "error.value.required"));
		}
		throwIfAny(violations);
		boolean active = Boolean.TRUE.equals(change.active().applyTo(user.active()));
		if (displayName.equals(user.displayName()) && Objects.equals(email, user.email()) && language.equals(user.language())
				&& calendar == user.calendar() && roles.equals(user.roles()) && active == user.active()) {
			return user;
		}
		guardAgainstLockout(user, roles, active);
		if (email != null && users.emailTaken(email, id)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.user.email-taken", email);
		}
		boolean losesAccess = (user.active() && !active) || !roles.containsAll(user.roles());
		user.changeProfile(displayName, email, language, calendar, clock.instant());
		user.assignRoles(roles);
		if (active != user.active()) {
			if (active) {
				user.activate(clock.instant());
			}
			else {
				user.deactivate(clock.instant());
			}
		}
		UserAccount saved = users.save(user);
		audit.updated(RECORD_TYPE, id, before, saved.auditSnapshot());
		if (losesAccess) {
			revokeCredentials(saved, Keeping.nothing());
		}
		return saved;
	}

	/** An administrator sets a new password, e.g. for a user who forgot theirs. */
	@Transactional
	public void setPassword(long id, @Nullable String newPassword) {
		UserAccount user = get(id);
		throwIfAny(PasswordPolicy.check("password", newPassword, user.username(), user.email()));
		user.changePassword(passwords.encode(newPassword), clock.instant());
		users.save(user);
		audit.updated(RECORD_TYPE, id, Map.of("password", "-"), Map.of("password", "changed"));
		revokeCredentials(user, Keeping.nothing());
	}

	/**
	 * Users change their own password by proving they know the current one; their other sessions and tokens end,
	 * the one they did it with stays.
	 */
	@Transactional
	public void changeOwnPassword(long id, @Nullable String currentPassword, @Nullable String newPassword,
			Keeping keeping) {
		UserAccount user = get(id);
		if (currentPassword == null || currentPassword.isEmpty()) {
			throw InvalidInputException.of("currentPassword", "error.password.current-wrong");
		}
		throttle.passwordCheck(user.username()).ifPresent(wait -> {
			throw new TooManyRequestsException("error.login.throttled", wait);
		});
		if (!passwords.matches(currentPassword, user.passwordHash())) {
			throw InvalidInputException.of("currentPassword", "error.password.current-wrong");
		}
		throttle.passwordConfirmed(user.username());
		var violations = PasswordPolicy.check("newPassword", newPassword, user.username(), user.email());
		if (violations.isEmpty() && currentPassword.equals(newPassword)) {
			violations = List.of(new FieldViolation("newPassword", "error.password.unchanged"));
		}
		throwIfAny(violations);
		user.changePassword(passwords.encode(newPassword), clock.instant());
		users.save(user);
		audit.updated(RECORD_TYPE, id, Map.of("password", "-"), Map.of("password", "changed"));
		revokeCredentials(user, keeping);
	}

	/** Users keep the language they last chose. */
	@Transactional
	public void rememberLanguage(long id, Locale language) {
		users.findById(id).filter(user -> !user.language().equals(language)).ifPresent(user -> {
			Map<String, Object> before = user.auditSnapshot();
			user.changeLanguage(language, clock.instant());
			users.save(user);
			audit.updated(RECORD_TYPE, id, before, user.auditSnapshot());
		});
	}

	private void guardAgainstLockout(UserAccount user, Set<Role> roles, boolean active) {
		boolean isAdminNow = user.active() && user.roles().contains(Role.ADMIN);
		boolean staysAdmin = active && roles.contains(Role.ADMIN);
		if (isAdminNow && !staysAdmin && users.countOtherActiveAdmins(user.id()) == 0) {
			throw new DomainException(ErrorKind.CONFLICT, "error.user.last-admin");
		}
		boolean self = Actor.current().map(actor -> actor.id() == user.id()).orElse(false);
		if (self && !active) {
			throw new DomainException(ErrorKind.CONFLICT, "error.user.deactivate-self");
		}
	}

	/**
	 * Tokens are revoked and other modules' secrets ended in this transaction; sessions, which a request in
	 * flight may save again, are deleted once it has committed.
	 */
	private void revokeCredentials(UserAccount user, Keeping keeping) {
		tokens.revokeAll(user.id(), keeping.tokenId());
		events.publishEvent(new CredentialsRevoked(user.id()));
		String username = user.username();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				sessions.findByPrincipalName(username).keySet().stream()
					.filter(session -> !session.equals(keeping.sessionId()))
					.forEach(sessions::deleteById);
			}
		});
	}

	private static Locale language(@Nullable String tag, List<FieldViolation> violations) {
		if (tag == null || tag.isBlank()) {
			return Languages.ENGLISH;
		}
		return Languages.supported(tag).orElseGet(() -> {
			violations.add(new FieldViolation("language", "error.user.language-unsupported", tag));
			return Languages.ENGLISH;
		});
	}

	private static DisplayCalendar calendar(@Nullable String name, List<FieldViolation> violations) {
		if (name == null || name.isBlank()) {
			return DisplayCalendar.GREGORIAN;
		}
		try {
			return DisplayCalendar.valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			violations.add(new FieldViolation("calendar", "error.user.calendar-unsupported", name));
			return DisplayCalendar.GREGORIAN;
		}
	}

	private static Set<Role> orNone(@Nullable Set<Role> roles) {
		return roles == null ? Set.of() : roles;
	}

	private static String strip(@Nullable String text) {
		return text == null ? "" : text.strip();
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new InvalidInputException(violations);
		}
	}
}
