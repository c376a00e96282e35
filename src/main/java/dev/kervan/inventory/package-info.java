/**
 * Inventory: warehouses, the stock ledger of immutable moves, the figures derived from it (on hand, reserved,
 * available, incoming), reservations, lots and serial numbers, and what to reorder.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = { "platform", "identity", "customers", "catalog" })
@NullMarked
package dev.kervan.inventory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
