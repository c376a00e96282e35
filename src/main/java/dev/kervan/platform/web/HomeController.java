package dev.kervan.platform.web;

import java.util.List;

import dev.kervan.platform.SearchProvider;
import dev.kervan.platform.SearchProvider.SearchHit;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The start page and the global search, which asks every module's {@link SearchProvider}.
 */
@Controller
class HomeController {

	private static final int HITS_PER_PROVIDER = 8;

	private final List<SearchProvider> providers;

	HomeController(List<SearchProvider> providers) {
		this.providers = providers;
	}

	/** The start page; a customer's person (the portal role, which goes with no other) has one of their own. */
	@GetMapping("/")
	String home(HttpServletRequest request) {
		return request.isUserInRole("PORTAL") ? "redirect:/portal" : "platform/home";
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		String trimmed = query.strip();
		List<SearchHit> hits = trimmed.isEmpty() ? List.of()
				: providers.stream()
					.flatMap(p -> p.search(trimmed, HITS_PER_PROVIDER).stream())
					.sorted(java.util.Comparator.comparing(SearchHit::action))
					.toList();
		model.addAttribute("q", trimmed);
		model.addAttribute("hits", hits);
		return "platform/search";
	}

	/** The results alone, which the search box in the top bar shows under itself. */
	@HxRequest(target = "search-results")
	@GetMapping("/search")
	String searchResults(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		search(query, model);
		return "platform/search :: search-results";
	}
}
