package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class FormsTests {

	@Test
	void invalidInputIsAnswered422AndStaysOnTheForm() {
		var refusal = InvalidInputException.of("name", "error.value.required");
		assertThat(Forms.status(refusal)).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(Forms.belongsOnForm(refusal)).isTrue();
		assertThat(Forms.status(new DomainException(ErrorKind.UNPROCESSABLE, "x"))).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Test
	void conflictsAndStaleVersionsAreAnswered409AndStayOnTheForm() {
		assertThat(Forms.status(new DomainException(ErrorKind.CONFLICT, "x"))).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Forms.status(new VersionConflictException("customer", 1, 2, false))).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Forms.status(new VersionConflictException("customer", 1, 2, true))).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Forms.status(new DomainException(ErrorKind.PRECONDITION_REQUIRED, "x"))).isEqualTo(HttpStatus.CONFLICT);
		assertThat(Forms.belongsOnForm(new DomainException(ErrorKind.CONFLICT, "x"))).isTrue();
	}

	@Test
	void whatTheFormCannotMendGoesToTheErrorPageWithItsOwnStatus() {
		var forbidden = new DomainException(ErrorKind.FORBIDDEN, "x");
		var missing = new RecordNotFoundException("customer", 1);
		assertThat(Forms.status(forbidden)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(Forms.status(missing)).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(Forms.belongsOnForm(forbidden)).isFalse();
		assertThat(Forms.belongsOnForm(missing)).isFalse();
		assertThat(Forms.belongsOnForm(new DomainException(ErrorKind.TOO_MANY_REQUESTS, "x"))).isFalse();
	}
}
