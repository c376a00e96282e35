package dev.kervan.catalog.internal;

/** Whether a product is kept in stock or is a service that is only sold. */
public enum ProductKind {
	GOOD, SERVICE
}
