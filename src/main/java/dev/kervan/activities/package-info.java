/**
 * Activities: calls, mails, meetings and to-dos planned on accounts and opportunities, each person's day of
 * them, follow-ups planned when one is done, and work handed between people.
 */
@ApplicationModule(displayName = "Activities", allowedDependencies = { "platform", "identity", "customers", "pipeline" })
@NullMarked
package dev.kervan.activities;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
