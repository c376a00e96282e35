package dev.kervan.platform;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TimeZone;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ULocale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Dates, numbers and amounts as the current reader expects them: in their language's digits and order, and in
 * the Solar Hijri calendar when a Persian reader chose it. Pages use it as {@code ${@fmt.date(x)}}.
 */
@Component("fmt")
public class Formats {

	private final Map<String, DateFormat> dateFormats = new ConcurrentHashMap<>();
	private final Map<String, NumberFormat> numberFormats = new ConcurrentHashMap<>();
	private final Clock clock;

	Formats(Clock clock) {
		this.clock = clock;
	}

	public String date(@Nullable LocalDate date) {
		if (date == null) {
			return "";
		}
		ZonedDateTime noon = date.atTime(12, 0).atZone(ZoneId.of("UTC"));
		return format(DateFormat.MEDIUM, -1, Date.from(noon.toInstant()), TimeZone.getTimeZone("UTC"));
	}

	/** Today's date in the reader's time zone and calendar. */
	public String today() {
		return date(LocalDate.now(clock.withZone(LocaleContextHolder.getTimeZone().toZoneId())));
	}

	public String dateTime(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		return format(DateFormat.MEDIUM, DateFormat.SHORT, Date.from(instant), LocaleContextHolder.getTimeZone());
	}

	public String number(@Nullable Number number) {
		if (number == null) {
			return "";
		}
		return numberFormat("number").format(number);
	}

	/** An amount with its currency, rounded to the currency's minor unit. */
	public String money(@Nullable Money money) {
		if (money == null) {
			return "";
		}
		return numberFormat(money.currency().getCurrencyCode()).format(money.rounded().amount());
	}

	/** An amount in a currency given by its code. */
	public String money(@Nullable BigDecimal amount, @Nullable String currency) {
		if (amount == null || currency == null) {
			return "";
		}
		return money(Money.of(amount, currency));
	}

	/** A country's name in the reader's language, from its ISO code. */
	public String country(@Nullable String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return Locale.of("", code).getDisplayCountry(locale());
	}

	public String decimal(@Nullable BigDecimal value, int fractionDigits) {
		if (value == null) {
			return "";
		}
		NumberFormat format = numberFormat("number");
		format.setMinimumFractionDigits(fractionDigits);
		format.setMaximumFractionDigits(fractionDigits);
		return format.format(value);
	}

	/**
	 * A number as the reader types it into an input: their grouping and decimal marks and digits, every significant
	 * decimal kept and none added ({@code 12500.5000} is {@code 12.500,5} in Turkish, {@code ۱۲٬۵۰۰٫۵} in Persian).
	 * {@link TypedNumbers} reads it back.
	 */
	public String inputNumber(@Nullable Number value) {
		return value == null ? "" : typed(Decimals.quantity(new BigDecimal(value.toString())));
	}

	/** An amount as the reader types it: as {@link #inputNumber}, with at least the two decimals of cents ({@code 12.500,50}). */
	public String inputAmount(@Nullable BigDecimal value) {
		BigDecimal cents = Decimals.plain(value, 2);
		return cents == null ? "" : typed(cents);
	}

	/** A date as the reader types it into a date input, in their calendar ({@link TypedDates}). */
	public String inputDate(@Nullable LocalDate date) {
		return date == null ? "" : TypedDates.format(date, locale(), calendar());
	}

	/** A number the current reader typed in a field a form reads by hand (a price check's quantity); empty if none. */
	public Optional<BigDecimal> typedNumber(@Nullable String text) {
		return TypedNumbers.read(text, locale());
	}

	/** A date the current reader typed in their calendar (a filter's period); empty if none or outside {@link Dates}. */
	public Optional<LocalDate> typedDate(@Nullable String text) {
		return TypedDates.read(text, locale(), calendar()).filter(Dates::isAccepted);
	}

	/** What a date input's calendar popup needs for the current reader: {@code ${@fmt.datePicker()}}. */
	public TypedDates.Picker datePicker() {
		return TypedDates.picker(locale(), calendar());
	}

	/** A date to show how dates are typed: the last day of this year, whose day cannot be taken for a month. */
	LocalDate example() {
		return LocalDate.now(clock).withMonth(12).withDayOfMonth(31);
	}

	private String typed(BigDecimal value) {
		NumberFormat format = numberFormat("number");
		int decimals = Math.max(value.scale(), 0);
		format.setMinimumFractionDigits(decimals);
		format.setMaximumFractionDigits(decimals);
		return format.format(value);
	}

	/** A percentage given in whole points ({@code 40} is 40 %), as the reader writes it: 40%, %40, ۴۰٪. */
	public String percent(@Nullable Number points) {
		if (points == null) {
			return "";
		}
		NumberFormat format = numberFormat("percent");
		format.setMaximumFractionDigits(2);
		return format.format(new BigDecimal(points.toString()).movePointLeft(2));
	}

	/** The calendar the current reader sees dates in. */
	public DisplayCalendar calendar() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null
				&& attributes.getAttribute(DisplayCalendar.SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION)
						instanceof DisplayCalendar calendar) {
			return calendar;
		}
		return DisplayCalendar.GREGORIAN;
	}

	private String format(int dateStyle, int timeStyle, Date value, TimeZone zone) {
		ULocale locale = calendar().icuLocale(locale());
		// Building an ICU format is costly and formats are not thread-safe: keep one per kind, use copies.
		DateFormat prototype = dateFormats.computeIfAbsent(locale + "|" + dateStyle + "|" + timeStyle,
				key -> timeStyle < 0 ? DateFormat.getDateInstance(dateStyle, locale)
						: DateFormat.getDateTimeInstance(dateStyle, timeStyle, locale));
		DateFormat format = (DateFormat) prototype.clone();
		Calendar calendar = format.getCalendar();
		calendar.setTimeZone(com.ibm.icu.util.TimeZone.getTimeZone(zone.getID()));
		return format.format(value);
	}

	/** A copy of the number format of the reader's language: plain ({@code number}), {@code percent} or for a currency code. */
	private NumberFormat numberFormat(String kind) {
		ULocale locale = ULocale.forLocale(locale());
		NumberFormat prototype = numberFormats.computeIfAbsent(locale + "|" + kind, key -> {
			if (kind.equals("number")) {
				return NumberFormat.getInstance(locale);
			}
			if (kind.equals("percent")) {
				return NumberFormat.getPercentInstance(locale);
			}
			NumberFormat currency = NumberFormat.getCurrencyInstance(locale);
			currency.setCurrency(com.ibm.icu.util.Currency.getInstance(kind));
			return currency;
		});
		return (NumberFormat) prototype.clone();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
