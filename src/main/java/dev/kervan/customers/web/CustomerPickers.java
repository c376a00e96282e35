package dev.kervan.customers.web;

import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.internal.CustomerPicks;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The picker sources of accounts and of an account's contacts (platform.Picker). */
@RestController
class CustomerPickers {

	private final CustomerPicks picks;

	CustomerPickers(CustomerPicks picks) {
		this.picks = picks;
	}

	/** Accounts by name, tax number, external reference, phone or e-mail; {@code role=SUPPLIER}, {@code kind=PERSON} narrow. */
	@GetMapping("/pick/accounts")
	Picker.Answer accounts(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable CustomerRole role, @RequestParam(required = false) @Nullable CustomerKind kind) {
		return Picker.answer(picks.accounts(q, role, kind));
	}

	/** The contacts of an account by name, job title, e-mail or phone. */
	@GetMapping("/pick/contacts")
	Picker.Answer contacts(@RequestParam long account, @RequestParam(required = false) @Nullable String q) {
		return Picker.answer(picks.contacts(account, q));
	}
}
