package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.util.LinkedMultiValueMap;

class FormStateTests {

	private final StaticMessageSource messages = new StaticMessageSource();

	FormStateTests() {
		messages.addMessage("error.value.required", Locale.ENGLISH, "Required.");
		messages.addMessage("error.value.quantity", Locale.ENGLISH, "Not a quantity.");
		messages.addMessage("error.version-conflict", Locale.ENGLISH, "Somebody changed it.");
		org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
	}

	private FormState sent(String... fields) {
		var submitted = new LinkedMultiValueMap<String, String>();
		for (String field : fields) {
			submitted.add(field, "x");
		}
		return FormState.from(submitted, Set.of(fields), Set.of());
	}

	@Test
	void aFieldMessageIsShownBesideAFieldTheFormShows() {
		FormState form = sent("name", "email").reject(InvalidInputException.of("name", "error.value.required"), messages);
		assertThat(form.hasError("name")).isTrue();
		assertThat(form.error("name")).isEqualTo("Required.");
		assertThat(form.general()).isEmpty();
	}

	@Test
	void aMessageAboutAFieldTheFormDoesNotShowGoesAboveTheForm() {
		FormState form = sent("name").reject(InvalidInputException.of("names.tr", "error.value.required"), messages);
		assertThat(form.hasError("names.tr")).isFalse();
		assertThat(form.general()).containsExactly("Required.");
	}

	@Test
	void aRefusalOfTheWholeRecordGoesAboveTheForm() {
		FormState form = sent("name").reject(new VersionConflictException("customer", 1, 3, false), messages);
		assertThat(form.general()).containsExactly("Somebody changed it.");
		assertThat(form.hasError("name")).isFalse();
	}

	@Test
	void messagesAboutTheItemsOfAListGoBesideEachItem() {
		FormState form = sent("type").showingItems("lines").reject(new InvalidInputException(List.of(
				new FieldViolation("lines[1].quantity", "error.value.quantity"), new FieldViolation("lines[1].unit",
						"error.value.required"))), messages);
		assertThat(form.errorsOf("lines", 0)).isNull();
		assertThat(form.errorsOf("lines", 1)).isEqualTo("Not a quantity. Required.");
		assertThat(form.general()).isEmpty();
	}

	@Test
	void fieldIdsStartWithFUnlessTheFormSaysOtherwise() {
		assertThat(sent("email").id("email")).isEqualTo("f-email");
		assertThat(sent("email").withPlainIds().id("email")).isEqualTo("email");
	}
}
