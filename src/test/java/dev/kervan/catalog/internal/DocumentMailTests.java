package dev.kervan.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Mailer;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What the person mailing a document learns when the mail server is missing or refuses, against real SMTP peers: a
 * GreenMail server, and a local server that turns every connection away.
 */
class DocumentMailTests {

	private static final CatalogDocuments.Pdf PDF = new CatalogDocuments.Pdf("list.pdf", new byte[] { 1, 2, 3 });

	@Test
	void withoutAMailServerNothingIsSentAndTheAnswerIsServiceUnavailable() {
		var mail = new DocumentMail(mailer("", 25), messages());
		assertThatThrownBy(() -> mail.send("a@b.example", Languages.TURKISH, null, "Konu", "Ek", "Ayşe", PDF))
			.isInstanceOfSatisfying(DocumentNotSentException.class, e -> {
				assertThat(e.status()).isEqualTo(503);
				assertThat(e.messageCode()).isEqualTo("error.mail.not-configured");
			});
	}

	@Test
	void aRefusingMailServerIsABadGatewayAndAnUnusableAddressBadInput() throws Exception {
		try (var refusing = new ServerSocket(0)) {
			Thread.ofPlatform().daemon().start(() -> turnAway(refusing));
			var mail = new DocumentMail(mailer("127.0.0.1", refusing.getLocalPort()), messages());
			assertThatThrownBy(() -> mail.send("a@b.example", Languages.ENGLISH, null, "Subject", "Attached", "Ayşe", PDF))
				.isInstanceOfSatisfying(DocumentNotSentException.class, e -> assertThat(e.status()).isEqualTo(502));
			assertThatThrownBy(() -> mail.send("bad@", Languages.ENGLISH, null, "Subject", "Attached", "Ayşe", PDF))
				.isInstanceOf(InvalidInputException.class);
		}
	}

	@Test
	void thePersonsWordsComeFirstThenTheDocumentsLineAndTheirName() throws Exception {
		var server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		server.start();
		try {
			var mail = new DocumentMail(mailer("127.0.0.1", server.getSmtp().getPort()), messages());
			mail.send("a@b.example", Languages.TURKISH, "Merhaba Ali Bey,", "Konu", "Fiyat listemiz ektedir.", "Ayşe Demir", PDF);
			var received = server.getReceivedMessages();
			assertThat(received).hasSize(1);
			var parts = (MimeMultipart) received[0].getContent();
			assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
				.isEqualTo("Merhaba Ali Bey,\n\nFiyat listemiz ektedir.\n\nSaygılarımızla,\nAyşe Demir");
			assertThat(parts.getBodyPart(1).isMimeType("application/pdf")).isTrue();
		}
		finally {
			server.stop();
		}
	}

	/** An SMTP server that is there but takes no mail: it greets every connection with a refusal and hangs up. */
	private static void turnAway(ServerSocket server) {
		while (!server.isClosed()) {
			try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
				out.write("554 5.3.2 No mail accepted here\r\n".getBytes(StandardCharsets.US_ASCII));
				out.flush();
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private static Mailer mailer(String host, int port) {
		var sender = new JavaMailSenderImpl();
		sender.setHost(host.isEmpty() ? null : host);
		sender.setPort(port);
		var beans = new StaticListableBeanFactory(Map.of("mailSender", sender));
		return new Mailer(beans.getBeanProvider(JavaMailSender.class), host, "kervan@localhost");
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
