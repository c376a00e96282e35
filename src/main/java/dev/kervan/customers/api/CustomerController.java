package dev.kervan.customers.api;

import java.io.IOException;
import java.util.List;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.internal.Customer;
import dev.kervan.customers.internal.CustomerChange;
import dev.kervan.customers.internal.CustomerExport;
import dev.kervan.customers.internal.CustomerQueries;
import dev.kervan.customers.internal.CustomerQueries.Filter;
import dev.kervan.customers.internal.CustomerService;
import dev.kervan.customers.internal.CustomerViews.Detail;
import dev.kervan.customers.internal.CustomerViews.ListItem;
import dev.kervan.customers.internal.CustomerViews.Similar;
import dev.kervan.customers.internal.NewCustomer;
import dev.kervan.platform.Created;
import dev.kervan.platform.AuditEntry;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.TableExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers")
class CustomerController {

	private final CustomerService customers;
	private final CustomerQueries queries;
	private final CustomerExport export;
	private final AuditTrail audit;

	CustomerController(CustomerService customers, CustomerQueries queries, CustomerExport export, AuditTrail audit) {
		this.customers = customers;
		this.queries = queries;
		this.export = export;
		this.audit = audit;
	}

	@GetMapping
	@Operation(summary = "Accounts, searched, filtered and paged by cursor",
			description = "q finds by name (typos forgiven), tax number, email, phone in any format or contact name; "
					+ "exact matches first. Without q, sort is name or newest.")
	KeysetPage<ListItem> list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable Long sectorId, @RequestParam(required = false) @Nullable Long classId,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Long salespersonId,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable CustomerRole role,
			@RequestParam(required = false) @Nullable CustomerKind kind,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		var filter = new Filter(q, categoryId, sectorId, classId, tag, salespersonId, status, role, kind);
		return queries.page(filter, CustomerQueries.Sort.of(sort), cursor, PageLimit.of(limit));
	}

	@PostMapping
	@Operation(summary = "Create an account",
			description = "kind and name are required; the phone is stored in E.164. The same tax number in the same "
					+ "country is refused with 409 and a link to the existing account.")
	ResponseEntity<Detail> create(@RequestBody NewCustomer command) {
		Customer customer = customers.create(command);
		return Created.at("/api/v1/customers/", customer.id(), queries.detail(customer));
	}

	@GetMapping("/{id}")
	@Operation(summary = "An account with its lookups' names")
	Detail get(@PathVariable long id) {
		return queries.detail(customers.get(id));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change an account",
			description = "Only the fields sent change; null clears a field. Send the version you read in If-Match or as version "
					+ "(428 without one; a stale one: 412, or 409 in the body).")
	Detail update(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody CustomerChange change) {
		return queries.detail(customers.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Archive an account", description = "It leaves lists and searches but stays readable by id.")
	ResponseEntity<Void> archive(@PathVariable long id) {
		customers.archive(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Bring an archived account back")
	Detail restore(@PathVariable long id) {
		return queries.detail(customers.restore(id));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Who changed what on the account and its parts, newest first")
	KeysetPage<AuditEntry> history(@PathVariable long id) {
		customers.get(id);
		List<AuditEntry> entries = audit.history("customer", id);
		return new KeysetPage<>(entries, null);
	}

	@GetMapping("/similar")
	@Operation(summary = "Accounts whose names resemble the given one, to warn of duplicates")
	KeysetPage<Similar> similar(@RequestParam(required = false) @Nullable String name) {
		return new KeysetPage<>(queries.similar(name, 5), null);
	}

	@GetMapping("/export")
	@Operation(summary = "The list, with the same filters, as XLSX or CSV")
	void export(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable Long sectorId, @RequestParam(required = false) @Nullable Long classId,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Long salespersonId,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable CustomerRole role,
			@RequestParam(required = false) @Nullable CustomerKind kind, HttpServletResponse response) throws IOException {
		var filter = new Filter(q, categoryId, sectorId, classId, tag, salespersonId, status, role, kind);
		export.write(filter, TableExport.Format.of(format), response);
	}
}
