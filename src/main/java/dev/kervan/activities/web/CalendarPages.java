package dev.kervan.activities.web;


import dev.kervan.activities.internal.Activities;
import dev.kervan.activities.internal.ActivityPageModels;
import dev.kervan.activities.internal.CalendarFeeds;
import dev.kervan.platform.BaseAddress;
import org.jspecify.annotations.Nullable;
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

	private final ActivityPageModels pages;
	private final Activities activities;
	private final CalendarFeeds feeds;
	private final BaseAddress baseAddress;

	CalendarPages(ActivityPageModels pages, Activities activities, CalendarFeeds feeds, BaseAddress baseAddress) {
		this.pages = pages;
		this.activities = activities;
		this.feeds = feeds;
		this.baseAddress = baseAddress;
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(defaultValue = "week") String view, @RequestParam(required = false) @Nullable String date,
			Model model) {
		model.addAllAttributes(pages.calendar(view, date).toModel());
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
}
