package dev.kervan.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.kervan.catalog.Tracking;
import dev.kervan.catalog.internal.ProductChange;
import dev.kervan.catalog.internal.ProductDraft;
import dev.kervan.catalog.internal.ProductPageModels;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.ProductFiles;
import dev.kervan.catalog.internal.ProductStage;
import dev.kervan.catalog.internal.Products;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.Commands;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.Patch;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
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

/**
 * The product list and a product's page: its facts, the panels other modules add (stock per warehouse, serials),
 * prices, suppliers, competitors, alternatives, variants, files and history; and the form to enter or change one.
 */
@Controller
@RequestMapping("/products")
class ProductPages {

	/** The form's fields that are the product's own; the names in other languages and the barcodes are read apart. */
	private static final Set<String> PRODUCT_FIELDS = Set.of("code", "name", "kind", "categoryId", "unit", "brand", "model",
			"manufacturerCode", "lengthCm", "widthCm", "heightCm", "weightKg", "vatRate", "salesAccount", "purchaseAccount",
			"standardCost", "salePrice", "currency", "stage", "targetMarket", "shelfLifeDays", "minStock", "maxStock",
			"warrantyLength", "warrantyUnit", "tracking", "description");

	private static final Set<String> FIELDS = Stream.concat(PRODUCT_FIELDS.stream(), Stream.of("nameTr", "nameFa", "barcodes"))
		.collect(Collectors.toUnmodifiableSet());

	private static final Map<String, String> TRANSLATED_NAMES = Map.of("nameTr", "tr", "nameFa", "fa");

	private static final Set<String> PART_FIELDS = Set.of("supplierId", "supplierCode", "price", "currency", "leadDays",
			"minQuantity", "preferred", "competitor", "observedOn", "note", "productId", "kind", "attributeId", "values");

	private final ProductPageModels pages;
	private final Products products;
	private final ProductParts parts;
	private final ProductFiles files;
	private final Forms forms;
	private final Commands commands;

	ProductPages(ProductPageModels pages, Products products, ProductParts parts, ProductFiles files, Forms forms,
			Commands commands) {
		this.pages = pages;
		this.commands = commands;
		this.products = products;
		this.parts = parts;
		this.files = files;
		this.forms = forms;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable ProductStage stage, @RequestParam(required = false) @Nullable Tracking tracking,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		model.addAllAttributes(pages.list(new Products.Filter(q, categoryId, stage, tracking, active), cursor).toModel());
		return "catalog/products";
	}

	/** The list alone, for the filter bar. */
	@HxRequest(target = "product-list")
	@GetMapping
	String listOnly(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Long categoryId,
			@RequestParam(required = false) @Nullable ProductStage stage, @RequestParam(required = false) @Nullable Tracking tracking,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable String cursor,
			Model model) {
		list(q, categoryId, stage, tracking, active, cursor, model);
		return "catalog/products :: product-list";
	}

	@GetMapping("/new")
	String newProduct(Model model) {
		model.addAllAttributes(pages.newProduct().toModel());
		return "catalog/product-form";
	}

	@PostMapping
	String create(@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		return forms.submit(form, model,
				() -> "redirect:/products/" + products.create(draft(submitted, form)).id() + "?created",
				() -> formAgain(null, form, model));
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAllAttributes(pages.edit(id).toModel());
		return "catalog/product-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) @Nullable Long version,
			@RequestParam MultiValueMap<String, String> submitted, Model model) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		return forms.submit(form, model, () -> {
			products.update(id, ExpectedVersion.fromForm(version), change(submitted, form));
			return "redirect:/products/" + id + "?saved";
		}, () -> formAgain(id, form, model));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(name = "customerId" + FormState.PICKER_TEXT, required = false) @Nullable String customerText,
			@RequestParam(required = false) @Nullable String quantity, Model model) {
		model.addAllAttributes(pages.product(id, customerId, customerText, quantity).toModel());
		return "catalog/product";
	}

	@PostMapping("/{id}/{part:suppliers|competitor-prices|links|variants}")
	String addPart(@PathVariable long id, @PathVariable String part, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, PART_FIELDS, Set.of());
		return forms.andBack("/products/" + id + "#" + part, redirect, "action.saved", "product.part-field.", () -> {
			var fields = form.toJson(true, Set.of("values"));
			switch (part) {
				case "suppliers" -> parts.saveSupplier(id, commands.read(fields, ProductParts.SupplierTerms.class)
					.preferring(submitted.containsKey("preferred")));
				case "competitor-prices" -> parts.addCompetitorPrice(id, commands.read(fields, ProductParts.NewCompetitorPrice.class));
				case "links" -> parts.link(id, commands.read(fields, ProductParts.NewProductLink.class));
				default -> parts.generateVariants(id,
						new ProductParts.VariantChoices(List.of(commands.read(fields, ProductParts.AttributeChoice.class))));
			}
		});
	}

	@PostMapping("/{id}/files")
	String attach(@PathVariable long id, @RequestPart("file") MultipartFile file, RedirectAttributes redirect) {
		return forms.andBack("/products/" + id + "#files", redirect, null, () -> {
			try (InputStream content = file.getInputStream()) {
				files.add(id, String.valueOf(file.getOriginalFilename()), file.getContentType(), content);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> download(@PathVariable long id, @PathVariable UUID fileId) {
		return Attachments.download(files.find(id, fileId), files.open(id, fileId));
	}

	private String formAgain(@Nullable Long id, FormState form, Model model) {
		model.addAllAttributes(pages.refused(id, form).toModel());
		return "catalog/product-form";
	}

	/** The product a form enters: its own fields, the names in other languages and the barcodes. */
	private ProductDraft draft(MultiValueMap<String, String> submitted, FormState form) {
		return commands.read(FormState.from(submitted, PRODUCT_FIELDS, Set.of()).toJson(true, Set.of()), ProductDraft.class)
			.withNamesAndBarcodes(translatedNames(form), barcodes(form));
	}

	/** A form's change: every field it shows, a blank one cleared; the names in other languages are replaced whole. */
	private ProductChange change(MultiValueMap<String, String> submitted, FormState form) {
		return commands.read(FormState.from(submitted, PRODUCT_FIELDS, Set.of()).toJson(false, Set.of()), ProductChange.class)
			.withNamesAndBarcodes(Patch.of(translatedNames(form)),
					submitted.containsKey("barcodes") ? Patch.of(barcodes(form)) : Patch.absent());
	}

	private static Map<String, @Nullable String> translatedNames(FormState form) {
		var names = new HashMap<String, @Nullable String>();
		TRANSLATED_NAMES.forEach((field, language) -> {
			if (!form.value(field).isBlank()) {
				names.put(language, form.value(field));
			}
		});
		return names;
	}

	/** Barcodes typed one after another, apart by spaces, commas or semicolons. */
	private static List<@Nullable String> barcodes(FormState form) {
		return Arrays.stream(form.value("barcodes").split("[\\s,;]+")).filter(barcode -> !barcode.isBlank()).toList();
	}
}
