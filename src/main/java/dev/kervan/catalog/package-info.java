/**
 * The catalog: products and services, their units, categories, barcodes, variants, suppliers and competitors,
 * and the price lists that decide what a customer pays.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = { "platform", "identity", "customers" })
@NullMarked
package dev.kervan.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
