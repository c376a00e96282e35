package dev.kervan.platform.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * The start page and the global search, which asks every module's {@link SearchProvider} in their order and shows the
 * records found grouped by kind, in the order the providers answer them, and what the search offers to do after them.
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
		var groups = new LinkedHashMap<String, List<SearchHit>>();
		var actions = new ArrayList<SearchHit>();
		if (!trimmed.isEmpty()) {
			for (SearchProvider provider : providers) {
				for (SearchHit hit : provider.search(trimmed, HITS_PER_PROVIDER)) {
					if (hit.action()) {
						actions.add(hit);
					}
					else {
						groups.computeIfAbsent(hit.kindKey(), kind -> new ArrayList<>()).add(hit);
					}
				}
			}
		}
		model.addAttribute("q", trimmed);
		model.addAttribute("groups", groups.entrySet().stream().map(group -> new Group(group.getKey(), group.getValue())).toList());
		model.addAttribute("actions", actions);
		return "platform/search";
	}

	/** The records of one kind a search found. */
	record Group(String kindKey, List<SearchHit> hits) {

		/** The message key naming the group: {@code search.group.customer} for hits of {@code search.kind.customer}. */
		public String titleKey() {
			return kindKey.replace("search.kind.", "search.group.");
		}
	}

	/** The results alone, which the search box in the top bar shows under itself. */
	@HxRequest(target = "search-results")
	@GetMapping("/search")
	String searchResults(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		search(query, model);
		return "platform/search :: search-results";
	}
}
