package dev.kervan.customers.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.internal.Customer;
import dev.kervan.customers.internal.CustomerChange;
import dev.kervan.customers.internal.CustomerExport;
import dev.kervan.customers.internal.CustomerFiles;
import dev.kervan.customers.internal.CustomerPageModels;
import dev.kervan.customers.internal.CustomerParts;
import dev.kervan.customers.internal.CustomerParts.Kind;
import dev.kervan.customers.internal.CustomerPolicy;
import dev.kervan.customers.internal.CustomerQueries;
import dev.kervan.customers.internal.CustomerQueries.Filter;
import dev.kervan.customers.internal.CustomerService;
import dev.kervan.customers.internal.NewCustomer;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.TableExport;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
			"teamId", "priceListId", "paymentTermDays", "creditLimit", "riskLimit", "currency", "language", "eInvoiceAlias", "receivableAccount",
			"payableAccount", "birthDate", "externalRef");

	private static final String EXTRA_FIELD = "extraFields.";

	private static final Set<String> FINANCE_FIELDS = Set.of("paymentTermDays", "creditLimit", "riskLimit", "currency",
			"receivableAccount", "payableAccount");

	private final CustomerPageModels pages;
	private final CustomerService customers;
	private final CustomerQueries queries;
	private final CustomerParts parts;
	private final CustomerFiles files;
	private final CustomerPolicy policy;
	private final CustomerExport export;
	private final CustomerOptions options;
	private final Forms forms;
	private final Commands commands;

	CustomerPages(CustomerPageModels pages, CustomerService customers, CustomerQueries queries, CustomerParts parts,
			CustomerFiles files, CustomerPolicy policy, CustomerExport export, CustomerOptions options, Forms forms,
			Commands commands) {
		this.commands = commands;
		this.pages = pages;
		this.customers = customers;
		this.queries = queries;
		this.parts = parts;
		this.files = files;
		this.policy = policy;
		this.export = export;
		this.options = options;
		this.forms = forms;
	}

	/** The forms' choices, as a model attribute: fragment parameters may not reach beans directly. */
	@ModelAttribute("options")
	CustomerOptions options() {
		return options;
	}

	@GetMapping
	String list(ListQuery query, Model model) {
		model.addAllAttributes(pages.list(query.filter(), query.sort(), query.cursor()).toModel());
		return "customers/list";
	}

	/** The list alone, for the filter bar. */
	@HxRequest(target = "customer-list")
	@GetMapping
	String listOnly(ListQuery query, Model model) {
		list(query, model);
		return "customers/list :: customer-list";
	}

	/** What the list and its export are asked with. */
	record ListQuery(@Nullable String q, @Nullable Long categoryId, @Nullable Long sectorId, @Nullable Long classId,
			@Nullable String tag, @Nullable Long salespersonId, @Nullable CustomerStatus status, @Nullable CustomerRole role,
			@Nullable CustomerKind kind, @Nullable String sort, @Nullable String cursor, @Nullable String format) {

		Filter filter() {
			return new Filter(q, categoryId, sectorId, classId, tag, salespersonId, status, role, kind);
		}
	}

	@GetMapping("/export")
	void export(ListQuery query, HttpServletResponse response) throws IOException {
		export.write(query.filter(), TableExport.Format.of(query.format()), response);
	}

	@GetMapping("/similar")
	String similar(@RequestParam(required = false) @Nullable String name, Model model) {
		model.addAttribute("similar", queries.similar(name, 5));
		return "customers/form :: similar-names";
	}

	/** The extra fields of a category, for the form when its category changes. */
	@GetMapping("/extra-fields")
	String extraFields(@RequestParam(required = false) @Nullable Long categoryId, Model model) {
		model.addAttribute("form", FormState.empty());
		model.addAttribute("extraFields", pages.extraFields(categoryId));
		return "customers/form :: extra-fields";
	}

	@GetMapping("/new")
	String newCustomer(@RequestParam(required = false) @Nullable String name, Model model) {
		model.addAllAttributes(pages.newAccount(name).toModel());
		return "customers/form";
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		Set<String> fields = withExtraFields(FIELDS, submitted);
		FormState form = FormState.from(submitted, fields, Set.of("roles"));
		return forms.submit(form, model,
				() -> "redirect:/customers/" + customers.create(newCustomer(submitted)).id() + "?created",
				() -> formAgain(null, form, null, model));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "overview") String tab, Model model) {
		model.addAllAttributes(pages.account(id, tab).toModel());
		return "customers/page";
	}

	/** The history tab's content, asked for when the tab is first shown. */
	@GetMapping("/{id}/history")
	String history(@PathVariable long id, Model model) {
		model.addAttribute("history", pages.history(id));
		return "customers/history :: tab";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAllAttributes(pages.edit(id).toModel());
		return "customers/form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted,
			@RequestParam(required = false) @Nullable Long version, Model model) {
		CurrentUser user = policy.requireReader();
		Customer current = customers.get(id);
		// A field the user may not change is refused with the whole form (403), never left out in silence: the
		// page would say "saved" and nothing would be. The form sends accountants' finance fields only.
		Set<String> sent = submitted.keySet().stream().filter(withExtraFields(FIELDS, submitted)::contains)
			.collect(Collectors.toSet());
		boolean sendsFinance = sent.stream().anyMatch(FINANCE_FIELDS::contains);
		if (!sendsFinance || !FINANCE_FIELDS.containsAll(sent)) {
			policy.requireEdit(user, current);
		}
		if (sendsFinance) {
			policy.requireFinance(user);
		}
		Set<String> editable = new HashSet<>(FIELDS);
		if (!policy.mayEdit(user, current)) {
			editable.retainAll(FINANCE_FIELDS);
		}
		FormState form = FormState.from(submitted, withExtraFields(editable, submitted), Set.of("roles"))
			.showing(withExtraFields(FIELDS, submitted));
		return forms.submit(form, model, () -> {
			customers.update(id, ExpectedVersion.fromForm(version), change(submitted, editable));
			return "redirect:/customers/" + id + "?saved";
		}, () -> formAgain(id, form, version, model));
	}

	@PostMapping("/{id}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		return forms.andBack("/customers/" + id, redirect, "customer.archived", () -> customers.archive(id));
	}

	@PostMapping("/{id}/restore")
	String restore(@PathVariable long id, RedirectAttributes redirect) {
		return forms.andBack("/customers/" + id, redirect, "customer.restored", () -> customers.restore(id));
	}

	@PostMapping("/{id}/parts/{part}")
	String addPart(@PathVariable long id, @PathVariable String part, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		Kind kind = kind(part);
		FormState form = FormState.from(submitted, Set.copyOf(CustomerPageModels.PART_FORM_FIELDS.get(kind)), Set.of());
		return forms.andBack("/customers/" + id + "?tab=" + CustomerPageModels.tabOf(kind), redirect, "customer.part.added",
				"customer.part.field.", () -> parts.create(id, commands.read(form.toJson(true, Set.of()), kind.creates())));
	}

	/** One of the account's parts in a form of its own, to be changed. */
	@GetMapping("/{id}/parts/{part}/{partId}/edit")
	String editPart(@PathVariable long id, @PathVariable String part, @PathVariable long partId, Model model) {
		model.addAllAttributes(pages.partForm(id, kind(part), partId, null, null).toModel());
		return "customers/part-form";
	}

	@PostMapping("/{id}/parts/{part}/{partId}")
	String changePart(@PathVariable long id, @PathVariable String part, @PathVariable long partId,
			@RequestParam(required = false) @Nullable Long version, @RequestParam MultiValueMap<String, String> submitted,
			Model model, RedirectAttributes redirect) {
		Kind kind = kind(part);
		List<String> fields = CustomerPageModels.PART_FORM_FIELDS.get(kind);
		// An unticked box sends nothing: on this form, where every field is shown, that means "no".
		var sent = new org.springframework.util.LinkedMultiValueMap<>(submitted);
		if (fields.contains("portalAccess") && !sent.containsKey("portalAccess")) {
			sent.add("portalAccess", "false");
		}
		FormState form = FormState.from(sent, Set.copyOf(fields), Set.of());
		return forms.submit(form, model, () -> {
			parts.update(id, partId, ExpectedVersion.fromForm(version), commands.read(form.toJson(false, Set.of()), kind.changes()));
			redirect.addFlashAttribute(Forms.MESSAGE, forms.message("customer.part.saved"));
			return "redirect:/customers/" + id + "?tab=" + CustomerPageModels.tabOf(kind);
		}, () -> {
			model.addAllAttributes(pages.partForm(id, kind, partId, (FormState) model.getAttribute("form"), version).toModel());
			return "customers/part-form";
		});
	}

	@PostMapping("/{id}/parts/{part}/{partId}/delete")
	String removePart(@PathVariable long id, @PathVariable String part, @PathVariable long partId,
			RedirectAttributes redirect) {
		Kind kind = kind(part);
		return forms.andBack("/customers/" + id + "?tab=" + CustomerPageModels.tabOf(kind), redirect, "customer.part.removed",
				() -> parts.delete(id, kind, partId));
	}

	@PostMapping(path = "/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
		return forms.andBack("/customers/" + id + "?tab=notes", redirect, "customer.file.added", () -> {
			try (InputStream content = file.getInputStream()) {
				files.add(id, String.valueOf(file.getOriginalFilename()), file.getContentType(), content);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable UUID fileId) {
		return Attachments.download(files.find(id, fileId), files.open(id, fileId));
	}

	@PostMapping("/{id}/files/{fileId}/delete")
	String detach(@PathVariable long id, @PathVariable UUID fileId, RedirectAttributes redirect) {
		return forms.andBack("/customers/" + id + "?tab=notes", redirect, "customer.file.removed",
				() -> files.remove(id, fileId));
	}

	private String formAgain(@Nullable Long id, FormState form, @Nullable Long version, Model model) {
		model.addAllAttributes(pages.refused(id, form, version).toModel());
		return "customers/form";
	}

	/** The form's fields plus the extra fields it was sent with ({@code extraFields.<code>}). */
	private static Set<String> withExtraFields(Set<String> fields, MultiValueMap<String, String> submitted) {
		var all = new HashSet<>(fields);
		submitted.keySet().stream().filter(name -> name.startsWith(EXTRA_FIELD)).forEach(all::add);
		return all;
	}

	/** The account the form describes, read by the API's rules: tags split at commas. */
	private NewCustomer newCustomer(MultiValueMap<String, String> submitted) {
		FormState fields = FormState.from(submitted, FIELDS, Set.of("roles"));
		return commands.read(fields.toJson(true, Set.of("tags")), NewCustomer.class)
			.withExtraFields(extraFields(submitted, true));
	}

	/** The change the form makes to the fields the user may change; a blank field clears its value. */
	private CustomerChange change(MultiValueMap<String, String> submitted, Set<String> editable) {
		FormState fields = FormState.from(submitted, editable, Set.of("roles"));
		return commands.read(fields.toJson(false, Set.of("tags")), CustomerChange.class)
			.withExtraFields(extraFields(submitted, false));
	}

	/**
	 * The extra fields the form sends as fields of their own ({@code extraFields.<code>}), by code, numbers and dates
	 * read as the reader types them; a blank one is left out of a new account and clears the value of an account changed.
	 */
	private Map<String, @Nullable String> extraFields(MultiValueMap<String, String> submitted, boolean creating) {
		var values = new LinkedHashMap<String, @Nullable String>();
		submitted.forEach((name, given) -> {
			if (name.startsWith(EXTRA_FIELD)) {
				String value = given.isEmpty() || given.getFirst() == null ? "" : given.getFirst().strip();
				if (!value.isEmpty() || !creating) {
					values.put(name.substring(EXTRA_FIELD.length()), value.isEmpty() ? null : value);
				}
			}
		});
		return pages.typedExtraFields(submitted.getFirst("categoryId"), values);
	}

	private static Kind kind(String path) {
		return Kind.ofPath(path).orElseThrow(() -> new RecordNotFoundException("part", path));
	}

}
