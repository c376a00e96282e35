package dev.kervan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/**
 * axe-core (Deque's engine, through its Playwright binding) run on the page a browser test shows. A finding of
 * impact "serious" or "critical" fails the test: contrast, names of controls and fields, keyboard reach, landmarks.
 * Every rule axe has runs, its best practices included; moderate and minor findings are not counted.
 * <p>
 * The binding hands axe to the page with Playwright's evaluate, which the pages' Content-Security-Policy does not
 * govern, so the pages are checked under the policy they really run with.
 */
public final class Accessibility {

	private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");

	private Accessibility() {
	}

	/** Fails with every serious or critical finding on the page as it shows now: rule, impact, element and why. */
	public static void assertNoSeriousFindings(Page page) {
		List<String> findings = seriousFindings(page);
		assertThat(findings).as("serious or critical accessibility findings on %s", page.url()).isEmpty();
	}

	/**
	 * The serious and critical findings on the page as it shows now, once its requests have settled (htmx loads
	 * parts of a page after it), one line for each element: where, rule id, impact, what the rule asks, the element,
	 * and what axe found wrong with it.
	 */
	public static List<String> seriousFindings(Page page) {
		page.waitForLoadState(LoadState.NETWORKIDLE);
		List<String> findings = new ArrayList<>();
		for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
			for (CheckedNode node : rule.getNodes()) {
				String impact = node.getImpact() == null ? rule.getImpact() : node.getImpact();
				if (FAILING_IMPACTS.contains(impact)) {
					findings.add("%s: %s (%s) %s — at %s — %s".formatted(path(page), rule.getId(), impact, rule.getHelp(),
							node.getTarget(), summary(node)));
				}
			}
		}
		return findings;
	}

	private static String path(Page page) {
		return page.url().replaceFirst("^https?://[^/]+", "");
	}

	private static String summary(CheckedNode node) {
		return node.getFailureSummary() == null ? "" : node.getFailureSummary().replaceAll("\\s+", " ").strip();
	}
}
