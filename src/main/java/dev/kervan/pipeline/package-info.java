/**
 * The sales pipeline: sales teams, their stages, and the opportunities salespeople move through them until
 * they are won or lost.
 */
@ApplicationModule(displayName = "Pipeline", allowedDependencies = { "platform", "identity", "customers", "activities" })
@NullMarked
package dev.kervan.pipeline;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
