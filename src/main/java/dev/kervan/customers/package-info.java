/**
 * The customer master: companies and people we sell to or buy from, with their branches, contacts, addresses,
 * bank data, credit terms and agreements.
 */
@ApplicationModule(displayName = "Customers", allowedDependencies = { "platform", "identity", "activities" })
@NullMarked
package dev.kervan.customers;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
