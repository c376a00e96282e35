package dev.kervan.customers.web;

import dev.kervan.customers.internal.PortalAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page of a customer's person using the portal: the company they act for and a way out. The portal's
 * own pages (orders, deliveries, invoices) are to come; until then staff pages are neither linked nor open to them.
 */
@Controller
class PortalPages {

	private final PortalAccounts accounts;

	PortalPages(PortalAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/portal")
	String start(Model model) {
		model.addAllAttributes(accounts.startPage().toModel());
		return "customers/portal";
	}
}
