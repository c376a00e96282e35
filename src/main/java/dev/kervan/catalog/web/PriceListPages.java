package dev.kervan.catalog.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.internal.PriceLists;
import dev.kervan.catalog.internal.ProductPageModels;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.PatchDocument;
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
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Price lists: the list, a list's rules and whom it applies to, and a price check for a product and a customer. */
@Controller
@RequestMapping("/price-lists")
class PriceListPages {

	private final ProductPageModels pages;
	private final PriceLists lists;
	private final Catalog catalog;
	private final Forms forms;

	PriceListPages(ProductPageModels pages, PriceLists lists, Catalog catalog, Forms forms) {
		this.pages = pages;
		this.lists = lists;
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
				() -> "redirect:/price-lists/" + lists.create(PatchDocument.of(form.toJson(true, Set.of()))).id(),
				() -> page(model));
	}

	private String page(Model model) {
		model.addAllAttributes(pages.priceLists().toModel());
		return "catalog/price-lists";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable String product,
			@RequestParam(required = false) @Nullable Long customerId, @RequestParam(required = false) @Nullable BigDecimal quantity,
			Model model) {
		model.addAllAttributes(pages.priceList(id, product, customerId, quantity).toModel());
		return "catalog/price-list";
	}

	/** Adds a rule: the list's rules are sent back whole with the new one, as the API replaces them. */
	@PostMapping("/{id}/rules")
	String addRule(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("product", "categoryId", "type", "value", "minQuantity", "validFrom",
				"validTo"), Set.of());
		PriceLists.PriceList list = lists.get(id);
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		ArrayNode rules = existingRules(list, body, null);
		ObjectNode rule = form.toJson(true, Set.of());
		rule.remove("product");
		String product = form.value("product");
		rules.add(rule);
		return forms.andBack("/price-lists/" + id, redirect, "action.saved", () -> {
			if (!product.isBlank()) {
				rule.put("productId", catalog.findByCodeOrBarcode(product)
					.orElseThrow(() -> new DomainException(ErrorKind.UNPROCESSABLE, "price-list.check.unknown", product))
					.id());
			}
			lists.update(id, ExpectedVersion.fromForm(version), PatchDocument.of(body));
		});
	}

	@PostMapping("/{id}/rules/{ruleId}/delete")
	String removeRule(@PathVariable long id, @PathVariable long ruleId, @RequestParam(required = false) @Nullable Long version, RedirectAttributes redirect) {
		PriceLists.PriceList list = lists.get(id);
		ObjectNode body = JsonNodeFactory.instance.objectNode();
		existingRules(list, body, ruleId);
		return save(id, version, body, redirect);
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long version, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("customerIds", "customerClassIds", "active"), Set.of());
		ObjectNode body = form.toJson(false, Set.of("customerIds", "customerClassIds"));
		body.put("active", submitted.containsKey("active"));
		return save(id, version, body, redirect);
	}

	private String save(long id, @Nullable Long version, ObjectNode body, RedirectAttributes redirect) {
		return forms.andBack("/price-lists/" + id, redirect, "action.saved",
				() -> lists.update(id, ExpectedVersion.fromForm(version), PatchDocument.of(body)));
	}

	private static ArrayNode existingRules(PriceLists.PriceList list, ObjectNode body, @Nullable Long leaveOut) {
		ArrayNode rules = body.putArray("rules");
		for (PriceLists.Rule rule : list.rules()) {
			if (leaveOut != null && rule.id() == leaveOut) {
				continue;
			}
			ObjectNode item = rules.addObject();
			if (rule.productId() != null) {
				item.put("productId", rule.productId());
			}
			if (rule.categoryId() != null) {
				item.put("categoryId", rule.categoryId());
			}
			item.put("type", rule.type().name());
			item.put("value", rule.value().toPlainString());
			item.put("minQuantity", rule.minQuantity().toPlainString());
			if (rule.validFrom() != null) {
				item.put("validFrom", rule.validFrom().toString());
			}
			if (rule.validTo() != null) {
				item.put("validTo", rule.validTo().toString());
			}
		}
		return rules;
	}
}
