package dev.kervan.catalog.web;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.internal.NewPriceList;
import dev.kervan.catalog.internal.PriceListChange;
import dev.kervan.catalog.internal.PriceLists;
import dev.kervan.catalog.internal.PriceRuleLine;
import dev.kervan.catalog.internal.ProductPageModels;
import dev.kervan.platform.Commands;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Price lists: the list, a list's rules and whom it applies to, and a price check for a product and a customer. */
@Controller
@RequestMapping("/price-lists")
class PriceListPages {

	private final ProductPageModels pages;
	private final PriceLists lists;
	private final Catalog catalog;
	private final Forms forms;
	private final Commands commands;

	PriceListPages(ProductPageModels pages, PriceLists lists, Catalog catalog, Forms forms, Commands commands) {
		this.pages = pages;
		this.lists = lists;
		this.commands = commands;
		this.catalog = catalog;
		this.forms = forms;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("form", FormState.of(Map.of("currency", "TRY")));
		return page(model);
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, Set.of("name", "currency", "validFrom", "validTo"), Set.of());
		return forms.submit(form, model,
				() -> "redirect:/price-lists/" + lists.create(commands.read(form.toJson(true, Set.of()), NewPriceList.class)).id(),
				() -> page(model));
	}

	private String page(Model model) {
		model.addAllAttributes(pages.priceLists().toModel());
		return "catalog/price-lists";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(name = "customerId" + FormState.PICKER_TEXT, required = false) @Nullable String customerText,
			@RequestParam(required = false) @Nullable String quantity, Model model) {
		model.addAllAttributes(pages.priceList(id, product, customerId, customerText, quantity).toModel());
		return "catalog/price-list";
	}

	/** Adds a rule: the list's rules are sent back whole with the new one, as the API replaces them. */
	@PostMapping("/{id}/rules")
	String addRule(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam(defaultValue = "") String product, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("categoryId", "type", "value", "minQuantity", "validFrom", "validTo"),
				Set.of());
		PriceLists.PriceList list = lists.get(id);
		return forms.andBack("/price-lists/" + id, redirect, "action.saved", () -> {
			PriceRuleLine rule = commands.read(form.toJson(true, Set.of()), PriceRuleLine.class);
			if (!product.isBlank()) {
				rule = rule.forProduct(catalog.findByCodeOrBarcode(product)
					.orElseThrow(() -> new DomainException(ErrorKind.UNPROCESSABLE, "price-list.check.unknown", product))
					.id());
			}
			var rules = new ArrayList<>(list.rules().stream().map(PriceRuleLine::of).toList());
			rules.add(rule);
			lists.update(id, ExpectedVersion.fromForm(version), PriceListChange.ofRules(rules));
		});
	}

	@PostMapping("/{id}/rules/{ruleId}/delete")
	String removeRule(@PathVariable long id, @PathVariable long ruleId, @RequestParam(required = false) @Nullable Long version,
			RedirectAttributes redirect) {
		PriceLists.PriceList list = lists.get(id);
		return save(id, version, () -> PriceListChange.ofRules(list.rules().stream().filter(rule -> rule.id() != ruleId)
			.map(PriceRuleLine::of)
			.toList()), redirect);
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, RedirectAttributes redirect) {
		// The accounts are chosen with a picker of several, the classes ticked: each sends one id per record.
		Set<String> lists = Set.of("customerIds", "customerClassIds");
		FormState form = FormState.from(submitted, lists, lists);
		return save(id, version, () -> commands.read(form.toJson(false, Set.of()), PriceListChange.class)
			.activating(submitted.containsKey("active")), redirect);
	}

	/** Saves a change read when it is made, so that a form that cannot be read is refused like the change. */
	private String save(long id, @Nullable Long version, Supplier<PriceListChange> change, RedirectAttributes redirect) {
		return forms.andBack("/price-lists/" + id, redirect, "action.saved",
				() -> lists.update(id, ExpectedVersion.fromForm(version), change.get()));
	}
}
