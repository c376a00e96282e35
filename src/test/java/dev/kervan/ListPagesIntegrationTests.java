package dev.kervan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import dev.kervan.support.Api.Response;
import dev.kervan.support.PageIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every list page is drawn by the one list fragment: its filter bar asks htmx for the list alone, the page answers
 * that request with the list's section only, and the whole page has the filter bar and the table with its id.
 */
class ListPagesIntegrationTests extends PageIntegrationTest {

	private static final Pattern TABLE = Pattern.compile("<section id=\"([\\w-]+)\">\\s*<div class=\"table-responsive\"[^>]*>");

	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"/customers, customer-list",
			"/products, product-list",
			"/admin/users, user-list",
			"/inventory, stock-overview",
			"/inventory/moves, move-list",
			"/inventory/replenishment, replenishment",
			"/pipeline/list, opportunity-list",
			"/pipeline/leads, lead-list" })
	void everyListPageUsesTheListFragmentAndAnswersItsFilterBarWithTheListAlone(String path, String list) {
		Response page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("class=\"row g-2 mb-3 kervan-filters\"", "hx-target=\"#" + list + "\"");
		var table = TABLE.matcher(page.body());
		assertThat(table.find()).as(path).isTrue();
		assertThat(table.group(1)).isEqualTo(list);

		Response fragment = browser.getFragment(path, list);
		assertThat(fragment.status()).isEqualTo(200);
		assertThat(fragment.body()).startsWith("<section id=\"" + list + "\"").doesNotContain("<html", "kervan-filters");
	}

	/** What people paste into a filter may hold characters no text may: the page answers, never a 500. */
	@ParameterizedTest(name = "{0}")
	@CsvSource({
			"/customers?q=a%00b",
			"/products?q=a%00b",
			"/admin/users?q=a%00b",
			"/inventory?q=a%00b",
			"/inventory/moves?q=a%00b",
			"/pipeline/list?tag=a%00b",
			"/pipeline?q=a%00b&tag=a%00b",
			"/pipeline/leads?q=a%00b" })
	void aFilterWithANulCharacterIsAnsweredAndNeverFails(String path) {
		Response page = browser.get(path);
		assertThat(page.status()).as(path).isIn(200, 400);
	}
}
