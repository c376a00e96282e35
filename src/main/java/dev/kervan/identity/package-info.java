/**
 * Who may do what: users, roles, API tokens, login, and the security rules every page and endpoint runs through.
 */
@ApplicationModule(displayName = "Identity", allowedDependencies = "platform")
@NullMarked
package dev.kervan.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
