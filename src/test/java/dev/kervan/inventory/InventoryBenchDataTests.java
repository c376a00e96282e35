package dev.kervan.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import dev.kervan.inventory.InventoryBenchData.Group;
import dev.kervan.inventory.InventoryBenchData.Size;
import dev.kervan.inventory.InventoryBenchData.Sub;
import dev.kervan.platform.SearchText;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's product data writes its search text by joining words it folded one by one with
 * {@link SearchText#fold}; that is the application's text only if folding a name is folding its words. Checked here
 * for every name the vocabulary can make (the loader checks the stored rows too).
 */
class InventoryBenchDataTests {

	@Test
	void foldingANameIsFoldingItsWords() {
		int names = 0;
		for (Group group : InventoryBenchData.GROUPS) {
			for (Sub sub : group.subs()) {
				String code = group.code() + "-" + sub.code() + "-000123";
				String codeFolded = SearchText.fold(group.code() + "-" + sub.code() + "-") + "000123";
				for (String noun : sub.nouns()) {
					for (String adjective : InventoryBenchData.ADJECTIVES) {
						for (String size : group.sizes()) {
							for (String persian : sub.persian()) {
								String persianAdjective = InventoryBenchData.PERSIAN_ADJECTIVES.get(names % InventoryBenchData.PERSIAN_ADJECTIVES.size());
								String brand = InventoryBenchData.BRANDS.get(names % InventoryBenchData.BRANDS.size());
								String turkish = noun + " " + adjective + " " + size;
								String farsi = persian + " " + persianAdjective + " " + size;
								String turkishFolded = String.join(" ", SearchText.fold(noun), SearchText.fold(adjective), SearchText.fold(size));
								String farsiFolded = String.join(" ", SearchText.fold(persian), SearchText.fold(persianAdjective),
										SearchText.fold(size));
								// As Products.refreshSearchText: code, name, translations, brand, model, manufacturer code, barcodes.
								assertThat(InventoryBenchData.searchText(List.of(code, turkish, farsi, brand, "", "", "")))
									.isEqualTo(String.join(" ", codeFolded, turkishFolded, farsiFolded, SearchText.fold(brand)));
								assertThat(InventoryBenchData.searchText(List.of(code, farsi, turkish, brand, "", "", "")))
									.isEqualTo(String.join(" ", codeFolded, farsiFolded, turkishFolded, SearchText.fold(brand)));
								names++;
							}
						}
					}
				}
			}
		}
		assertThat(names).isGreaterThan(10_000);
	}

	@Test
	void theWordsSearchedForAreInTheNames() {
		var folded = new ArrayList<String>();
		InventoryBenchData.GROUPS.forEach(group -> group.subs().forEach(sub -> {
			sub.nouns().forEach(noun -> InventoryBenchData.ADJECTIVES.forEach(adjective ->
					folded.add(SearchText.fold(noun + " " + adjective))));
			sub.persian().forEach(persian -> folded.add(SearchText.fold(persian)));
		}));
		InventoryBenchData.BRANDS.forEach(brand -> folded.add(SearchText.fold(brand)));
		var words = InventoryBenchData.searchWords();
		for (String query : concat(words.names(), words.unaccented())) {
			String pattern = ".*" + String.join(".*", SearchText.fold(query).split(" ")) + ".*";
			assertThat(folded).as(query).anyMatch(text -> text.matches(pattern));
		}
		for (String query : words.unaccented()) {
			assertThat(query).as("typed without accents").matches("[a-z ]+");
		}
	}

	@Test
	void aMillionCustomersMeanAHundredThousandProductsAndTenMillionLines() {
		assertThat(Size.of(1_000_000)).isEqualTo(new Size(100_000, 10_000_000));
		assertThat(Size.of(20_000)).isEqualTo(new Size(2_000, 200_000));
		for (long scale : new long[] { 1_000, 20_000, 100_000, 123_456, 1_000_000 }) {
			Size size = Size.of(scale);
			assertThat(size.goods() % InventoryBenchData.LINES_PER_MOVE).isZero();
			assertThat(size.lines() % InventoryBenchData.LINES_PER_MOVE).isZero();
			// More moves than the opening receipts take.
			assertThat(size.moves()).isGreaterThan((long) size.goods() * InventoryBenchData.WAREHOUSES / InventoryBenchData.LINES_PER_MOVE);
		}
	}

	private static List<String> concat(List<String> a, List<String> b) {
		var all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
