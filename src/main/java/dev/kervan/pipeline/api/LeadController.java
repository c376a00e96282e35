package dev.kervan.pipeline.api;

import java.net.URI;

import dev.kervan.pipeline.LeadStatus;
import dev.kervan.pipeline.internal.LeadImport;
import dev.kervan.pipeline.internal.LeadRow;
import dev.kervan.pipeline.internal.Leads;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import tools.jackson.databind.node.JsonNodeFactory;

@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Pipeline")
class LeadController {

	private final Leads leads;
	private final LeadImport imports;
	private final AuditTrail audit;

	LeadController(Leads leads, LeadImport imports, AuditTrail audit) {
		this.leads = leads;
		this.imports = imports;
		this.audit = audit;
	}

	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import leads from a CSV or XLSX file (multipart field file, at most 5,000 rows)",
			description = "Columns by header: title, contactName, companyName, email, phone, source, campaign, notes (also in "
					+ "Turkish or Persian). Good rows are kept; refused rows are answered with their row number and reason.")
	LeadImport.Result importFile(@RequestPart("file") MultipartFile file) throws java.io.IOException {
		return imports.run(file.getOriginalFilename() == null ? "leads.csv" : file.getOriginalFilename(), file.getBytes());
	}

	@GetMapping
	@Operation(summary = "Leads the user may see, newest first")
	KeysetPage<LeadRow> list(@RequestParam(required = false) @Nullable LeadStatus status,
			@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return leads.list(status, teamId, cursor, PageLimit.of(limit));
	}

	@PostMapping
	@Operation(summary = "Enter a lead", description = "title is required; contactName, companyName, email, phone, source, "
			+ "campaign, expectedRevenue, currency, priority, tags, salespersonId and teamId are optional.")
	ResponseEntity<LeadRow> create(@RequestBody JsonNode body) {
		LeadRow lead = leads.create(PatchDocument.of(body));
		return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).body(lead);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A lead")
	LeadRow get(@PathVariable long id) {
		return leads.get(id);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a lead's fields")
	LeadRow update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody JsonNode body) {
		return leads.update(id, ExpectedVersion.required(ifMatch, body), PatchDocument.of(body));
	}

	@PostMapping("/{id}/qualify")
	@Operation(summary = "Qualify a lead")
	LeadRow qualify(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return leads.qualify(id, ExpectedVersion.optional(ifMatch, body));
	}

	@PostMapping("/{id}/disqualify")
	@Operation(summary = "Disqualify with a reason")
	LeadRow disqualify(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody JsonNode body) {
		return leads.disqualify(id, ExpectedVersion.optional(ifMatch, body), PatchDocument.of(body));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a disqualified lead")
	LeadRow reopen(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable JsonNode body) {
		return leads.reopen(id, ExpectedVersion.optional(ifMatch, body));
	}

	@PostMapping("/{id}/convert")
	@Operation(summary = "Convert into an opportunity",
			description = "With customerId the opportunity is for that account; without, an account is opened from the lead "
					+ "(company or contact name, email, phone, optional taxNumber), refused with 409 when the tax number is known.")
	@ApiResponse(responseCode = "200", description = "Converted; Location names the opportunity.", useReturnTypeSchema = true)
	ResponseEntity<Leads.Conversion> convert(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable JsonNode body) {
		JsonNode document = body == null ? JsonNodeFactory.instance.objectNode() : body;
		Leads.Conversion conversion = leads.convert(id, ExpectedVersion.optional(ifMatch, document), PatchDocument.of(document));
		return ResponseEntity.ok().location(URI.create("/api/v1/opportunities/" + conversion.opportunityId())).body(conversion);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what on the lead, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		leads.get(id);
		return new KeysetPage<>(audit.history("lead", id), null);
	}
}
