package dev.kervan.activities.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.activities.internal.Activities;
import dev.kervan.activities.internal.ActivityRow;
import dev.kervan.activities.internal.CalendarFeeds;
import dev.kervan.platform.BaseAddress;
import dev.kervan.platform.Dates;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar of one's activities, a week or a month at a time, and the iCalendar feed calendar apps
 * subscribe to.
 */
@Controller
class CalendarPages {

	private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final Activities activities;
	private final CalendarFeeds feeds;
	private final SubjectNames subjectNames;
	private final BaseAddress baseAddress;

	CalendarPages(Activities activities, CalendarFeeds feeds, SubjectNames subjectNames, BaseAddress baseAddress) {
		this.activities = activities;
		this.feeds = feeds;
		this.subjectNames = subjectNames;
		this.baseAddress = baseAddress;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) @Nullable String date,
			Model model) {
		boolean month = "month".equals(view);
		LocalDate today = activities.today();
		LocalDate day = parse(date, today);
		DayOfWeek firstDay = firstDayOfWeek();
		LocalDate from = (month ? day.withDayOfMonth(1) : day).with(TemporalAdjusters.previousOrSame(firstDay));
		LocalDate to = month ? day.with(TemporalAdjusters.lastDayOfMonth()).with(TemporalAdjusters.nextOrSame(firstDay.minus(1)))
				: from.plusDays(6);
		List<ActivityRow> rows = activities.between(null, from, to);
		var byDay = new LinkedHashMap<LocalDate, List<ActivityRow>>();
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			byDay.put(d, new ArrayList<>());
		}
		rows.forEach(row -> byDay.get(row.dueDate()).add(row));
		var weeks = new ArrayList<List<Map.Entry<LocalDate, List<ActivityRow>>>>();
		var entries = new ArrayList<>(byDay.entrySet());
		for (int i = 0; i < entries.size(); i += 7) {
			weeks.add(entries.subList(i, Math.min(i + 7, entries.size())));
		}
		model.addAttribute("view", month ? "month" : "week");
		model.addAttribute("weeks", weeks);
		model.addAttribute("day", day);
		model.addAttribute("today", today);
		model.addAttribute("previous", month ? day.minusMonths(1) : day.minusWeeks(1));
		model.addAttribute("next", month ? day.plusMonths(1) : day.plusWeeks(1));
		model.addAttribute("subjects", subjectNames.of(rows));
		model.addAttribute("hasFeed", feeds.exists());
		return "activities/calendar";
	}

	/** Makes a new feed address and shows it once. */
	@PostMapping("/calendar/feed")
	String renewFeed(RedirectAttributes redirect) {
		String secret = feeds.renew();
		redirect.addFlashAttribute("feedUrl", baseAddress.of("/calendar/feed/" + secret + ".ics"));
		return "redirect:/calendar";
	}

	@GetMapping("/calendar/feed/{secret}.ics")
	ResponseEntity<String> feed(@PathVariable String secret) {
		return feeds.feed(secret, activities.today())
			.map(ics -> ResponseEntity.ok().contentType(CALENDAR).body(ics))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	/** The day to show; nonsense, or a date outside {@link Dates}' range (whose next week does not exist), shows today. */
	private static LocalDate parse(@Nullable String date, LocalDate fallback) {
		return Dates.parse(date).orElse(fallback);
	}

	/** Iranian weeks start on Saturday, Turkish (and ours in English) on Monday. */
	private static DayOfWeek firstDayOfWeek() {
		return "fa".equals(LocaleContextHolder.getLocale().getLanguage()) ? DayOfWeek.SATURDAY : DayOfWeek.MONDAY;
	}
}
