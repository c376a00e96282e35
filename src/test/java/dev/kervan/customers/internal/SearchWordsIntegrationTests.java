package dev.kervan.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.kervan.platform.SearchText;
import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SearchWordsIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private SearchWords words;

	@Test
	void remembersWordsThatCanBeMisspeltAndLeavesOutNumbersAddressesAndAbbreviations() {
		words.remember(SearchText.fold("Şişecamlı Kırtasiye پارسیان A.Ş. ab satis@kirtasiye.example 4470012345"));

		assertThat(stored("sisecamli", "kirtasiye", "پارسیان")).containsExactlyInAnyOrder("sisecamli", "kirtasiye", "پارسیان");
		assertThat(stored("a.s.", "ab", "satis@kirtasiye.example", "4470012345")).isEmpty();
	}

	@Test
	void findsTheExistingWordsClosestToAMisspeltOne() {
		words.remember("marmaratekstil bogazicilojistik");
		words.remember(SearchText.fold("نوآورانپویا"));

		var alternatives = words.alternatives(List.of("marmaratekstl", "bogazicilojstik", SearchText.fold("نوآورنپویا"), "zzzqqq"));

		assertThat(alternatives.get("marmaratekstl")).first().isEqualTo("marmaratekstil");
		assertThat(alternatives.get("bogazicilojstik")).first().isEqualTo("bogazicilojistik");
		assertThat(alternatives.get(SearchText.fold("نوآورنپویا"))).first().isEqualTo(SearchText.fold("نوآورانپویا"));
		assertThat(alternatives.get("zzzqqq")).isEmpty();
	}

	@Test
	void onlyTheWordsFoundNowhereAreReplacedUnlessAllAreFound() {
		words.remember("karadenizambalaj karadenizambalej");

		var oneMisspelt = words.alternatives(List.of("karadeniz", "karadenizambalajj"));
		assertThat(oneMisspelt).containsOnlyKeys("karadenizambalajj");
		assertThat(oneMisspelt.get("karadenizambalajj")).startsWith("karadenizambalaj").contains("karadenizambalej");
		assertThat(words.alternatives(List.of("karadenizambalaj")).get("karadenizambalaj"))
			.contains("karadenizambalaj", "karadenizambalej");
	}

	@Test
	void aWordTakenByTwoWritersAtOnceIsStoredOnce() throws Exception {
		var threads = List.of(Thread.ofVirtual().start(() -> words.remember("eszamanli yazici")),
				Thread.ofVirtual().start(() -> words.remember("yazici eszamanli")));
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(stored("eszamanli", "yazici")).hasSize(2);
	}

	private List<String> stored(String... candidates) {
		return jdbc.sql("select word from customer_search_word where word = any(:words)")
			.param("words", candidates)
			.query(String.class)
			.list();
	}
}
