/**
 * Activities: calls, mails, meetings and to-dos planned on any record whose module declares it an
 * {@link dev.kervan.activities.ActivitySubjects} (accounts, opportunities, leads), each person's day of them, follow-ups
 * planned when one is done, and work handed between people.
 */
@ApplicationModule(displayName = "Activities", allowedDependencies = { "platform", "identity" })
@NullMarked
package dev.kervan.activities;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
