package dev.kervan.pipeline.api;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import dev.kervan.pipeline.LeadAction;
import dev.kervan.pipeline.LeadStatus;
import dev.kervan.pipeline.internal.ConvertLead;
import dev.kervan.pipeline.internal.DisqualifyLead;
import dev.kervan.pipeline.internal.LeadChange;
import dev.kervan.pipeline.internal.LeadImport;
import dev.kervan.pipeline.internal.LeadRow;
import dev.kervan.pipeline.internal.Leads;
import dev.kervan.pipeline.internal.NewLead;
import dev.kervan.platform.Created;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.VersionBody;
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
	KeysetPage<LeadView> list(@RequestParam(required = false) @Nullable LeadStatus status,
			@RequestParam(required = false) @Nullable Long teamId, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		KeysetPage<LeadRow> page = leads.list(status, teamId, cursor, PageLimit.of(limit));
		Map<Long, Set<LeadAction>> actions = leads.availableActions(page.items());
		return new KeysetPage<>(page.items().stream().map(row -> LeadView.of(row, actions.get(row.id()))).toList(),
				page.nextCursor());
	}

	@PostMapping
	@Operation(summary = "Enter a lead", description = "title is required; the team defaults to the user's, the "
			+ "salesperson to the user when they sell.")
	ResponseEntity<LeadView> create(@RequestBody NewLead command) {
		LeadRow lead = leads.create(command);
		return Created.at("/api/v1/leads/", lead.id(), view(lead));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A lead")
	LeadView get(@PathVariable long id) {
		return view(leads.get(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a lead's fields", description = "Its status changes with qualify, disqualify, reopen and convert.")
	LeadView update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody LeadChange change) {
		return view(leads.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	@PostMapping("/{id}/qualify")
	@Operation(summary = "Qualify a new lead")
	LeadView qualify(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable VersionBody body) {
		return view(leads.qualify(id, ExpectedVersion.optionalVersion(ifMatch, VersionBody.versionOf(body))));
	}

	@PostMapping("/{id}/disqualify")
	@Operation(summary = "Disqualify with a reason")
	LeadView disqualify(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody DisqualifyLead command) {
		return view(leads.disqualify(id, ExpectedVersion.optionalVersion(ifMatch, command.version()), command));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "Reopen a disqualified lead")
	LeadView reopen(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable VersionBody body) {
		return view(leads.reopen(id, ExpectedVersion.optionalVersion(ifMatch, VersionBody.versionOf(body))));
	}

	@PostMapping("/{id}/convert")
	@Operation(summary = "Convert into an opportunity",
			description = "With customerId the opportunity is for that account; without, an account is opened from the lead "
					+ "(company or contact name, email, phone, optional taxNumber), refused with 409 when the tax number is known.")
	@ApiResponse(responseCode = "200", description = "Converted; Location names the opportunity.", useReturnTypeSchema = true)
	ResponseEntity<Leads.Conversion> convert(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody(required = false) @Nullable ConvertLead body) {
		ConvertLead command = body == null ? ConvertLead.intoNewAccount() : body;
		Leads.Conversion conversion = leads.convert(id, ExpectedVersion.optionalVersion(ifMatch, command.version()), command);
		return ResponseEntity.ok().location(URI.create("/api/v1/opportunities/" + conversion.opportunityId())).body(conversion);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what on the lead, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		leads.get(id);
		return new KeysetPage<>(audit.history("lead", id), null);
	}

	private LeadView view(LeadRow row) {
		return LeadView.of(row, leads.availableActions(row));
	}
}
