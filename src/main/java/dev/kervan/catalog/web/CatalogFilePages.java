package dev.kervan.catalog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import dev.kervan.catalog.internal.CatalogDocuments;
import dev.kervan.catalog.internal.CatalogExports;
import dev.kervan.catalog.internal.DocumentNotSentException;
import dev.kervan.catalog.internal.PriceImport;
import dev.kervan.catalog.internal.PriceLists;
import dev.kervan.catalog.internal.ProductImport;
import dev.kervan.platform.Commands;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalog's file pages: importing products from a spreadsheet, downloading them as one, the catalogue and a
 * price list as PDF to print, and mailing a price list. The services decide who may do what; these only show forms
 * and answers.
 */
@Controller
class CatalogFilePages {

	private static final Set<String> SEND_FIELDS = Set.of("to", "language", "message", "customerId");

	private final ProductImport productImport;
	private final PriceImport priceImport;
	private final CatalogExports exports;
	private final CatalogDocuments documents;
	private final PriceLists priceLists;
	private final Forms forms;
	private final Commands commands;

	CatalogFilePages(ProductImport productImport, PriceImport priceImport, CatalogExports exports, CatalogDocuments documents,
			PriceLists priceLists, Forms forms, Commands commands) {
		this.productImport = productImport;
		this.commands = commands;
		this.priceImport = priceImport;
		this.exports = exports;
		this.documents = documents;
		this.priceLists = priceLists;
		this.forms = forms;
	}

	@GetMapping("/price-lists/{id}/export")
	void exportPriceList(@PathVariable long id, @RequestParam(required = false) @Nullable String format,
			HttpServletResponse response) throws IOException {
		exports.downloadPriceList(id, format, response);
	}

	/** Rules for a price list from a file: good rows are kept, refused ones listed on the list's page. */
	@PostMapping("/price-lists/{id}/import")
	String importPrices(@PathVariable long id, @RequestPart("file") MultipartFile file, RedirectAttributes redirect) {
		return forms.andBack("/price-lists/" + id, redirect, null, Forms.WITHOUT_NAMES, () -> redirect.addFlashAttribute(
				"importResult", priceImport.run(id, nameOf(file, "prices.csv"), bytes(file))));
	}

	@GetMapping("/products/import")
	String importForm() {
		return "catalog/products-import";
	}

	/** Products from a file: the good rows are kept, the refused ones listed with their row numbers. */
	@PostMapping("/products/import")
	String importFile(@RequestPart("file") MultipartFile file, RedirectAttributes redirect) {
		return forms.andBack("/products/import", redirect, null, Forms.WITHOUT_NAMES, () -> redirect.addFlashAttribute(
				"importResult", productImport.run(nameOf(file, "products.csv"), bytes(file))));
	}

	@GetMapping("/products/export")
	void export(@RequestParam(required = false) @Nullable String format, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long categoryId, HttpServletResponse response) throws IOException {
		exports.downloadProducts(format, q, categoryId, response);
	}

	/** The catalogue in the reader's language, shown in the browser to print. */
	@GetMapping("/products/pdf")
	ResponseEntity<byte[]> productsPdf(@RequestParam(required = false) @Nullable Long categoryId) {
		return documents.products(categoryId, CatalogDocuments.language(null, "lang")).inline();
	}

	@GetMapping("/price-lists/{id}/pdf")
	ResponseEntity<byte[]> priceListPdf(@PathVariable long id, @RequestParam(required = false) @Nullable Long customerId) {
		return documents.priceList(id, customerId, CatalogDocuments.language(null, "lang")).inline();
	}

	@GetMapping("/price-lists/{id}/send")
	String sendForm(@PathVariable long id, @RequestParam(required = false) @Nullable Long customerId, Model model) {
		model.addAttribute("form", FormState.of(Map.of("language", LocaleContextHolder.getLocale().getLanguage(),
				"customerId", customerId == null ? "" : customerId.toString())));
		return sendPage(id, model);
	}

	/** Mails a price list; a mail server that refuses or cannot be reached is said on the form with its status. */
	@PostMapping("/price-lists/{id}/send")
	String send(@PathVariable long id, @RequestParam MultiValueMap<String, String> submitted, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		FormState form = FormState.from(submitted, SEND_FIELDS, Set.of()).showing(Set.of("to", "language", "message"));
		try {
			return forms.submit(form, model, () -> {
				documents.sendPriceList(id, commands.read(form.toJson(true, Set.of()), CatalogDocuments.PriceListMail.class));
				redirect.addFlashAttribute("sentTo", form.value("to"));
				return "redirect:/price-lists/" + id + "/send";
			}, () -> sendPage(id, model));
		}
		catch (DocumentNotSentException failure) {
			model.addAttribute("form", form);
			model.addAttribute("sendProblem", forms.message(failure.messageCode()));
			response.setStatus(failure.status());
			return sendPage(id, model);
		}
	}

	private String sendPage(long id, Model model) {
		model.addAttribute("list", priceLists.get(id));
		return "catalog/price-list-send";
	}

	private static String nameOf(MultipartFile file, String otherwise) {
		String name = file.getOriginalFilename();
		return name == null || name.isBlank() ? otherwise : name;
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
