package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

	@Test
	void turkishDottedAndDotlessIAreOneLetter() {
		assertThat(SearchText.fold("İSTANBUL")).isEqualTo(SearchText.fold("istanbul"));
		assertThat(SearchText.fold("IŞIK")).isEqualTo(SearchText.fold("ışık"));
		assertThat(SearchText.fold("ışık")).isEqualTo(SearchText.fold("isik"));
	}

	@Test
	void accentsAreIgnored() {
		assertThat(SearchText.fold("Çağrı Öztürk")).isEqualTo("cagri ozturk");
	}

	@Test
	void arabicFormsOfPersianLettersMatchThePersianOnes() {
		assertThat(SearchText.fold("علي كريمي")).isEqualTo(SearchText.fold("علی کریمی"));
		assertThat(SearchText.fold("مُحَمَّد")).isEqualTo(SearchText.fold("محمد"));
		assertThat(SearchText.fold("می\u200cخواهم")).isEqualTo("می خواهم");
	}

	@Test
	void persianDigitsMatchAsciiDigits() {
		assertThat(SearchText.fold("۰۲۱-۱۲۳۴")).isEqualTo("021-1234");
	}

	@Test
	void nothingFoldsToNothing() {
		assertThat(SearchText.fold(null)).isEmpty();
		assertThat(SearchText.fold("   ")).isEmpty();
	}
}
