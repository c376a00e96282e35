package dev.kervan.customers;

/** What an account is to us; it may be both. */
public enum CustomerRole {
	CUSTOMER, SUPPLIER
}
