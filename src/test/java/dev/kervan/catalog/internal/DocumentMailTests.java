package dev.kervan.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;

import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Languages;
import dev.kervan.platform.MailAttachment;
import dev.kervan.platform.Mailer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailSendException;

/** What the person mailing a document learns when the mail server is missing or refuses. */
class DocumentMailTests {

	private static final CatalogDocuments.Pdf PDF = new CatalogDocuments.Pdf("list.pdf", new byte[] { 1, 2, 3 });

	private final Mailer mailer = mock(Mailer.class);
	private final DocumentMail mail = new DocumentMail(mailer, messages());

	@Test
	void withoutAMailServerNothingIsSentAndTheAnswerIsServiceUnavailable() {
		when(mailer.configured()).thenReturn(false);
		assertThatThrownBy(() -> mail.send("a@b.example", Languages.TURKISH, null, "Konu", "Ek", "Ayşe", PDF))
			.isInstanceOfSatisfying(DocumentNotSentException.class, e -> {
				assertThat(e.status()).isEqualTo(503);
				assertThat(e.messageCode()).isEqualTo("error.mail.not-configured");
			});
		verify(mailer).configured();
	}

	@Test
	void aRefusingMailServerIsABadGatewayAndAnUnusableAddressBadInput() {
		when(mailer.configured()).thenReturn(true);
		doThrow(new MailSendException("554 no")).when(mailer).send(anyString(), anyString(), anyString(), anyList());
		assertThatThrownBy(() -> mail.send("a@b.example", Languages.ENGLISH, null, "Subject", "Attached", "Ayşe", PDF))
			.isInstanceOfSatisfying(DocumentNotSentException.class, e -> assertThat(e.status()).isEqualTo(502));

		doThrow(new MailParseException("bad")).when(mailer).send(eq("bad@"), anyString(), anyString(), anyList());
		assertThatThrownBy(() -> mail.send("bad@", Languages.ENGLISH, null, "Subject", "Attached", "Ayşe", PDF))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePersonsWordsComeFirstThenTheDocumentsLineAndTheirName() {
		when(mailer.configured()).thenReturn(true);
		mail.send("a@b.example", Languages.TURKISH, "Merhaba Ali Bey,", "Konu", "Fiyat listemiz ektedir.", "Ayşe Demir", PDF);
		var attachments = ArgumentCaptor.forClass(List.class);
		var text = ArgumentCaptor.forClass(String.class);
		verify(mailer).send(eq("a@b.example"), eq("Konu"), text.capture(), attachments.capture());
		assertThat(text.getValue()).isEqualTo("Merhaba Ali Bey,\n\nFiyat listemiz ektedir.\n\nSaygılarımızla,\nAyşe Demir");
		assertThat((List<MailAttachment>) attachments.getValue()).singleElement()
			.satisfies(a -> assertThat(a.contentType()).isEqualTo("application/pdf"));
	}

	private static ResourceBundleMessageSource messages() {
		var messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
