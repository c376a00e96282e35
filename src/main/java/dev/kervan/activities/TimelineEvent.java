package dev.kervan.activities;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One event of a record's timeline: when, what kind (the message key {@code timeline.kind.<kind>} names it), who,
 * a text, a detail (where an opportunity moved to), and the page of the record it happened on.
 */
public record TimelineEvent(Instant at, String kind, @Nullable String who, String text, @Nullable String detail, String link) {
}
