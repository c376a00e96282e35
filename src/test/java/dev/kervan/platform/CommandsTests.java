package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CommandsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Formats formats = new Formats(Clock.fixed(Instant.parse("2026-06-01T09:00:00Z"), ZoneOffset.UTC));
	private final Commands commands = new Commands(JSON, formats);

	record Offer(@Nullable BigDecimal price, @Nullable Integer days, int stars, @Nullable Long customerId,
			@Nullable LocalDate closesOn, @Nullable List<Long> ids) {
	}

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aFormsNumbersAndDatesAreReadAsTheReaderTypesThem() {
		LocaleContextHolder.setLocale(Languages.TURKISH);
		Offer offer = commands.read(fields(Map.of("price", "12.500,50", "days", "1.500", "stars", "3", "customerId", "12",
				"closesOn", "31.12.2026")), Offer.class);
		assertThat(offer.price()).isEqualTo(new BigDecimal("12500.50"));
		assertThat(offer.days()).isEqualTo(1500);
		assertThat(offer.stars()).isEqualTo(3);
		assertThat(offer.customerId()).isEqualTo(12L);
		assertThat(offer.closesOn()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void aSolarHijriReadersDatesAreSolarHijriAndPersianDigitsAreDigits() {
		LocaleContextHolder.setLocale(Languages.PERSIAN);
		var request = new MockHttpServletRequest();
		request.getSession(true).setAttribute(DisplayCalendar.SESSION_ATTRIBUTE, DisplayCalendar.SOLAR_HIJRI);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
		ObjectNode fields = fields(Map.of("price", "۱۲٬۵۰۰٫۵۰", "stars", "۳", "closesOn", "۱۴۰۵/۰۹/۱۲"));
		fields.putArray("ids").add("۱۲").add("7");
		Offer offer = commands.read(fields, Offer.class);
		assertThat(offer.price()).isEqualTo(new BigDecimal("12500.50"));
		assertThat(offer.stars()).isEqualTo(3);
		assertThat(offer.closesOn()).isEqualTo(LocalDate.of(2026, 12, 3));
		assertThat(offer.ids()).containsExactly(12L, 7L);
	}

	@Test
	void whatIsNoNumberIsRefusedNamingItsFieldWithAnExampleInTheReadersWay() {
		LocaleContextHolder.setLocale(Languages.TURKISH);
		assertRefused(Map.of("price", "12,50,0", "stars", "1"), "price", "error.value.typed-number", "12.500,50");
		assertRefused(Map.of("days", "2,5", "stars", "1"), "days", "error.value.typed-whole-number", "1.500");
		assertRefused(Map.of("stars", "99999999999"), "stars", "error.value.out-of-range");
		assertRefused(Map.of("closesOn", "31.02.2026", "stars", "1"), "closesOn", "error.value.typed-date", "31.12.2026");
		assertRefused(Map.of("closesOn", "31.12.2201", "stars", "1"), "closesOn", Dates.OUT_OF_RANGE, "01.01.1900",
				"31.12.2200");
		LocaleContextHolder.setLocale(Languages.ENGLISH);
		assertRefused(Map.of("price", "twelve", "stars", "1"), "price", "error.value.typed-number", "12,500.50");
	}

	@Test
	void importsAreReadInTheApisCanonicalForms() {
		LocaleContextHolder.setLocale(Languages.TURKISH);
		Offer offer = commands.readCanonical(fields(Map.of("price", "1.500", "stars", "2", "closesOn", "2026-12-31")),
				Offer.class);
		assertThat(offer.price()).isEqualTo(new BigDecimal("1.500"));
		assertThat(offer.closesOn()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(commands.read(fields(Map.of("price", "1.500", "stars", "2")), Offer.class).price())
			.as("the same text typed by a Turkish reader").isEqualTo(new BigDecimal("1500"));
	}

	private void assertRefused(Map<String, String> values, String field, String messageCode, Object... arguments) {
		assertThatThrownBy(() -> commands.read(fields(values), Offer.class)).isInstanceOfSatisfying(
				InvalidInputException.class, refused -> {
					assertThat(refused.violations()).singleElement().satisfies(violation -> {
						assertThat(violation.field()).isEqualTo(field);
						assertThat(violation.messageCode()).isEqualTo(messageCode);
						assertThat(violation.arguments()).containsExactly(arguments);
					});
				});
	}

	private static ObjectNode fields(Map<String, String> values) {
		ObjectNode node = JSON.createObjectNode();
		values.forEach(node::put);
		return node;
	}
}
