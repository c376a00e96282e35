package dev.kervan.inventory.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.kervan.inventory.internal.OpeningStockImport;
import dev.kervan.inventory.internal.Warehouses;
import dev.kervan.platform.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The opening stock page: a warehouse and a file, and what was posted and refused. The service decides who may. */
@Controller
@RequestMapping("/inventory/opening-stock")
class OpeningStockPages {

	private final OpeningStockImport imports;
	private final Warehouses warehouses;
	private final Forms forms;

	OpeningStockPages(OpeningStockImport imports, Warehouses warehouses, Forms forms) {
		this.imports = imports;
		this.warehouses = warehouses;
		this.forms = forms;
	}

	@GetMapping
	String form(@RequestParam(required = false) @Nullable Long warehouseId, Model model) {
		model.addAttribute("warehouses", warehouses.list().stream().filter(Warehouses.Warehouse::active).toList());
		if (!model.containsAttribute("selected")) {
			model.addAttribute("selected", warehouseId);
		}
		return "inventory/opening-stock";
	}

	@PostMapping
	String importFile(@RequestParam long warehouseId, @RequestPart("file") MultipartFile file, RedirectAttributes redirect) {
		redirect.addFlashAttribute("selected", warehouseId);
		return forms.andBack("/inventory/opening-stock", redirect, null, Forms.WITHOUT_NAMES, () -> {
			String name = file.getOriginalFilename();
			redirect.addFlashAttribute("importResult",
					imports.run(warehouseId, name == null || name.isBlank() ? "opening-stock.csv" : name, bytes(file)));
		});
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
