package dev.kervan.customers.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;

import dev.kervan.customers.internal.CustomerFiles;
import dev.kervan.customers.internal.CustomerParts;
import dev.kervan.customers.internal.CustomerParts.Kind;
import dev.kervan.customers.internal.PartCommands.AddressChange;
import dev.kervan.customers.internal.PartCommands.AgreementChange;
import dev.kervan.customers.internal.PartCommands.BankAccountChange;
import dev.kervan.customers.internal.PartCommands.BranchChange;
import dev.kervan.customers.internal.PartCommands.ContactChange;
import dev.kervan.customers.internal.PartCommands.NewAddress;
import dev.kervan.customers.internal.PartCommands.NewAgreement;
import dev.kervan.customers.internal.PartCommands.NewBankAccount;
import dev.kervan.customers.internal.PartCommands.NewBranch;
import dev.kervan.customers.internal.PartCommands.NewContact;
import dev.kervan.customers.internal.PartCommands.NewNote;
import dev.kervan.customers.internal.PartCommands.NewPart;
import dev.kervan.customers.internal.PartCommands.NewPaymentCard;
import dev.kervan.customers.internal.PartCommands.NewRelation;
import dev.kervan.customers.internal.PartCommands.NoteChange;
import dev.kervan.customers.internal.PartCommands.PartChange;
import dev.kervan.customers.internal.PartCommands.PaymentCardChange;
import dev.kervan.customers.internal.PartCommands.RelationChange;
import dev.kervan.customers.internal.PartViews.PartView;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

	@PostMapping("/branches")
	@Operation(summary = "Add a branch to an account")
	ResponseEntity<PartView> createBranch(@PathVariable long customerId, @RequestBody NewBranch command) {
		return created(customerId, command);
	}

	@PatchMapping("/branches/{partId}")
	@Operation(summary = "Change a branch of an account")
	PartView updateBranch(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody BranchChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/contacts")
	@Operation(summary = "Add a contact person to an account")
	ResponseEntity<PartView> createContact(@PathVariable long customerId, @RequestBody NewContact command) {
		return created(customerId, command);
	}

	@PatchMapping("/contacts/{partId}")
	@Operation(summary = "Change a contact person of an account")
	PartView updateContact(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ContactChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/addresses")
	@Operation(summary = "Add an address to an account")
	ResponseEntity<PartView> createAddress(@PathVariable long customerId, @RequestBody NewAddress command) {
		return created(customerId, command);
	}

	@PatchMapping("/addresses/{partId}")
	@Operation(summary = "Change an address of an account")
	PartView updateAddress(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody AddressChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/bank-accounts")
	@Operation(summary = "Add a bank account to an account (accountants and sales managers)")
	ResponseEntity<PartView> createBankAccount(@PathVariable long customerId, @RequestBody NewBankAccount command) {
		return created(customerId, command);
	}

	@PatchMapping("/bank-accounts/{partId}")
	@Operation(summary = "Change a bank account of an account (accountants and sales managers)")
	PartView updateBankAccount(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody BankAccountChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/payment-cards")
	@Operation(summary = "Add a payment card to an account, kept masked (accountants and sales managers)",
			description = "Send last4, expiry (MM/YY) and holder; a full card number or a security code is refused.")
	ResponseEntity<PartView> createPaymentCard(@PathVariable long customerId, @RequestBody NewPaymentCard command) {
		return created(customerId, command);
	}

	@PatchMapping("/payment-cards/{partId}")
	@Operation(summary = "Change a payment card of an account (accountants and sales managers)")
	PartView updatePaymentCard(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody PaymentCardChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/relations")
	@Operation(summary = "Relate a person to another person")
	ResponseEntity<PartView> createRelation(@PathVariable long customerId, @RequestBody NewRelation command) {
		return created(customerId, command);
	}

	@PatchMapping("/relations/{partId}")
	@Operation(summary = "Change a relation between two persons")
	PartView updateRelation(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody RelationChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/agreements")
	@Operation(summary = "Add an agreement to an account")
	ResponseEntity<PartView> createAgreement(@PathVariable long customerId, @RequestBody NewAgreement command) {
		return created(customerId, command);
	}

	@PatchMapping("/agreements/{partId}")
	@Operation(summary = "Change an agreement of an account")
	PartView updateAgreement(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody AgreementChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	@PostMapping("/notes")
	@Operation(summary = "Add a note to an account")
	ResponseEntity<PartView> createNote(@PathVariable long customerId, @RequestBody NewNote command) {
		return created(customerId, command);
	}

	@PatchMapping("/notes/{partId}")
	@Operation(summary = "Change a note of an account")
	PartView updateNote(@PathVariable long customerId, @PathVariable long partId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody NoteChange change) {
		return changed(customerId, partId, ifMatch, change);
	}

	/** A part of a kind there is none of: a path, not a body, is wrong. */
	@Hidden
	@PostMapping("/{part}")
	ResponseEntity<PartView> createUnknown(@PathVariable long customerId, @PathVariable String part) {
		throw new RecordNotFoundException("part", part);
	}

	@Hidden
	@PatchMapping("/{part}/{partId}")
	PartView updateUnknown(@PathVariable long customerId, @PathVariable String part, @PathVariable long partId) {
		throw new RecordNotFoundException("part", part);
	}

	@GetMapping("/{part}/{partId}")
	@Operation(summary = "One of an account's parts")
	PartView get(@PathVariable long customerId, @PathVariable String part, @PathVariable long partId) {
		return parts.get(customerId, kind(part), partId);
	}

	@DeleteMapping("/{part}/{partId}")
	@Operation(summary = "Remove one of an account's parts")
	ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable String part, @PathVariable long partId) {
		parts.delete(customerId, kind(part), partId);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<PartView> created(long customerId, NewPart command) {
		PartView created = parts.create(customerId, command);
		return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/" + Kind.of(command).path() + "/"
				+ created.id())).body(created);
	}

	private PartView changed(long customerId, long partId, @Nullable String ifMatch, PartChange change) {
		return parts.update(customerId, partId, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	private static Kind kind(String path) {
		return Kind.ofPath(path).orElseThrow(() -> new RecordNotFoundException("part", path));
	}
}
