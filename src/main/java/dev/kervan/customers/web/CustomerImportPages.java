package dev.kervan.customers.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.kervan.customers.internal.CustomerImport;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.InvalidInputException;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Importing a customer list in three steps: upload a file, say which column fills which field (guessed from the
 * headers, with the first rows shown and what the import would add, change and refuse), then watch the import's
 * progress and read the refused rows.
 */
@Controller
@RequestMapping("/customers/import")
class CustomerImportPages {

	private final CustomerImport imports;
	private final Forms forms;

	CustomerImportPages(CustomerImport imports, Forms forms) {
		this.imports = imports;
		this.forms = forms;
	}

	@GetMapping
	String upload(Model model) {
		model.addAttribute("form", FormState.empty());
		return "customers/import";
	}

	/** The page has one field, the file: its refusal (unreadable, past a limit) shows above the form. */
	@PostMapping
	String uploaded(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model) {
		return forms.submit(FormState.empty(), model, () -> {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "error.attachment.empty");
			}
			return "redirect:/customers/import/mapping/" + imports.hold(String.valueOf(file.getOriginalFilename()), bytes(file));
		}, () -> "customers/import");
	}

	@GetMapping("/mapping/{uploadId}")
	String mapping(@PathVariable UUID uploadId, Model model) {
		CustomerImport.Held held = imports.held(uploadId);
		CustomerImport.Preview preview = imports.preview(held.filename(), held.content());
		return mappingPage(held, preview, preview.mapping(), FormState.empty(), model);
	}

	/** The mapping as chosen, and what importing with it would do: nothing is saved until the import starts. */
	@PostMapping(path = "/mapping/{uploadId}", params = "preview")
	String replan(@PathVariable UUID uploadId, @RequestParam MultiValueMap<String, String> submitted, Model model) {
		Map<String, String> mapping = mapping(submitted);
		CustomerImport.Held held = imports.held(uploadId);
		return mappingPage(held, imports.preview(held.filename(), held.content(), mapping), mapping, FormState.empty(),
				model);
	}

	@PostMapping("/mapping/{uploadId}")
	String start(@PathVariable UUID uploadId, @RequestParam MultiValueMap<String, String> submitted, Model model) {
		Map<String, String> mapping = mapping(submitted);
		FormState form = FormState.empty()
			.showing(CustomerImport.TARGETS.stream().map(target -> "mapping." + target).collect(Collectors.toSet()));
		return forms.submit(form, model, () -> "redirect:/customers/import/" + imports.startHeld(uploadId, mapping), () -> {
			CustomerImport.Held held = imports.held(uploadId);
			return mappingPage(held, imports.preview(held.filename(), held.content(), mapping), mapping, form, model);
		});
	}

	private static Map<String, String> mapping(MultiValueMap<String, String> submitted) {
		var mapping = new LinkedHashMap<String, String>();
		for (String target : CustomerImport.TARGETS) {
			String header = submitted.getFirst("mapping." + target);
			if (header != null && !header.isBlank()) {
				mapping.put(target, header);
			}
		}
		return mapping;
	}

	@GetMapping("/{jobId}")
	String progress(@PathVariable UUID jobId, Model model) {
		CustomerImport.Job job = imports.status(jobId);
		model.addAttribute("job", job);
		model.addAttribute("percent", job.total() == 0 ? 100 : job.processed() * 100 / job.total());
		return "customers/import-progress";
	}

	/** The progress alone, which the page polls while the import runs. */
	@HxRequest(target = "import-progress")
	@GetMapping("/{jobId}")
	String progressOnly(@PathVariable UUID jobId, Model model) {
		progress(jobId, model);
		return "customers/import-progress :: import-progress";
	}

	private static String mappingPage(CustomerImport.Held held, CustomerImport.Preview preview, Map<String, String> mapping,
			FormState form, Model model) {
		model.addAttribute("upload", held);
		model.addAttribute("preview", preview);
		model.addAttribute("targets", CustomerImport.TARGETS);
		model.addAttribute("mapping", mapping);
		model.addAttribute("form", form);
		return "customers/import-mapping";
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
