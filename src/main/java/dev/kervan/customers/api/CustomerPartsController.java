package dev.kervan.customers.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import dev.kervan.customers.internal.CustomerFiles;
import dev.kervan.customers.internal.CustomerParts;
import dev.kervan.customers.internal.CustomerParts.Kind;
import dev.kervan.customers.internal.PartViews.PartView;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an account under {@code /api/v1/customers/{id}/}: branches, contacts, addresses,
 * bank-accounts, payment-cards, relations, agreements, notes, and attachments (files).
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Customers")
class CustomerPartsController {

	private static final String ATTACHED_FILE = "A document or image: PDF, an office document, CSV or text, "
			+ "PNG, JPEG, GIF or WebP; its content must match its kind.";

	private final CustomerParts parts;
	private final CustomerFiles files;

	CustomerPartsController(CustomerParts parts, CustomerFiles files) {
		this.parts = parts;
		this.files = files;
	}

	@GetMapping("/attachments")
	@Operation(summary = "An account's attachments, newest first")
	KeysetPage<Attachment> attachments(@PathVariable long customerId) {
		return new KeysetPage<>(files.list(customerId), null);
	}

	@PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a document or image (multipart field 'file')")
	ResponseEntity<Attachment> attach(@PathVariable long customerId,
			@Parameter(description = ATTACHED_FILE) @RequestPart("file") MultipartFile file)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			Attachment stored = files.add(customerId, String.valueOf(file.getOriginalFilename()), file.getContentType(),
					content);
			return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/attachments/" + stored.id()))
				.body(stored);
		}
	}

	@GetMapping("/attachments/{attachmentId}")
	@Operation(summary = "An attachment of the account, as the file it is")
	ResponseEntity<InputStreamResource> download(@PathVariable long customerId, @PathVariable UUID attachmentId) {
		return Attachments.download(files.find(customerId, attachmentId), files.open(customerId, attachmentId));
	}

	@DeleteMapping("/attachments/{attachmentId}")
	@Operation(summary = "Remove an attachment")
	ResponseEntity<Void> detach(@PathVariable long customerId, @PathVariable UUID attachmentId) {
		files.remove(customerId, attachmentId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{part}")
	@Operation(summary = "An account's parts of one kind, paged by cursor",
			description = "part is branches, contacts, addresses, bank-accounts, payment-cards, relations, agreements or notes.")
	KeysetPage<PartView> list(@PathVariable long customerId, @PathVariable String part,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Integer limit) {
		return parts.list(customerId, kind(part), cursor, PageLimit.of(limit));
	}

	@PostMapping("/{part}")
	@Operation(summary = "Add a part to an account",
			description = "Payment cards are kept masked: send last4, expiry (MM/YY) and holder; a full card number is refused.")
	ResponseEntity<PartView> create(@PathVariable long customerId, @PathVariable String part,
			@RequestBody @Schema(oneOf = { CustomerRequests.NewBranch.class, CustomerRequests.NewContact.class,
					CustomerRequests.NewAddress.class, CustomerRequests.NewBankAccount.class, CustomerRequests.NewPaymentCard.class,
					CustomerRequests.NewRelation.class, CustomerRequests.NewAgreement.class, CustomerRequests.NewNote.class }) JsonNode body) {
		PartView created = parts.create(customerId, kind(part), body);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/" + part + "/" + created.id()))
			.body(created);
	}

	@GetMapping("/{part}/{partId}")
	@Operation(summary = "One of an account's parts")
	PartView get(@PathVariable long customerId, @PathVariable String part, @PathVariable long partId) {
		return parts.get(customerId, kind(part), partId);
	}

	@PatchMapping("/{part}/{partId}")
	@Operation(summary = "Change one of an account's parts")
	PartView update(@PathVariable long customerId, @PathVariable String part, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody @Schema(oneOf = { CustomerRequests.BranchChange.class, CustomerRequests.ContactChange.class,
					CustomerRequests.AddressChange.class, CustomerRequests.BankAccountChange.class,
					CustomerRequests.PaymentCardChange.class, CustomerRequests.RelationChange.class,
					CustomerRequests.AgreementChange.class, CustomerRequests.NoteChange.class }) JsonNode body) {
		return parts.update(customerId, kind(part), partId, ExpectedVersion.required(ifMatch, body), body);
	}

	@DeleteMapping("/{part}/{partId}")
	@Operation(summary = "Remove one of an account's parts")
	ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable String part, @PathVariable long partId) {
		parts.delete(customerId, kind(part), partId);
		return ResponseEntity.noContent().build();
	}

	private static Kind kind(String path) {
		return Kind.ofPath(path).orElseThrow(() -> new RecordNotFoundException("part", path));
	}
}
