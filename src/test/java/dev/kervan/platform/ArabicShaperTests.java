package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicShaperTests {

	/** The Persian letters that join on both sides, and those that join only the letter before them. */
	static final String DUAL_JOINING = "بپتثجچحخسشصضطظعغفقکگلمنهیئ";
	static final String RIGHT_JOINING = "اآدذرزژوؤۀ";

	private final ArabicShaper shaper = new ArabicShaper();

	@Test
	void persianLettersTakeTheFormOfTheirPlaceInTheWord() {
		// keheh initial, alef final, teh initial, alef final, lam initial, waw final, gaf alone
		assertThat(shaper.shapeText("کاتالوگ")).isEqualTo("\uFB90\uFE8E\uFE97\uFE8E\uFEDF\uFEEE\u06AF");
		// qaf initial, farsi yeh medial, meem medial, teh final
		assertThat(shaper.shapeText("قیمت")).isEqualTo("\uFED7\uFBFF\uFEE4\uFE96");
		// gaf initial, tcheh medial, peh medial, jeh final
		assertThat(shaper.shapeText("گچپژ")).isEqualTo("\uFB94\uFB7D\uFB59\uFB8B");
		assertThat(shaper.shapeText("ماشین تاریخ")).isEqualTo("\uFEE3\uFE8E\uFEB7\uFBFF\uFEE6 \uFE97\uFE8E\u0631\uFBFE\uFEA6");
	}

	@Test
	void everyPersianLetterJoinsOnTheSidesItJoins() {
		DUAL_JOINING.codePoints().forEach(letter -> {
			String alone = Character.toString(letter);
			var joined = shaper.shapeText(alone.repeat(3)).codePoints().boxed().toList();
			assertThat(shaper.shapeText(alone)).as("%s alone", alone).isEqualTo(alone);
			assertThat(joined).as("%s at the start, in the middle and at the end", alone)
				.hasSize(3)
				.doesNotHaveDuplicates()
				.allSatisfy(form -> assertThat(ArabicShaper.textOf(form)).isEqualTo(letter));
		});
		RIGHT_JOINING.codePoints().forEach(letter -> {
			String alone = Character.toString(letter);
			int[] afterBeh = shaper.shapeText("ب" + alone).codePoints().toArray();
			assertThat(shaper.shapeText(alone)).as("%s alone", alone).isEqualTo(alone);
			assertThat(ArabicShaper.textOf(afterBeh[0])).as("beh before %s", alone).isEqualTo((int) 'ب');
			assertThat(ArabicShaper.textOf(afterBeh[1])).as("%s after beh", alone).isEqualTo(letter);
			assertThat(shaper.shapeText(alone + "ب")).as("%s does not join the letter after it", alone)
				.isEqualTo(alone + "ب");
		});
	}

	@Test
	void lamAndAlefBecomeOneLigature() {
		assertThat(shaper.shapeText("لا")).isEqualTo("\uFEFB");
		// seen initial, the lam-alef joined to it, meem alone
		assertThat(shaper.shapeText("سلام")).isEqualTo("\uFEB3\uFEFC\u0645");
		assertThat(shaper.shapeText("کالا")).isEqualTo("\uFB90\uFE8E\uFEFB");
		assertThat(shaper.shapeText("آلآ")).isEqualTo("\u0622\uFEF5");
	}

	@Test
	void theNonJoinerPartsLettersAndIsDrawnAsNothingThatReadsAsItself() {
		// meem initial, yeh final, the stand-in for the non-joiner, sheen initial, waw final, dal alone
		assertThat(shaper.shapeText("می\u200Cشود")).isEqualTo("\uFEE3\uFBFD\u034F\uFEB7\uFEEE\u062F");
		assertThat(ArabicShaper.textOf(0x034F)).isEqualTo(0x200C);
	}

	@Test
	void theJoinerJoinsAndIsLeftOut() {
		assertThat(shaper.shapeText("ه\u200D")).isEqualTo("\uFEEB");
	}

	@Test
	void marksDoNotPartTheLettersTheySitOn() {
		assertThat(shaper.shapeText("بَب")).isEqualTo("\uFE91\u064E\uFE90");
	}

	@Test
	void otherScriptsAndDigitsAreDrawnAsTheyAre() {
		String mixed = "Trakya İnşaat fiyat ۱۲۳٬۴ 12.500,50";
		assertThat(shaper.shapeText(mixed)).isEqualTo(mixed);
		assertThat(mixed.codePoints().map(ArabicShaper::textOf)).containsOnly(-1);
	}

	@Test
	void formsGoBackToTheLettersTheyStandFor() {
		String words = "قیمت کاتالوگ ماشین تاریخ گچپژ سلام کالا ذرت ضبط ظرف غذا ثبت صحت عطف ۀ";
		assertThat(shaper.deshapeText(shaper.shapeText(words))).isEqualTo(words);
	}
}
