package dev.kervan.activities.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.kervan.activities.ActivitySubjects;
import dev.kervan.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

class SubjectTypesTests {

	@Test
	void aModuleDeclaresAKindOfRecordByNameAndClientsMayWriteItInAnyCase() {
		var types = new SubjectTypes(List.of(kind("CUSTOMER"), kind("WORK_ORDER")));
		assertThat(types.find("work_order")).map(ActivitySubjects::type).contains("WORK_ORDER");
		assertThat(types.named("Customer").type()).isEqualTo("CUSTOMER");
		assertThat(types.find("INVOICE")).isEmpty();
	}

	@Test
	void aKindNoModuleDeclaresIsRefusedOnTheSubjectTypeField() {
		var types = new SubjectTypes(List.of(kind("CUSTOMER")));
		assertThatThrownBy(() -> types.named("INVOICE")).isInstanceOfSatisfying(InvalidInputException.class,
				refusal -> assertThat(refusal.violations()).singleElement()
					.satisfies(violation -> assertThat(violation.field()).isEqualTo("subjectType")));
	}

	@Test
	void twoModulesCannotDeclareTheSameKindNorANameTheColumnCannotHold() {
		assertThatThrownBy(() -> new SubjectTypes(List.of(kind("LEAD"), kind("LEAD")))).hasMessageContaining("both");
		assertThatThrownBy(() -> new SubjectTypes(List.of(kind("SERVICE_CONTRACT")))).hasMessageContaining("12");
		assertThatThrownBy(() -> new SubjectTypes(List.of(kind("Lead")))).hasMessageContaining("capital");
	}

	private static ActivitySubjects kind(String type) {
		return new ActivitySubjects() {

			@Override
			public String type() {
				return type;
			}

			@Override
			public boolean accepts(long id) {
				return true;
			}

			@Override
			public Map<Long, String> titles(Collection<Long> ids) {
				return Map.of();
			}

			@Override
			public String link(long id) {
				return "/" + type + "/" + id;
			}
		};
	}
}
