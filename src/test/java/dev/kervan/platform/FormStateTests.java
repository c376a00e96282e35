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

	private static FormState picked(String id, String text) {
		var submitted = new LinkedMultiValueMap<String, String>();
		submitted.add("customerId", id);
		submitted.add("customerId" + FormState.PICKER_TEXT, text);
		submitted.add("taxNumber", "");
		return FormState.from(submitted, Set.of("customerId", "taxNumber"), Set.of());
	}

	@Test
	void aPickerSendsTheChosenRecordsIdAndTheNameItShowsWhichTheFormShowsAgain() {
		FormState form = picked("42", "Trakya İnşaat");
		assertThat(form.value("customerId")).isEqualTo("42");
		assertThat(form.text("customerId")).isEqualTo("Trakya İnşaat");
		assertThat(form.toJson(true, Set.of()).toString()).isEqualTo("{\"customerId\":\"42\"}");
	}

	@Test
	void clearingAPickersTextClearsItsChoiceThoughTheIdIsStillSent() {
		FormState form = picked("42", " ");
		assertThat(form.value("customerId")).isEmpty();
		assertThat(form.toJson(false, Set.of()).get("customerId").isNull()).isTrue();
	}

	@Test
	void aPickersTextThatChoseNoRecordIsRefusedBesideItsFieldBeforeAnyRuleReadsTheForm() {
		messages.addMessage(FormState.NOT_CHOSEN, Locale.ENGLISH, "\"{0}\" chose no record.");
		FormState form = picked("", "Trak");

		var refusal = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class,
				() -> form.toJson(true, Set.of()));

		assertThat(refusal.violations()).extracting(FieldViolation::field).containsExactly("customerId");
		assertThat(form.reject(refusal, messages).error("customerId")).isEqualTo("\"Trak\" chose no record.");
		assertThat(form.text("customerId")).isEqualTo("Trak");
	}

	@Test
	void aPageModelGivesTheNamesOfTheRecordsItsPickersShow() {
		FormState form = FormState.of(java.util.Map.of("customerId", "42"), java.util.Map.of("customerIds", List.of("7", "9")))
			.withText("customerId", "Trakya İnşaat")
			.withTexts("customerIds", java.util.Map.of("7", "Ege Gıda"));
		assertThat(form.text("customerId")).isEqualTo("Trakya İnşaat");
		assertThat(form.text("customerIds", "7")).isEqualTo("Ege Gıda");
		assertThat(form.text("customerIds", "9")).as("an id without a name").isEqualTo("9");
	}
}
