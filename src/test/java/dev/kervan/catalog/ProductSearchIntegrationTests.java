package dev.kervan.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.support.Api;
import dev.kervan.support.Api.Response;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Product search: every word in any order, folded, in code order page by page; the first products in order are read
 * first and, when they do not fill a page, every match (see {@code Products.firstMatches}); both give the same.
 */
class ProductSearchIntegrationTests extends KervanIntegrationTest {

	private String admin;
	private String word;

	@BeforeEach
	void setUp() {
		admin = api.token("admin", ADMIN_PASSWORD);
		word = Api.uniqueName("kzx").toLowerCase();
	}

	@Test
	void aSearchPagesThroughItsMatchesInCodeOrder() {
		var ids = new ArrayList<Long>();
		for (int i = 1; i <= 5; i++) {
			ids.add(product("S" + word + "-" + i, "Işıklı Anahtar " + word, Map.of()));
		}
		product("S" + word + "-6", "Anahtar " + word, Map.of()); // not every word

		var found = new ArrayList<Long>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = search("isikli " + word + "&limit=2" + (cursor == null ? "" : "&cursor="
					+ URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
			page.get("items").forEach(item -> found.add(item.get("id").asLong()));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(found).containsExactlyElementsOf(ids);
		assertThat(pages).isEqualTo(3);
		// Every word, in any order; a word no product holds finds none.
		assertThat(ids(search("anahtar isikli " + word + "&limit=10"))).containsExactlyElementsOf(ids);
		assertThat(search("anahtar karanlik " + word).get("items")).isEmpty();
	}

	@Test
	void aSearchFindsBarcodesPersianLettersAndStaysInTheCategory() {
		long category = api.post("/api/v1/product-categories", Map.of("name", Api.uniqueName("Kategori"))).bearer(admin).send()
			.json().get("id").asLong();
		long inside = product("C" + word + "-1", "كابل " + word, Map.of("categoryId", category, "barcodes",
				List.of("BC-" + word.toUpperCase())));
		long outside = product("C" + word + "-2", "کابل " + word, Map.of());

		assertThat(ids(search("کابل " + word))).containsExactly(inside, outside);
		assertThat(ids(search("کابل " + word + "&categoryId=" + category))).containsExactly(inside);
		assertThat(ids(search("BC-" + word.toUpperCase()))).containsExactly(inside);
	}

	private long product(String code, String name, Map<String, Object> extra) {
		var body = new HashMap<String, Object>(extra);
		body.put("code", code);
		body.put("name", name);
		body.put("salePrice", "10");
		Response created = api.post("/api/v1/products", body).bearer(admin).send();
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	/** The query, with any further parameters after it. */
	private JsonNode search(String query) {
		int more = query.indexOf('&');
		String q = more < 0 ? query : query.substring(0, more);
		Response response = api.get("/api/v1/products?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
				+ (more < 0 ? "" : query.substring(more))).bearer(admin).send();
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<Long> ids(JsonNode page) {
		var ids = new ArrayList<Long>();
		page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
		return ids;
	}
}
