package dev.kervan.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.kervan.catalog.ProductPanel;
import dev.kervan.catalog.Tracking;
import dev.kervan.catalog.internal.CatalogPolicy;
import dev.kervan.catalog.internal.PriceLists;
import dev.kervan.catalog.internal.ProductCategories;
import dev.kervan.catalog.internal.ProductFiles;
import dev.kervan.catalog.internal.ProductKind;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.ProductRow;
import dev.kervan.catalog.internal.ProductStage;
import dev.kervan.catalog.internal.Products;
import dev.kervan.catalog.internal.Units;
import dev.kervan.catalog.internal.WarrantyUnit;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Option;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The product list and a product's page: its facts, the panels other modules add (stock per warehouse, serials),
 * prices, suppliers, competitors, alternatives, variants, files and history; and the form to enter or change one.
 */
@Controller
@RequestMapping("/products")
class ProductPages {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	private static final Set<String> FIELDS = Set.of("code", "name", "nameTr", "nameFa", "kind", "categoryId", "unit", "brand",
			"model", "manufacturerCode", "barcodes", "lengthCm", "widthCm", "heightCm", "weightKg", "vatRate", "salesAccount",
			"purchaseAccount", "standardCost", "salePrice", "currency", "stage", "targetMarket", "shelfLifeDays", "minStock",
			"maxStock", "warrantyLength", "warrantyUnit", "tracking", "description");

	/** A panel of another module, ready for the page: its model is what its fragment reads as {@code data}. */
	record ShownPanel(String titleKey, String template, String fragment, Map<String, Object> data) {
	}

	private final Products products;
	private final ProductParts parts;
	private final ProductFiles files;
	private final ProductCategories categories;
	private final Units units;
	private final PriceLists priceLists;
	private final dev.kervan.catalog.internal.Prices prices;
	private final CatalogPolicy policy;
	private final AuditTrail audit;
	private final List<ProductPanel> panels;
	private final MessageSource messages;
	private final Problems problems;

	ProductPages(Products products, ProductParts parts, ProductFiles files, ProductCategories categories, Units units,
			PriceLists priceLists, dev.kervan.catalog.internal.Prices prices, CatalogPolicy policy, AuditTrail audit, List<ProductPanel> panels, MessageSource messages,
			Problems problems) {
		this.products = products;
		this.parts = parts;
		this.files = files;
		this.categories = categories;
		this.units = units;
		this.priceLists = priceLists;
		this.prices = prices;
		this.policy = policy;
		this.audit = audit;
		this.panels = panels.stream().sorted(Comparator.comparingInt(ProductPanel::order)).toList();
		this.messages = messages;
		this.problems = problems;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable ProductStage stage, @RequestParam(required = false) @Nullable Tracking tracking,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		var filter = new Products.Filter(q, categoryId, stage, tracking, active);
		model.addAttribute("page", products.list(filter, cursor, PageLimit.of(50)));
		model.addAttribute("filter", Map.of("q", q == null ? "" : q, "categoryId", categoryId == null ? "" : categoryId.toString(),
				"stage", stage == null ? "" : stage.name(), "tracking", tracking == null ? "" : tracking.name(), "active",
				active == null ? "" : active.toString()));
		model.addAttribute("categories", categories.list());
		model.addAttribute("stages", ProductStage.values());
		model.addAttribute("trackings", Tracking.values());
		model.addAttribute("mayEdit", policy.mayEditProducts());
		return "catalog/products";
	}

	@GetMapping("/new")
	String newProduct(Model model) {
		policy.requireProductEditor();
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.of(Map.of("unit", "PCS", "currency", "TRY", "vatRate", "20", "stage", "ACTIVE",
					"tracking", "NONE", "kind", "GOOD")));
		}
		options(model);
		model.addAttribute("product", null);
		return "catalog/product-form";
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		try {
			ProductRow product = products.create(PatchDocument.of(json(form, true)));
			return "redirect:/products/" + product.id() + "?created";
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return newProduct(model);
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		policy.requireProductEditor();
		ProductRow product = products.get(id);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", FormState.of(values(product)));
		}
		options(model);
		model.addAttribute("product", product);
		return "catalog/product-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted,
			Model model, HttpServletResponse response) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		try {
			products.update(id, ExpectedVersion.fromForm(version), PatchDocument.of(json(form, false)));
			return "redirect:/products/" + id + "?saved";
		}
		catch (DomainException refusal) {
			model.addAttribute("form", form.reject(refusal, messages));
			response.setStatus(refusal.kind().status() == 409 ? HttpStatus.CONFLICT.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
			return edit(id, model);
		}
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String quantity, Model model) {
		ProductRow product = products.get(id);
		priceCheck(id, customerId, quantity, model);
		model.addAttribute("product", product);
		model.addAttribute("categoryPath", product.categoryId() == null ? null : categories.get(product.categoryId()).path());
		var shown = new ArrayList<ShownPanel>();
		for (ProductPanel panel : panels) {
			Map<String, Object> data = panel.model(product.facts());
			if (!data.isEmpty()) {
				shown.add(new ShownPanel(panel.titleKey(), panel.template(), panel.fragment(), data));
			}
		}
		model.addAttribute("panels", shown);
		model.addAttribute("suppliers", parts.suppliers(id));
		List<ProductParts.CompetitorPrice> competitorPrices = parts.competitorPrices(id);
		model.addAttribute("competitorPrices", competitorPrices);
		model.addAttribute("competitorChart", competitorChart(product, competitorPrices));
		model.addAttribute("links", parts.links(id));
		model.addAttribute("variants", product.variantOfId() == null ? parts.variants(id) : List.of());
		model.addAttribute("attributes", parts.attributes());
		model.addAttribute("priceLists", priceLists.forProduct(id));
		model.addAttribute("files", files.list(id));
		model.addAttribute("history", audit.history("product", id));
		model.addAttribute("mayEdit", policy.mayEditProducts());
		model.addAttribute("mayEditSuppliers", policy.mayEditSuppliers());
		model.addAttribute("mayEditPrices", policy.mayEditPrices());
		return "catalog/product";
	}

	@PostMapping("/{id}/{part:suppliers|competitor-prices|links|variants}")
	String addPart(@PathVariable long id, @PathVariable String part, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("supplierId", "supplierCode", "price", "currency", "leadDays",
				"minQuantity", "preferred", "competitor", "observedOn", "note", "productId", "kind", "attributeId", "values"), Set.of());
		ObjectNode body = form.toJson(true, Set.of("values"));
		try {
			switch (part) {
				case "suppliers" -> {
					body.put("preferred", submitted.containsKey("preferred"));
					parts.saveSupplier(id, PatchDocument.of(body));
				}
				case "competitor-prices" -> parts.addCompetitorPrice(id, PatchDocument.of(body));
				case "links" -> parts.link(id, PatchDocument.of(body));
				default -> {
					ObjectNode variants = body.objectNode();
					ObjectNode axis = variants.putArray("attributes").addObject();
					axis.set("attributeId", body.get("attributeId"));
					axis.set("values", body.get("values"));
					parts.generateVariants(id, PatchDocument.of(variants));
				}
			}
			redirect.addFlashAttribute("message", messages.getMessage("action.saved", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("problem", describe(refusal));
		}
		return "redirect:/products/" + id + "#" + part;
	}

	@PostMapping("/{id}/files")
	String attach(@PathVariable long id, @RequestPart("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
		try (InputStream content = file.getInputStream()) {
			files.add(id, String.valueOf(file.getOriginalFilename()), file.getContentType(), content);
		}
		catch (DomainException refusal) {
			redirect.addFlashAttribute("problem", describe(refusal));
		}
		return "redirect:/products/" + id + "#files";
	}

	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable UUID fileId) {
		return Attachments.download(files.find(id, fileId), files.open(id, fileId));
	}

	/** What a customer pays for a quantity, when the page is asked for it; a refusal is shown beside the form. */
	private void priceCheck(long productId, @Nullable Long customerId, @Nullable String quantity, Model model) {
		model.addAttribute("check", Map.of("customerId", customerId == null ? "" : customerId.toString(), "quantity",
				quantity == null ? "1" : quantity));
		if (customerId == null && quantity == null) {
			return;
		}
		try {
			java.math.BigDecimal amount = new java.math.BigDecimal(quantity == null || quantity.isBlank() ? "1" : quantity.strip());
			if (amount.signum() <= 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 15) {
				throw new NumberFormatException();
			}
			model.addAttribute("quote", prices.quote(productId, customerId, amount, null));
		}
		catch (NumberFormatException e) {
			model.addAttribute("quoteProblem", messages.getMessage("error.value.quantity", null,
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
		}
		catch (DomainException refusal) {
			model.addAttribute("quoteProblem", describe(refusal));
		}
	}

	/** The competitors' prices as lines over the days they were seen, with ours beside them. */
	private static String competitorChart(ProductRow product, List<ProductParts.CompetitorPrice> prices) {
		var days = new java.util.TreeSet<java.time.LocalDate>();
		var byCompetitor = new java.util.LinkedHashMap<String, Map<java.time.LocalDate, java.math.BigDecimal>>();
		for (ProductParts.CompetitorPrice price : prices) {
			days.add(price.observedOn());
			byCompetitor.computeIfAbsent(price.competitor() + " (" + price.currency() + ")", k -> new java.util.HashMap<>())
				.put(price.observedOn(), price.price());
		}
		ObjectNode chart = JSON.createObjectNode();
		var labels = chart.putArray("labels");
		days.forEach(day -> labels.add(day.toString()));
		var datasets = chart.putArray("datasets");
		byCompetitor.forEach((competitor, values) -> {
			ObjectNode set = datasets.addObject().put("label", competitor);
			var points = set.putArray("values");
			days.forEach(day -> {
				java.math.BigDecimal value = values.get(day);
				if (value == null) {
					points.addNull();
				}
				else {
					points.add(value.toPlainString());
				}
			});
		});
		if (product.salePrice() != null) {
			ObjectNode ours = datasets.addObject().put("label", product.code() + " (" + product.currency() + ")");
			var points = ours.putArray("values");
			days.forEach(day -> points.add(product.salePrice().toPlainString()));
		}
		return chart.toString();
	}

	private String describe(DomainException refusal) {
		return problems.describe(refusal);
	}

	private void options(Model model) {
		model.addAttribute("unitOptions", units.list().stream().filter(Units.Unit::active)
			.map(u -> new Option(u.code(), u.code() + " · " + u.name())).toList());
		model.addAttribute("categoryOptions", categories.list().stream()
			.map(c -> new Option(String.valueOf(c.id()), c.path())).toList());
		model.addAttribute("stageOptions", options(ProductStage.values(), "product.stage."));
		model.addAttribute("trackingOptions", options(Tracking.values(), "product.tracking."));
		model.addAttribute("kindOptions", options(ProductKind.values(), "product.kind."));
		model.addAttribute("warrantyUnitOptions", options(WarrantyUnit.values(), "product.warranty-unit."));
	}

	private List<Option> options(Enum<?>[] values, String prefix) {
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		return java.util.Arrays.stream(values)
			.map(v -> new Option(v.name(), messages.getMessage(prefix + v.name(), null, v.name(), locale)))
			.toList();
	}

	/** The form as the API's document: the names in other languages go into {@code names}, barcodes into a list. */
	private static ObjectNode json(FormState form, boolean creating) {
		ObjectNode body = form.toJson(creating, Set.of("barcodes"));
		ObjectNode names = body.objectNode();
		for (String[] language : new String[][] { { "nameTr", "tr" }, { "nameFa", "fa" } }) {
			var value = body.remove(language[0]);
			if (value != null && !value.isNull() && !value.asString().isBlank()) {
				names.put(language[1], value.asString());
			}
		}
		body.set("names", names);
		if (body.has("barcodes")) {
			var barcodes = body.putArray("barcodes");
			for (String barcode : form.value("barcodes").split("[\\s,;]+")) {
				if (!barcode.isBlank()) {
					barcodes.add(barcode);
				}
			}
		}
		return body;
	}

	private static Map<String, @Nullable String> values(ProductRow p) {
		var values = new java.util.HashMap<String, @Nullable String>();
		values.put("code", p.code());
		values.put("name", p.name());
		values.put("nameTr", p.names().get("tr"));
		values.put("nameFa", p.names().get("fa"));
		values.put("kind", p.kind().name());
		values.put("categoryId", p.categoryId() == null ? null : p.categoryId().toString());
		values.put("unit", p.unitCode());
		values.put("brand", p.brand());
		values.put("model", p.model());
		values.put("manufacturerCode", p.manufacturerCode());
		values.put("barcodes", String.join(" ", p.barcodes()));
		values.put("lengthCm", plain(p.lengthCm()));
		values.put("widthCm", plain(p.widthCm()));
		values.put("heightCm", plain(p.heightCm()));
		values.put("weightKg", plain(p.weightKg()));
		values.put("vatRate", plain(p.vatRate()));
		values.put("salesAccount", p.salesAccount());
		values.put("purchaseAccount", p.purchaseAccount());
		values.put("standardCost", plain(p.standardCost()));
		values.put("salePrice", plain(p.salePrice()));
		values.put("currency", p.currency());
		values.put("stage", p.stage().name());
		values.put("targetMarket", p.targetMarket());
		values.put("shelfLifeDays", p.shelfLifeDays() == null ? null : p.shelfLifeDays().toString());
		values.put("minStock", plain(p.minStock()));
		values.put("maxStock", plain(p.maxStock()));
		values.put("warrantyLength", p.warrantyLength() == null ? null : p.warrantyLength().toString());
		values.put("warrantyUnit", p.warrantyUnit());
		values.put("tracking", p.tracking().name());
		values.put("description", p.description());
		return values;
	}

	private static @Nullable String plain(java.math.@Nullable BigDecimal value) {
		return value == null ? null : value.toPlainString();
	}
}
