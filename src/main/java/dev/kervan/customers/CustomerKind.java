package dev.kervan.customers;

/** Whether an account is a company or a private person. */
public enum CustomerKind {
	COMPANY, PERSON
}
