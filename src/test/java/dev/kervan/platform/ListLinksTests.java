package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListLinksTests {

	private final ListLinks links = ListLinks.to("/customers").exportedAt("/customers/export").with("q", "Gıda & Şeker {1}")
		.with("status", ErrorKind.CONFLICT).with("tag", " ").with("classId", null);

	@Test
	void everyLinkKeepsTheFiltersGivenAndDropsBlankOnes() {
		assertThat(links.first()).isEqualTo("/customers?q=G%C4%B1da%20%26%20%C5%9Eeker%20%7B1%7D&status=CONFLICT");
		assertThat(links.next("abc=")).endsWith("&status=CONFLICT&cursor=abc%3D");
		assertThat(links.export("csv")).startsWith("/customers/export?q=").endsWith("&format=csv");
		assertThat(links.value("q")).isEqualTo("Gıda & Şeker {1}");
		assertThat(links.value("tag")).isEmpty();
	}

	@Test
	void aListAskedWithACursorIsNotOnItsFirstPage() {
		assertThat(links.isFirstPage()).isTrue();
		assertThat(links.at("").isFirstPage()).isTrue();
		assertThat(links.at("abc").isFirstPage()).isFalse();
	}

	@Test
	void aListWithoutAnExportHasNoExportLink() {
		assertThatThrownBy(() -> ListLinks.to("/inventory/moves").export("csv")).isInstanceOf(IllegalStateException.class);
	}
}
