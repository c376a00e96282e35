package dev.kervan.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text mail, in UTF-8 and with files attached if any, over the SMTP server configured with
 * {@code KERVAN_MAIL_HOST}. Without one, mail is skipped and the log says so (never with its content or its
 * addresses). A failure to send is thrown, so that the background job sending it tries again later.
 */
@Service
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final String host;
	private final String from;

	public Mailer(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${kervan.mail-from:kervan@localhost}") String from) {
		this.sender = sender;
		this.host = host;
		this.from = from;
	}

	public boolean configured() {
		return !host.isBlank() && sender.getIfAvailable() != null;
	}

	public void send(String to, String subject, String text) {
		send(to, subject, text, List.of());
	}

	/** A mail with files: a multipart mail, the text first. Without files it is a plain one. */
	public void send(String to, String subject, String text, List<MailAttachment> attachments) {
		if (!configured()) {
			log.info("Mail is not configured (KERVAN_MAIL_HOST): a message was not sent");
			return;
		}
		JavaMailSender mail = sender.getObject();
		MimeMessage message = mail.createMimeMessage();
		try {
			String encoding = StandardCharsets.UTF_8.name();
			// Mixed, not Spring's default mixed-with-related: nothing is inline, the files are plain attachments.
			var helper = attachments.isEmpty() ? new MimeMessageHelper(message, encoding)
					: new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED, encoding);
			helper.setFrom(from);
			helper.setTo(to);
			helper.setSubject(subject);
			helper.setText(text);
			for (MailAttachment attachment : attachments) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
						attachment.contentType());
			}
		}
		catch (MessagingException e) {
			// What Spring throws for a plain message with an address mail cannot carry.
			throw new MailParseException(e);
		}
		mail.send(message);
	}
}
