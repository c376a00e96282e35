package dev.kervan.customers.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

import dev.kervan.customers.internal.CustomerSettings;
import dev.kervan.customers.internal.ExtraField;
import dev.kervan.customers.internal.Lookup;
import dev.kervan.customers.internal.SettingCommands.LookupChange;
import dev.kervan.customers.internal.SettingCommands.NewCustomerClass;
import dev.kervan.customers.internal.SettingCommands.NewExtraField;
import dev.kervan.customers.internal.SettingCommands.NewLookup;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrators' page for account categories, sectors, size bands, customer classes and extra fields. */
@Controller
@RequestMapping("/admin/customer-settings")
@PreAuthorize("hasRole('ADMIN')")
class CustomerSettingsPages {

	private final CustomerSettings settings;
	private final Forms forms;
	private final Commands commands;

	CustomerSettingsPages(CustomerSettings settings, Forms forms, Commands commands) {
		this.settings = settings;
		this.forms = forms;
		this.commands = commands;
	}

	@GetMapping
	String show(Model model) {
		var lists = new java.util.LinkedHashMap<String, java.util.List<Lookup>>();
		for (Lookup.Kind kind : Lookup.Kind.values()) {
			lists.put(kind.name().toLowerCase(Locale.ROOT), settings.lookups(kind));
		}
		model.addAttribute("lists", lists);
		model.addAttribute("classes", settings.classes());
		model.addAttribute("fields", settings.fields(null));
		var categoryNames = new java.util.HashMap<Long, String>();
		lists.get("category").forEach(c -> categoryNames.put(c.id(), c.name()));
		model.addAttribute("categories", lists.get("category"));
		model.addAttribute("categoryNames", categoryNames);
		model.addAttribute("fieldTypes", Arrays.asList(ExtraField.Type.values()));
		return "customers/settings";
	}

	@PostMapping("/lookups/{kind}")
	String addLookup(@PathVariable String kind, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("name", "sortOrder"), Set.of());
		return run(redirect, () -> settings.createLookup(lookupKind(kind), commands.read(form.toJson(true, Set.of()),
				NewLookup.class)));
	}

	@PostMapping("/lookups/{kind}/{id}/toggle")
	String toggleLookup(@PathVariable String kind, @PathVariable long id, @RequestParam boolean active,
			@RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		return run(redirect, () -> settings.updateLookup(lookupKind(kind), id, ExpectedVersion.fromForm(version),
				LookupChange.active(active)));
	}

	@PostMapping("/classes")
	String addClass(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("name", "defaultDiscount", "riskLimit", "currency"), Set.of());
		return run(redirect, () -> settings.createClass(commands.read(form.toJson(true, Set.of()), NewCustomerClass.class)));
	}

	@PostMapping("/fields")
	String addField(@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("categoryId", "code", "label", "type", "choices", "required"),
				Set.of());
		return run(redirect, () -> settings.createField(commands.read(form.toJson(true, Set.of("choices")),
				NewExtraField.class)));
	}

	private String run(RedirectAttributes redirect, Runnable action) {
		return forms.andBack("/admin/customer-settings", redirect, "action.saved", action);
	}

	private static Lookup.Kind lookupKind(String kind) {
		return Arrays.stream(Lookup.Kind.values())
			.filter(k -> k.name().equalsIgnoreCase(kind.replace('-', '_')))
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException("list", kind));
	}
}
