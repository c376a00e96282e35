package dev.kervan.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.kervan.platform.internal.ContentSniffer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files attached to business records. A file is checked before it is kept: not larger than the configured
 * limit, and of a kind its content proves (documents and images), whatever name or type it came with. Files
 * live on disk under the data directory or in PostgreSQL; the second lets several instances share them.
 */
@Service
public class Attachments {

	private static final String COLUMNS = "id, owner_type, owner_id, filename, content_type, size_bytes, sha256, created_at, created_by";

	private static final RowMapper<Attachment> ROW = (rs, n) -> new Attachment(rs.getObject("id", UUID.class),
			rs.getString("owner_type"), rs.getString("owner_id"), rs.getString("filename"), rs.getString("content_type"),
			rs.getLong("size_bytes"), rs.getString("sha256"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
			rs.getString("created_by"));

	private final JdbcClient jdbc;
	private final long maxSize;
	private final boolean inDatabase;
	private final Path directory;

	Attachments(JdbcClient jdbc, KervanProperties properties, Environment environment) {
		this.jdbc = jdbc;
		this.maxSize = properties.attachments().maxSize().toBytes();
		String storage = properties.attachments().storage();
		boolean externalDatabase = !environment.getProperty("spring.datasource.url", "").isBlank();
		this.inDatabase = storage == null || storage.isBlank() ? externalDatabase : storage.equalsIgnoreCase("database");
		this.directory = properties.absoluteDataDir().resolve("attachments");
	}

	/**
	 * Checks and keeps a file.
	 *
	 * @param declaredType the content type the uploader claimed, if any; it must agree with the content
	 * @throws InvalidInputException (field {@code file}) when the file is empty, too large or of a refused kind, or
	 * its name holds a control character or one that changes the writing direction
	 */
	@Transactional
	public Attachment store(String ownerType, String ownerId, String filename, @Nullable String declaredType,
			InputStream content) {
		String name = cleanFilename(filename);
		byte[] bytes = readAtMost(content);
		String type = ContentSniffer.detect(bytes, name)
			.orElseThrow(() -> InvalidInputException.of("file", "error.attachment.type-not-allowed", name));
		if (!ContentSniffer.agrees(declaredType, type)) {
			throw InvalidInputException.of("file", "error.attachment.type-mismatch", String.valueOf(declaredType), type);
		}
		UUID id = UUID.randomUUID();
		String createdBy = Actor.current().map(Actor::username).orElse("system");
		jdbc.sql("""
				insert into attachment (id, owner_type, owner_id, filename, content_type, size_bytes, sha256, stored_in, content, created_by)
				values (:id, :ownerType, :ownerId, :filename, :type, :size, :sha, :storedIn, :content, :createdBy)""")
			.param("id", id)
			.param("ownerType", ownerType)
			.param("ownerId", ownerId)
			.param("filename", name)
			.param("type", type)
			.param("size", bytes.length)
			.param("sha", sha256(bytes))
			.param("storedIn", inDatabase ? "DATABASE" : "DISK")
			.param("content", inDatabase ? bytes : null)
			.param("createdBy", createdBy)
			.update();
		if (!inDatabase) {
			writeFile(id, bytes);
		}
		return find(id).orElseThrow();
	}

	/** The answer that hands a stored file to the browser as a download, with its name in UTF-8. */
	public static org.springframework.http.ResponseEntity<org.springframework.core.io.InputStreamResource> download(
			Attachment attachment, InputStream content) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(attachment.contentType()))
			.contentLength(attachment.size())
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(attachment.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new org.springframework.core.io.InputStreamResource(content));
	}

	public List<Attachment> list(String ownerType, String ownerId) {
		return jdbc.sql("select " + COLUMNS + " from attachment where owner_type = :type and owner_id = :id order by created_at, id")
			.param("type", ownerType)
			.param("id", ownerId)
			.query(ROW)
			.list();
	}

	public Optional<Attachment> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from attachment where id = :id").param("id", id).query(ROW).optional();
	}

	/** The file's bytes; the caller closes the stream. */
	public InputStream open(UUID id) {
		StoredContent stored = jdbc.sql("select stored_in, content from attachment where id = :id")
			.param("id", id)
			.query((rs, n) -> new StoredContent(rs.getString("stored_in"), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("attachment", id));
		if (stored.content() != null) {
			return new ByteArrayInputStream(stored.content());
		}
		try {
			return Files.newInputStream(fileOf(id));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Attachment " + id + " is missing on disk", e);
		}
	}

	private record StoredContent(String storedIn, byte @Nullable [] content) {
	}

	@Transactional
	public void delete(UUID id) {
		int deleted = jdbc.sql("delete from attachment where id = :id").param("id", id).update();
		if (deleted == 0) {
			throw new RecordNotFoundException("attachment", id);
		}
		afterCommit(() -> deleteQuietly(fileOf(id)));
	}

	private byte[] readAtMost(InputStream content) {
		try (content) {
			byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxSize + 1));
			if (bytes.length > maxSize) {
				throw InvalidInputException.of("file", "error.attachment.too-large", maxSize / (1024 * 1024));
			}
			if (bytes.length == 0) {
				throw InvalidInputException.of("file", "error.attachment.empty");
			}
			return bytes;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void writeFile(UUID id, byte[] bytes) {
		Path target = fileOf(id);
		try {
			Files.createDirectories(target.getParent());
			Path temporary = Files.createTempFile(target.getParent(), id.toString(), ".part");
			Files.write(temporary, bytes);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write attachment " + id, e);
		}
		// A rolled-back upload must not leave its file behind.
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					deleteQuietly(target);
				}
			}
		});
	}

	private void afterCommit(Runnable action) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				action.run();
			}
		});
	}

	private Path fileOf(UUID id) {
		String name = id.toString();
		return directory.resolve(name.substring(0, 2)).resolve(name);
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// An orphaned file wastes space but harms nobody; the row is what counts.
		}
	}

	/**
	 * The name without its folders. A name with a control character or one that changes the writing direction is
	 * refused: {@code \u202Egnp.exe} shows as {@code exe.png}.
	 */
	private static String cleanFilename(String filename) {
		String name = filename.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		TextHygiene.codeProblem(name).ifPresent(problem -> {
			throw InvalidInputException.of("file", problem);
		});
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw InvalidInputException.of("file", "error.attachment.no-name");
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).toLowerCase(Locale.ROOT);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
