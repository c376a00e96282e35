package dev.kervan.catalog.internal;

import java.util.List;
import java.util.Locale;

import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.MailAttachment;
import dev.kervan.platform.Mailer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.stereotype.Component;

/**
 * Mails a document at once, as its attachment: the person's own words first, then the document's line and a
 * closing with their name, in the document's language. Sent in the asker's request, outside any transaction, so
 * that they learn whether it went; a failure is a {@link DocumentNotSentException}, never retried behind them.
 */
@Component
class DocumentMail {

	private static final Logger log = LoggerFactory.getLogger(DocumentMail.class);

	private final Mailer mailer;
	private final MessageSource messages;

	DocumentMail(Mailer mailer, MessageSource messages) {
		this.mailer = mailer;
		this.messages = messages;
	}

	void send(String to, Locale language, @Nullable String message, String subject, String body, String sender,
			CatalogDocuments.Pdf pdf) {
		if (!mailer.configured()) {
			throw new DocumentNotSentException(503, "error.mail.not-configured");
		}
		String closing = messages.getMessage("catalog.files.mail.closing", new Object[] { sender }, language);
		String text = (message == null ? "" : message + "\n\n") + body + "\n\n" + closing;
		try {
			mailer.send(to, subject, text, List.of(new MailAttachment(pdf.filename(), "application/pdf", pdf.content())));
		}
		catch (MailParseException unusable) {
			throw InvalidInputException.of("to", "error.value.email");
		}
		catch (MailException failed) {
			// Neither addresses nor content go to the log: the kind of failure is enough to look into the server.
			log.warn("A document could not be mailed: {} ({})", failed.getClass().getSimpleName(),
					failed.getMostSpecificCause().getClass().getSimpleName());
			throw new DocumentNotSentException(502, "error.mail.failed", failed);
		}
	}
}
