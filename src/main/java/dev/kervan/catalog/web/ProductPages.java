package dev.kervan.catalog.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;

import dev.kervan.catalog.Tracking;
import dev.kervan.catalog.internal.ProductPageModels;
import dev.kervan.catalog.internal.ProductParts;
import dev.kervan.catalog.internal.ProductFiles;
import dev.kervan.catalog.internal.ProductStage;
import dev.kervan.catalog.internal.Products;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.PatchDocument;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The product list and a product's page: its facts, the panels other modules add (stock per warehouse, serials),
 * prices, suppliers, competitors, alternatives, variants, files and history; and the form to enter or change one.
 */
@Controller
@RequestMapping("/products")
class ProductPages {

	private static final Set<String> FIELDS = Set.of("code", "name", "nameTr", "nameFa", "kind", "categoryId", "unit", "brand",
			"model", "manufacturerCode", "barcodes", "lengthCm", "widthCm", "heightCm", "weightKg", "vatRate", "salesAccount",
			"purchaseAccount", "standardCost", "salePrice", "currency", "stage", "targetMarket", "shelfLifeDays", "minStock",
			"maxStock", "warrantyLength", "warrantyUnit", "tracking", "description");

	private final ProductPageModels pages;
	private final Products products;
	private final ProductParts parts;
	private final ProductFiles files;
	private final Forms forms;

	ProductPages(ProductPageModels pages, Products products, ProductParts parts, ProductFiles files, Forms forms) {
		this.pages = pages;
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
				() -> "redirect:/products/" + products.create(PatchDocument.of(json(form, true))).id() + "?created",
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
			products.update(id, ExpectedVersion.fromForm(version), PatchDocument.of(json(form, false)));
			return "redirect:/products/" + id + "?saved";
		}, () -> formAgain(id, form, model));
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable String quantity, Model model) {
		model.addAllAttributes(pages.product(id, customerId, quantity).toModel());
		return "catalog/product";
	}

	@PostMapping("/{id}/{part:suppliers|competitor-prices|links|variants}")
	String addPart(@PathVariable long id, @PathVariable String part, @RequestParam MultiValueMap<String, String> submitted,
			RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, Set.of("supplierId", "supplierCode", "price", "currency", "leadDays",
				"minQuantity", "preferred", "competitor", "observedOn", "note", "productId", "kind", "attributeId", "values"), Set.of());
		ObjectNode body = form.toJson(true, Set.of("values"));
		return forms.andBack("/products/" + id + "#" + part, redirect, "action.saved", () -> {
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
}
