package dev.kervan.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends plain-text mail over the SMTP server configured with {@code KERVAN_MAIL_HOST}. Without one, mail is
 * skipped and the log says so (never with its content). A failure to send is thrown, so that the background
 * job sending it tries again later.
 */
@Service
public class Mailer {

	private static final Logger log = LoggerFactory.getLogger(Mailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final String host;
	private final String from;

	Mailer(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
			@Value("${kervan.mail-from:kervan@localhost}") String from) {
		this.sender = sender;
		this.host = host;
		this.from = from;
	}

	public boolean configured() {
		return !host.isBlank() && sender.getIfAvailable() != null;
	}

	public void send(String to, String subject, String text) {
		if (!configured()) {
			log.info("Mail is not configured (KERVAN_MAIL_HOST): a message was not sent");
			return;
		}
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(subject);
		message.setText(text);
		sender.getObject().send(message);
	}
}
