package dev.kervan.platform;

/**
 * A file sent with a mail, e.g. the PDF of an invoice.
 *
 * @param filename the name the recipient sees, e.g. {@code SO-2026-000123.pdf}
 * @param contentType the file's media type, e.g. {@code application/pdf}
 * @param content the file itself
 */
public record MailAttachment(String filename, String contentType, byte[] content) {
}
