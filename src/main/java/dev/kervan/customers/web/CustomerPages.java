package dev.kervan.customers.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.internal.Customer;
import dev.kervan.customers.internal.CustomerExport;
import dev.kervan.customers.internal.CustomerFiles;
import dev.kervan.customers.internal.CustomerParts;
import dev.kervan.customers.internal.CustomerParts.Kind;
import dev.kervan.customers.internal.CustomerPolicy;
import dev.kervan.customers.internal.CustomerQueries;
import dev.kervan.customers.internal.CustomerQueries.Filter;
import dev.kervan.customers.internal.CustomerService;
import dev.kervan.customers.internal.CustomerSettings;
import dev.kervan.customers.internal.CustomerViews.Detail;
import dev.kervan.customers.internal.ExtraField;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts' pages: the list, the account page with its tabs, and the forms to create and change accounts and
 * their parts. Every form goes through the same rules as the API; refusals come back beside the fields.
 */
@Controller
@RequestMapping("/customers")
class CustomerPages {

	/** The fields of the account form. */
	static final Set<String> FIELDS = Set.of("kind", "name", "roles", "status", "country", "taxOffice", "taxNumber",
			"email", "phone", "website", "categoryId", "sectorId", "sizeBandId", "classId", "tags", "salespersonId",
			"paymentTermDays", "creditLimit", "riskLimit", "currency", "language", "eInvoiceAlias", "receivableAccount",
			"payableAccount", "birthDate", "externalRef");

	/** The fields each kind of part's form has. */
	static final Map<Kind, Set<String>> PART_FIELDS = Map.of(
			Kind.BRANCHES, Set.of("name", "email", "phone", "address", "city", "managerName", "notes"),
			Kind.CONTACTS, Set.of("name", "jobTitle", "department", "email", "phone", "mobile", "branchId", "language", "portalAccess"),
			Kind.ADDRESSES, Set.of("purpose", "label", "line1", "line2", "district", "city", "region", "postalCode", "country"),
			Kind.BANK_ACCOUNTS, Set.of("iban", "bankName", "holder", "currency"),
			Kind.PAYMENT_CARDS, Set.of("last4", "expiry", "holder", "brand"),
			Kind.RELATIONS, Set.of("relatedId", "type", "note"),
			Kind.AGREEMENTS, Set.of("title", "startsOn", "endsOn", "attachmentId", "notes"),
			Kind.NOTES, Set.of("text"));

	private final CustomerService customers;
	private final CustomerQueries queries;
	private final CustomerParts parts;
	private final CustomerFiles files;
	private final CustomerSettings settings;
	private final CustomerPolicy policy;
	private final CustomerExport export;
	private final AuditTrail audit;
	private final MessageSource messages;
	private final CustomerOptions options;

	CustomerPages(CustomerService customers, CustomerQueries queries, CustomerParts parts, CustomerFiles files,
			CustomerSettings settings, CustomerPolicy policy, CustomerExport export, AuditTrail audit,
			MessageSource messages, CustomerOptions options) {
		this.options = options;
		this.customers = customers;
		this.queries = queries;
		this.parts = parts;
		this.files = files;
		this.settings = settings;
		this.policy = policy;
		this.export = export;
		this.audit = audit;
		this.messages = messages;
	}

	/** The forms' choices, as a model attribute: fragment parameters may not reach beans directly. */
	@org.springframework.web.bind.annotation.ModelAttribute("options")
	CustomerOptions options() {
		return options;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable Long sectorId, @RequestParam(required = false) @Nullable Long classId,
			@RequestParam(required = false) @Nullable String tag,
			@RequestParam(required = false) @Nullable Long salespersonId,
			@RequestParam(required = false) @Nullable CustomerStatus status,
			@RequestParam(required = false) @Nullable CustomerRole role,
			@RequestParam(required = false) @Nullable CustomerKind kind,
			@RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String cursor,
			@RequestHeader(name = "HX-Target", required = false) @Nullable String htmxTarget, Model model) {
		CurrentUser user = policy.requireReader();
		var filter = new Filter(q, categoryId, sectorId, classId, tag, salespersonId, status, role, kind);
		var order = CustomerQueries.Sort.of(sort);
		model.addAttribute("filter", filter);
		model.addAttribute("sort", order.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("page", queries.page(filter, order, cursor, PageLimit.of(null)));
		model.addAttribute("firstPage", cursor == null || cursor.isBlank());
		model.addAttribute("mayCreate", user.has(Role.SALESPERSON));
		model.addAttribute("mayImport", user.has(Role.SALES_MANAGER));
		return "customer-list".equals(htmxTarget) ? "customers/list :: customer-list" : "customers/list";
	}

	@GetMapping("/export")
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

	@GetMapping("/similar")
	String similar(@RequestParam(required = false) @Nullable String name, Model model) {
		model.addAttribute("similar", queries.similar(name, 5));
		return "customers/form :: similar-names";
	}

	/** The extra fields of a category, for the form when its category changes. */
	@GetMapping("/extra-fields")
	String extraFields(@RequestParam(required = false) @Nullable Long categoryId, Model model) {
		policy.requireReader();
		model.addAttribute("form", FormState.empty());
		model.addAttribute("extraFields", categoryId == null ? List.of()
				: settings.fields(categoryId).stream().filter(ExtraField::active).toList());
		return "customers/form :: extra-fields";
	}

	@GetMapping("/new")
	String newCustomer(@RequestParam(required = false) @Nullable String name, Model model) {
		policy.requireCreator();
		var values = new LinkedHashMap<String, String>();
		values.put("name", name == null ? "" : name.strip());
		values.put("kind", "COMPANY");
		values.put("status", "ACTIVE");
		values.put("country", "TR");
		values.put("currency", "TRY");
		values.put("language", "tr");
		FormState form = FormState.of(values);
		model.addAttribute("form", form);
		model.addAttribute("roleValues", List.of("CUSTOMER"));
		return editForm(model, null, null);
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, withExtraFields(FIELDS, submitted), Set.of("roles"));
		try {
			Customer customer = customers.create(json(form, true));
			return "redirect:/customers/" + customer.id() + "?created";
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages).unplaced(withExtraFields(FIELDS, submitted)));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return editForm(model, null, categoryOf(form));
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "overview") String tab, Model model) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.get(id);
		Detail detail = queries.detail(customer);
		model.addAttribute("customer", detail);
		model.addAttribute("mayEdit", policy.mayEdit(user, customer) && !customer.archived());
		model.addAttribute("mayEditFinance", policy.mayEditFinance(user) && !customer.archived());
		for (Kind kind : Kind.values()) {
			model.addAttribute(camel(kind), parts.all(id, kind));
		}
		model.addAttribute("files", files.list(id));
		model.addAttribute("history", audit.history("customer", id));
		model.addAttribute("extraLabels", extraLabels(detail.categoryId()));
		if (!model.containsAttribute("partForm")) {
			model.addAttribute("partForm", FormState.empty());
		}
		model.addAttribute("tab", TABS.contains(tab) ? tab : "overview");
		return "customers/page";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.get(id);
		boolean mayEdit = policy.mayEdit(user, customer);
		if (!mayEdit && !policy.mayEditFinance(user)) {
			policy.requireEdit(user, customer);
		}
		// Accountants change the credit terms only: the other fields are shown, disabled, and so not sent.
		model.addAttribute("mayEditGeneral", mayEdit);
		Detail detail = queries.detail(customer);
		var values = new LinkedHashMap<String, String>();
		values.put("kind", detail.kind().name());
		values.put("name", detail.name());
		values.put("status", detail.status().name());
		values.put("country", detail.country());
		values.put("taxOffice", detail.taxOffice());
		values.put("taxNumber", detail.taxNumber());
		values.put("email", detail.email());
		values.put("phone", detail.phoneDisplay());
		values.put("website", detail.website());
		values.put("categoryId", text(detail.categoryId()));
		values.put("sectorId", text(detail.sectorId()));
		values.put("sizeBandId", text(detail.sizeBandId()));
		values.put("classId", text(detail.classId()));
		values.put("tags", String.join(", ", detail.tags()));
		values.put("salespersonId", text(detail.salespersonId()));
		values.put("paymentTermDays", text(detail.paymentTermDays()));
		values.put("creditLimit", detail.creditLimit() == null ? "" : detail.creditLimit().toPlainString());
		values.put("riskLimit", detail.riskLimit() == null ? "" : detail.riskLimit().toPlainString());
		values.put("currency", detail.currency());
		values.put("language", detail.language());
		values.put("eInvoiceAlias", detail.eInvoiceAlias());
		values.put("receivableAccount", detail.receivableAccount());
		values.put("payableAccount", detail.payableAccount());
		values.put("birthDate", detail.birthDate() == null ? "" : detail.birthDate().toString());
		values.put("externalRef", detail.externalRef());
		detail.extraFields().forEach((code, value) -> values.put("extraFields." + code, value));
		model.addAttribute("form", FormState.of(values));
		model.addAttribute("roleValues", detail.roles().stream().map(Enum::name).toList());
		model.addAttribute("version", detail.version());
		return editForm(model, detail, detail.categoryId());
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			@RequestParam(required = false) @Nullable Long version, Model model, HttpServletResponse response) {
		CurrentUser user = policy.requireReader();
		Customer current = customers.get(id);
		// A field the user may not change is refused with the whole form (403), never left out in silence: the
		// page would say "saved" and nothing would be. The form sends accountants' finance fields only.
		Set<String> sent = submitted.keySet().stream().filter(withExtraFields(FIELDS, submitted)::contains)
			.collect(java.util.stream.Collectors.toSet());
		boolean sendsFinance = sent.stream().anyMatch(FINANCE_FIELDS::contains);
		if (!sendsFinance || !FINANCE_FIELDS.containsAll(sent)) {
			policy.requireEdit(user, current);
		}
		if (sendsFinance) {
			policy.requireFinance(user);
		}
		Set<String> editable = new java.util.HashSet<>(FIELDS);
		if (!policy.mayEdit(user, current)) {
			editable.retainAll(FINANCE_FIELDS);
		}
		FormState form = FormState.from(submitted, withExtraFields(editable, submitted), Set.of("roles"));
		try {
			customers.update(id, ExpectedVersion.fromForm(version), json(form, false));
			return "redirect:/customers/" + id + "?saved";
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages).unplaced(withExtraFields(FIELDS, submitted)));
			model.addAttribute("roleValues", form.list("roles"));
			model.addAttribute("version", version);
			model.addAttribute("mayEditGeneral", policy.mayEdit(user, current));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return editForm(model, queries.detail(current), categoryOf(form));
		}
	}

	private static final List<String> TABS = List.of("overview", "branches", "contacts", "addresses", "bank", "notes",
			"agreements", "relations", "history");

	private static final Set<String> FINANCE_FIELDS = Set.of("paymentTermDays", "creditLimit", "riskLimit", "currency",
			"receivableAccount", "payableAccount");

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		customers.archive(id);
		redirect.addFlashAttribute("notice", "customer.archived");
		return "redirect:/customers/" + id;
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		customers.restore(id);
		redirect.addFlashAttribute("notice", "customer.restored");
		return "redirect:/customers/" + id;
	}

	@PostMapping("/{id}/parts/{part}")
	String addPart(@PathVariable long id, @PathVariable String part, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		Kind kind = kind(part);
		FormState form = FormState.from(submitted, PART_FIELDS.get(kind), Set.of());
		var json = form.toJson(true, Set.of());
		if (kind == Kind.CONTACTS) {
			json.put("portalAccess", submitted.containsKey("portalAccess"));
		}
		try {
			parts.create(id, kind, json);
			redirect.addFlashAttribute("notice", "customer.part.added");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("partForm", form.reject(refusal, messages).unplaced(PART_FIELDS.get(kind)));
			redirect.addFlashAttribute("failedPart", kind.path());
		}
		return "redirect:/customers/" + id + "?tab=" + tabOf(kind);
	}

	@PostMapping("/{id}/parts/{part}/{partId}/delete")
	String removePart(@PathVariable long id, @PathVariable String part, @PathVariable long partId,
			RedirectAttributes redirect) {
		Kind kind = kind(part);
		parts.delete(id, kind, partId);
		redirect.addFlashAttribute("notice", "customer.part.removed");
		return "redirect:/customers/" + id + "?tab=" + tabOf(kind);
	}

	@PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			files.add(id, String.valueOf(file.getOriginalFilename()), file.getContentType(), content);
			redirect.addFlashAttribute("notice", "customer.file.added");
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("fileError", FormState.empty().reject(refusal, messages).unplaced(Set.of()).general());
		}
		return "redirect:/customers/" + id + "?tab=notes";
	}

	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable UUID fileId) {
		Attachment attachment = files.find(id, fileId);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(attachment.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(attachment.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(files.open(id, fileId)));
	}

	@PostMapping("/{id}/files/{fileId}/delete")
	String detach(@PathVariable long id, @PathVariable UUID fileId, RedirectAttributes redirect) {
		files.remove(id, fileId);
		redirect.addFlashAttribute("notice", "customer.file.removed");
		return "redirect:/customers/" + id + "?tab=notes";
	}

	private String editForm(Model model, @Nullable Detail customer, @Nullable Long category) {
		model.addAttribute("customer", customer);
		FormState form = (FormState) model.getAttribute("form");
		if (form != null && !model.containsAttribute("roleValues")) {
			model.addAttribute("roleValues", form.list("roles"));
		}
		model.addAttribute("extraFields", category == null ? List.of()
				: settings.fields(category).stream().filter(ExtraField::active).toList());
		CurrentUser user = policy.requireReader();
		model.addAttribute("mayEditFinance", policy.mayEditFinance(user));
		return "customers/form";
	}

	/** The form's fields plus the extra fields it was sent with ({@code extraFields.<code>}). */
	private static Set<String> withExtraFields(Set<String> fields, MultiValueMap<String, String> submitted) {
		var all = new java.util.HashSet<>(fields);
		submitted.keySet().stream().filter(name -> name.startsWith("extraFields.")).forEach(all::add);
		return all;
	}

	/** The form as the JSON the rules read: tags split at commas, extra fields gathered into one object. */
	private static tools.jackson.databind.node.ObjectNode json(FormState form, boolean creating) {
		var json = form.toJson(creating, Set.of("tags"));
		var extra = json.objectNode();
		for (String name : new java.util.ArrayList<>(json.propertyNames())) {
			if (name.startsWith("extraFields.")) {
				var value = json.remove(name);
				extra.set(name.substring("extraFields.".length()), value);
			}
		}
		if (!extra.isEmpty()) {
			json.set("extraFields", extra);
		}
		return json;
	}

	private static @Nullable Long categoryOf(FormState form) {
		try {
			return form.value("categoryId").isBlank() ? null : Long.valueOf(form.value("categoryId"));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private Map<String, String> extraLabels(@Nullable Long category) {
		var labels = new LinkedHashMap<String, String>();
		if (category != null) {
			settings.fields(category).forEach(field -> labels.put(field.code(), field.label()));
		}
		return labels;
	}

	private static Kind kind(String path) {
		return Kind.ofPath(path).orElseThrow(() -> new RecordNotFoundException("part", path));
	}

	private static String tabOf(Kind kind) {
		return switch (kind) {
			case BANK_ACCOUNTS, PAYMENT_CARDS -> "bank";
			case NOTES -> "notes";
			default -> kind.path();
		};
	}

	private static String camel(Kind kind) {
		String[] words = kind.path().split("-");
		var name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}
}
