package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

class AttachmentsIntegrationTests extends KervanIntegrationTest {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	@Autowired
	private Attachments attachments;

	@Autowired
	private KervanProperties properties;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void aDocumentIsKeptOnDiskUnderTheDataDirectoryAndReadBack() throws IOException {
		String owner = UUID.randomUUID().toString();
		Attachment stored = attachments.store("customer", owner, "../../etc/offer.pdf", "application/pdf", stream(PDF));
		assertThat(stored.filename()).isEqualTo("offer.pdf");
		assertThat(stored.contentType()).isEqualTo("application/pdf");
		assertThat(stored.size()).isEqualTo(PDF.length);
		assertThat(attachments.list("customer", owner)).containsExactly(stored);
		try (InputStream in = attachments.open(stored.id())) {
			assertThat(in.readAllBytes()).isEqualTo(PDF);
		}
		String name = stored.id().toString();
		assertThat(Files.exists(dataDirectory().resolve("attachments").resolve(name.substring(0, 2)).resolve(name))).isTrue();

		attachments.delete(stored.id());
		assertThat(attachments.find(stored.id())).isEmpty();
		assertThat(Files.exists(dataDirectory().resolve("attachments").resolve(name.substring(0, 2)).resolve(name))).isFalse();
	}

	@Test
	void filesCanLiveInPostgresSoThatInstancesShareThem() throws IOException {
		var inDatabase = new Attachments(jdbc, withStorage("database"), new StandardEnvironment());
		Attachment stored = inDatabase.store("customer", "7", "scan.png", "image/png", stream(png()));
		assertThat(jdbc.sql("select stored_in from attachment where id = :id").param("id", stored.id()).query(String.class).single())
			.isEqualTo("DATABASE");
		try (InputStream in = attachments.open(stored.id())) {
			assertThat(in.readAllBytes()).isEqualTo(png());
		}
	}

	@Test
	void programsAndPagesAreRefusedWhateverTheyAreCalled() {
		assertRefused("invoice.pdf", "application/pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0 }, "error.attachment.type-not-allowed");
		assertRefused("report.txt", "text/plain", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
				"error.attachment.type-not-allowed");
		assertRefused("logo.svg", "image/svg+xml", "<svg onload=alert(1)></svg>".getBytes(StandardCharsets.UTF_8),
				"error.attachment.type-not-allowed");
		assertRefused("tool.elf", null, new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 }, "error.attachment.type-not-allowed");
	}

	@Test
	void theDeclaredTypeMustAgreeWithTheContent() {
		assertRefused("photo.png", "image/png", PDF, "error.attachment.type-mismatch");
	}

	@Test
	void emptyAndOversizedFilesAreRefused() {
		assertRefused("empty.txt", "text/plain", new byte[0], "error.attachment.empty");
		var small = new Attachments(jdbc, withLimit(DataSize.ofBytes(100)), new StandardEnvironment());
		assertThatThrownBy(() -> small.store("customer", "1", "big.txt", "text/plain", stream("x".repeat(101).getBytes())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().getFirst().messageCode()).isEqualTo("error.attachment.too-large"));
	}

	@Test
	void plainTextInTurkishAndPersianIsAccepted() {
		byte[] text = "Müşteri notu: ışık, çiçek — یادداشت مشتری".getBytes(StandardCharsets.UTF_8);
		Attachment stored = attachments.store("customer", "9", "not.csv", "text/csv", stream(text));
		assertThat(stored.contentType()).isEqualTo("text/csv");
	}

	@Test
	void aRolledBackUploadLeavesNoFileBehind() throws IOException {
		UUID[] id = new UUID[1];
		transactions.executeWithoutResult(status -> {
			id[0] = attachments.store("customer", "rollback", "gone.pdf", null, stream(PDF)).id();
			status.setRollbackOnly();
		});
		String name = id[0].toString();
		assertThat(Files.exists(dataDirectory().resolve("attachments").resolve(name.substring(0, 2)).resolve(name))).isFalse();
		assertThat(attachments.find(id[0])).isEmpty();
	}

	private void assertRefused(String filename, String declaredType, byte[] content, String code) {
		long before = jdbc.sql("select count(*) from attachment").query(Long.class).single();
		assertThatThrownBy(() -> attachments.store("customer", "1", filename, declaredType, stream(content)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().getFirst().messageCode()).isEqualTo(code));
		assertThat(jdbc.sql("select count(*) from attachment").query(Long.class).single()).isEqualTo(before);
	}

	private KervanProperties withStorage(String storage) {
		return new KervanProperties(properties.dataDir(), false,
				new KervanProperties.Attachments(properties.attachments().maxSize(), storage), null, null);
	}

	private KervanProperties withLimit(DataSize limit) {
		return new KervanProperties(properties.dataDir(), false, new KervanProperties.Attachments(limit, null), null, null);
	}

	private static InputStream stream(byte[] bytes) {
		return new ByteArrayInputStream(bytes);
	}

	private static byte[] png() {
		return new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
	}
}
