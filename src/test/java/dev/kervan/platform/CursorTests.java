package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class CursorTests {

	@Test
	void aCursorCarriesItsKeysThereAndBack() {
		Cursor cursor = Cursor.decode(Cursor.encode("Çağrı, Öztürk", 42), 2);
		assertThat(cursor.text(0)).isEqualTo("Çağrı, Öztürk");
		assertThat(cursor.number(1)).isEqualTo(42);
	}

	@Test
	void noCursorMeansTheFirstPage() {
		assertThat(Cursor.decode(null, 2)).isNull();
		assertThat(Cursor.decode(" ", 2)).isNull();
	}

	@Test
	void aTamperedCursorIsInvalidInput() {
		assertThatThrownBy(() -> Cursor.decode("%%%", 2)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Cursor.decode(Cursor.encode("one"), 2)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Cursor.decode(Cursor.encode("a", "b"), 2).number(1)).isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aPageKnowsWhetherAnotherFollows() {
		PageLimit limit = PageLimit.of(2);
		KeysetPage<Integer> last = KeysetPage.of(List.of(1, 2), limit, String::valueOf);
		assertThat(last.nextCursor()).isNull();
		KeysetPage<Integer> more = KeysetPage.of(List.of(1, 2, 3), limit, String::valueOf);
		assertThat(more.items()).containsExactly(1, 2);
		assertThat(more.nextCursor()).isEqualTo("2");
	}

	@Test
	void limitsHaveADefaultAndACap() {
		assertThat(PageLimit.of(null).value()).isEqualTo(PageLimit.DEFAULT);
		assertThat(PageLimit.of(5000).value()).isEqualTo(PageLimit.MAX);
		assertThatThrownBy(() -> PageLimit.of(0)).isInstanceOf(InvalidInputException.class);
	}
}
