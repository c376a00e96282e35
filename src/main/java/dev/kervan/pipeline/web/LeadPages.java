package dev.kervan.pipeline.web;

import java.util.Set;

import dev.kervan.pipeline.LeadStatus;
import dev.kervan.pipeline.internal.ConvertLead;
import dev.kervan.pipeline.internal.DisqualifyLead;
import dev.kervan.pipeline.internal.LeadImport;
import dev.kervan.pipeline.internal.LeadChange;
import dev.kervan.pipeline.internal.Leads;
import dev.kervan.pipeline.internal.NewLead;
import dev.kervan.pipeline.internal.PipelineHistory;
import dev.kervan.pipeline.internal.PipelinePageModels;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
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
	private final Forms forms;
	private final Commands commands;

	LeadPages(Leads leads, PipelinePageModels pages, LeadImport imports, Forms forms, Commands commands) {
		this.pages = pages;
		this.forms = forms;
		this.commands = commands;
		this.imports = imports;
		this.leads = leads;
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
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		return forms.submit(form, model,
				() -> "redirect:/pipeline/leads/" + leads.create(commands.read(form.toJson(true, Set.of()), NewLead.class)).id(),
				() -> list(null, null, model));
	}

	/** Leads from a file: the good rows are kept, the refused ones listed with their row numbers. */
	@PostMapping("/import")
	String importFile(@RequestPart("file") MultipartFile file, RedirectAttributes redirect) throws java.io.IOException {
		String name = file.getOriginalFilename() == null ? "leads.csv" : file.getOriginalFilename();
		byte[] content = file.getBytes();
		return forms.andBack("/pipeline/leads", redirect, null, Forms.WITHOUT_NAMES,
				() -> redirect.addFlashAttribute("importResult", imports.run(name, content)));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAllAttributes(pages.lead(id, null).toModel());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.empty());
		}
		return "pipeline/lead";
	}

	/** The lead's form on its page: the fields sent change, a refusal shows beside its field. */
	@PostMapping("/{id}")
	String change(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, PipelinePageModels.LEAD_FIELDS, Set.of());
		return forms.submit(form, model, () -> {
			leads.update(id, ExpectedVersion.fromForm(version), commands.read(form.toJson(false, Set.of("tags")), LeadChange.class));
			redirect.addFlashAttribute(Forms.MESSAGE, forms.message("lead.saved"));
			return "redirect:/pipeline/leads/" + id;
		}, () -> {
			model.addAllAttributes(pages.lead(id, (FormState) model.getAttribute("form")).toModel());
			model.addAttribute("form", FormState.empty());
			return "pipeline/lead";
		});
	}

	@PostMapping("/{id}/{action:qualify|disqualify|reopen|convert}")
	String act(@PathVariable long id, @PathVariable String action, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, Set.of("reason", "customerId", "taxNumber"), Set.of());
		return forms.submit(form, model, () -> {
			var expected = ExpectedVersion.fromForm(version);
			switch (action) {
				case "qualify" -> leads.qualify(id, expected);
				case "disqualify" -> leads.disqualify(id, expected, commands.read(form.toJson(true, Set.of()), DisqualifyLead.class));
				case "reopen" -> leads.reopen(id, expected);
				default -> {
					Leads.Conversion conversion = leads.convert(id, expected,
							commands.read(form.toJson(true, Set.of()), ConvertLead.class));
					return "redirect:/pipeline/opportunities/" + conversion.opportunityId();
				}
			}
			return "redirect:/pipeline/leads/" + id;
		}, () -> show(id, model));
	}
}
