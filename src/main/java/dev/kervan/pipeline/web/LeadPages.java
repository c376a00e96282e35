package dev.kervan.pipeline.web;

import java.util.Set;

import dev.kervan.pipeline.LeadStatus;
import dev.kervan.pipeline.internal.LeadImport;
import dev.kervan.pipeline.internal.LeadRow;
import dev.kervan.pipeline.internal.Leads;
import dev.kervan.pipeline.internal.PipelinePageModels;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.PatchDocument;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leads' pages: the list with a quick entry form, and a lead's page to qualify, disqualify or convert it. */
@Controller
@RequestMapping("/pipeline/leads")
class LeadPages {

	private static final Set<String> FIELDS = Set.of("title", "contactName", "companyName", "email", "phone", "source");

	private final Leads leads;
	private final PipelinePageModels pages;
	private final LeadImport imports;
	private final AuditTrail audit;
	private final MessageSource messages;

	LeadPages(Leads leads, PipelinePageModels pages, LeadImport imports, AuditTrail audit, MessageSource messages) {
		this.pages = pages;
		this.imports = imports;
		this.leads = leads;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable LeadStatus status, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		model.addAllAttributes(pages.leads(status, cursor).toModel());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.empty());
		}
		return "pipeline/leads";
	}

	/** The list alone, for the filter bar. */
	@HxRequest(target = "lead-list")
	@GetMapping
	String listOnly(@RequestParam(required = false) @Nullable LeadStatus status,
			@RequestParam(required = false) @Nullable String cursor, Model model) {
		model.addAllAttributes(pages.leads(status, cursor).toModel());
		return "pipeline/leads :: lead-list";
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		try {
			LeadRow lead = leads.create(PatchDocument.of(form.toJson(true, Set.of())));
			return "redirect:/pipeline/leads/" + lead.id();
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return list(null, null, model);
		}
	}

	/** Leads from a file: the good rows are kept, the refused ones listed with their row numbers. */
	@PostMapping("/import")
	String importFile(@RequestPart("file") MultipartFile file, RedirectAttributes redirect) throws java.io.IOException {
		try {
			LeadImport.Result result = imports.run(file.getOriginalFilename() == null ? "leads.csv" : file.getOriginalFilename(),
					file.getBytes());
			redirect.addFlashAttribute("importResult", result);
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("importProblem", messages.getMessage(refusal.messageCode(), refusal.arguments(),
					refusal.messageCode(), org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		return "redirect:/pipeline/leads";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("lead", leads.get(id));
		model.addAttribute("history", audit.history("lead", id));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.empty());
		}
		return "pipeline/lead";
	}

	@PostMapping("/{id}/{action:qualify|disqualify|reopen|convert}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, Set.of("reason", "customerId", "taxNumber"), Set.of());
		try {
			var expected = ExpectedVersion.fromForm(version);
			switch (action) {
				case "qualify" -> leads.qualify(id, expected);
				case "disqualify" -> leads.disqualify(id, expected, PatchDocument.of(form.toJson(true, Set.of())));
				case "reopen" -> leads.reopen(id, expected);
				default -> {
					Leads.Conversion conversion = leads.convert(id, expected, PatchDocument.of(form.toJson(true, Set.of())));
					return "redirect:/pipeline/opportunities/" + conversion.opportunityId();
				}
			}
			return "redirect:/pipeline/leads/" + id;
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			response.setStatus(refusal.kind().status() == 409 ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(id, model);
		}
	}
}
