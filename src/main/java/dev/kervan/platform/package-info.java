/**
 * Shared kernel every module builds on: money, document numbers, the audit trail, attachments, paging,
 * domain errors, navigation and search contributions, formatting per language, PDF documents and mail.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
@NullMarked
package dev.kervan.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
