package dev.kervan.customers.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.UUID;

import dev.kervan.customers.internal.CustomerImport;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.FormState;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Importing a customer list in three steps: upload a file, say which column fills which field (guessed from the
 * headers, with the first rows shown), then watch the import's progress and read the refused rows.
 */
@Controller
@RequestMapping("/customers/import")
class CustomerImportPages {

	private final CustomerImport imports;
	private final MessageSource messages;

	CustomerImportPages(CustomerImport imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String upload(Model model) {
		model.addAttribute("form", FormState.empty());
		return "customers/import";
	}

	@PostMapping
	String uploaded(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model,
			HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw dev.kervan.platform.InvalidInputException.of("file", "error.attachment.empty");
			}
			UUID id = imports.hold(String.valueOf(file.getOriginalFilename()), file.getBytes());
			return "redirect:/customers/import/mapping/" + id;
		}
		catch (DomainException refusal) {
			// The page has one field, the file: its refusal (unreadable, past a limit) shows above the form.
			model.addAttribute("form", FormState.empty().reject(refusal, messages).unplaced(java.util.Set.of()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "customers/import";
		}
	}

	@GetMapping("/mapping/{uploadId}")
	String mapping(@PathVariable UUID uploadId, Model model) {
		CustomerImport.Held held = imports.held(uploadId);
		CustomerImport.Preview preview = imports.preview(held.filename(), held.content());
		model.addAttribute("upload", held);
		model.addAttribute("preview", preview);
		model.addAttribute("targets", CustomerImport.TARGETS);
		model.addAttribute("mapping", preview.mapping());
		model.addAttribute("form", FormState.empty());
		return "customers/import-mapping";
	}

	@PostMapping("/mapping/{uploadId}")
	String start(@PathVariable UUID uploadId, @RequestParam MultiValueMap<String, String> submitted, Model model,
			HttpServletResponse response) {
		var mapping = new LinkedHashMap<String, String>();
		for (String target : CustomerImport.TARGETS) {
			String header = submitted.getFirst("mapping." + target);
			if (header != null && !header.isBlank()) {
				mapping.put(target, header);
			}
		}
		try {
			UUID job = imports.startHeld(uploadId, mapping);
			return "redirect:/customers/import/" + job;
		}
		catch (DomainException refusal) {
			CustomerImport.Held held = imports.held(uploadId);
			model.addAttribute("upload", held);
			model.addAttribute("preview", imports.preview(held.filename(), held.content()));
			model.addAttribute("targets", CustomerImport.TARGETS);
			model.addAttribute("mapping", mapping);
			model.addAttribute("form", FormState.empty().reject(refusal, messages));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "customers/import-mapping";
		}
	}

	@GetMapping("/{jobId}")
	String progress(@PathVariable UUID jobId, @RequestHeader(name = "HX-Target", required = false) @Nullable String target,
			Model model) {
		CustomerImport.Job job = imports.status(jobId);
		model.addAttribute("job", job);
		model.addAttribute("percent", job.total() == 0 ? 100 : job.processed() * 100 / job.total());
		return "import-progress".equals(target) ? "customers/import-progress :: import-progress" : "customers/import-progress";
	}
}
