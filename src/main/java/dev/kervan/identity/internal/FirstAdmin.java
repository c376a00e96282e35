package dev.kervan.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kervan.identity.Role;
import dev.kervan.identity.internal.UserAdministration.NewUser;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KervanProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the very first start, creates the {@code admin} user: with {@code KERVAN_ADMIN_PASSWORD} when set,
 * otherwise with a generated password that is printed once and written to
 * {@code <data>/initial-admin-password}, readable by its owner only.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
	static final String USERNAME = "admin";
	static final String PASSWORD_FILE = "initial-admin-password";

	private final UserAccounts users;
	private final JdbcClient jdbc;
	private final UserAdministration administration;
	private final TransactionTemplate transactions;
	private final KervanProperties properties;
	private final String configuredPassword;
	private final MessageSource messages;

	FirstAdmin(UserAccounts users, JdbcClient jdbc, UserAdministration administration, TransactionTemplate transactions,
			KervanProperties properties, @Value("${kervan.admin-password:}") String configuredPassword,
			MessageSource messages) {
		this.users = users;
		this.jdbc = jdbc;
		this.administration = administration;
		this.transactions = transactions;
		this.properties = properties;
		this.configuredPassword = configuredPassword;
		this.messages = messages;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		transactions.executeWithoutResult(status -> {
			// One instance creates the admin even when several start at once on a new database.
			jdbc.sql("select pg_advisory_xact_lock(7220001)").query().listOfRows();
			if (users.count() > 0) {
				return;
			}
			boolean generated = configuredPassword.isBlank();
			String password = generated ? generate() : configuredPassword;
			try {
				administration.create(new NewUser(USERNAME, "Administrator", null, "en", null, Set.of(Role.ADMIN), password));
			}
			catch (InvalidInputException refused) {
				String reasons = refused.violations()
					.stream()
					.map(v -> messages.getMessage(v.messageCode(), v.arguments(), v.messageCode(), Locale.ENGLISH))
					.collect(Collectors.joining(" "));
				throw new IllegalStateException("KERVAN_ADMIN_PASSWORD is not acceptable: " + reasons);
			}
			if (generated) {
				Path file = writePasswordFile(password);
				System.out.println();
				System.out.println("  Kervan created the user 'admin' with the password: " + password);
				System.out.println("  It is also in " + file + " (readable by you only). Change it after logging in.");
				System.out.println();
			}
			else {
				log.info("Created the user 'admin' with the password from KERVAN_ADMIN_PASSWORD");
			}
		});
	}

	private Path writePasswordFile(String password) {
		Path file = properties.absoluteDataDir().resolve(PASSWORD_FILE);
		try {
			Files.createDirectories(file.getParent());
			Files.deleteIfExists(file);
			try {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (UnsupportedOperationException notPosix) {
				Files.createFile(file);
			}
			Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8,
					StandardOpenOption.TRUNCATE_EXISTING);
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + file, e);
		}
	}

	/** 20 characters from an alphabet without look-alikes (0/O, 1/l/I), about 115 bits. */
	private static String generate() {
		String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}
}
