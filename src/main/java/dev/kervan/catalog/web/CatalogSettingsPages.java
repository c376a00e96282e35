package dev.kervan.catalog.web;

import java.util.Set;

import dev.kervan.catalog.internal.CatalogPolicy;
import dev.kervan.catalog.internal.ProductCategories;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.Units;
import dev.kervan.platform.Commands;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The catalog's lookups: the category tree, units of measure with their conversions, and attributes. */
@Controller
@RequestMapping("/products/settings")
class CatalogSettingsPages {

	private final ProductCategories categories;
	private final Units units;
	private final ProductParts parts;
	private final CatalogPolicy policy;
	private final Forms forms;
	private final Commands commands;

	CatalogSettingsPages(ProductCategories categories, Units units, ProductParts parts, CatalogPolicy policy, Forms forms,
			Commands commands) {
		this.categories = categories;
		this.commands = commands;
		this.units = units;
		this.parts = parts;
		this.policy = policy;
		this.forms = forms;
	}

	@GetMapping
	String show(Model model) {
		model.addAttribute("categories", categories.list());
		model.addAttribute("units", units.list());
		model.addAttribute("attributes", parts.attributes());
		model.addAttribute("mayEdit", policy.mayEditProducts());
		return "catalog/settings";
	}

	@PostMapping("/{what:categories|units|attributes}")
	String add(@PathVariable String what, @RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("name", "parentId", "code", "baseUnit", "factor", "values"), Set.of());
		return forms.andBack("/products/settings#" + what, redirect, "action.saved", () -> {
			var fields = form.toJson(true, Set.of("values"));
			switch (what) {
				case "categories" -> categories.create(commands.read(fields, ProductCategories.NewProductCategory.class));
				case "units" -> units.create(commands.read(fields, Units.NewUnit.class));
				default -> parts.createAttribute(commands.read(fields, ProductParts.NewProductAttribute.class));
			}
		});
	}
}
