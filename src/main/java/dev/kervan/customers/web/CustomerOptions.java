package dev.kervan.customers.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.kervan.customers.AccountPriceLists;
import dev.kervan.customers.AccountTeams;
import dev.kervan.customers.CustomerKind;
import dev.kervan.customers.CustomerRole;
import dev.kervan.customers.CustomerStatus;
import dev.kervan.customers.internal.CustomerClass;
import dev.kervan.customers.internal.CustomerSettings;
import dev.kervan.customers.internal.Lookup;
import dev.kervan.customers.internal.Parts;
import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import dev.kervan.platform.Countries;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Money;
import dev.kervan.platform.Option;
import dev.kervan.platform.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The choices the account forms offer, in the reader's language. Pages reach it as {@code ${@customerOptions}}. */
@Component("customerOptions")
class CustomerOptions {

	private final Problems messages;
	private final CustomerSettings settings;
	private final Users users;

	private final ObjectProvider<AccountTeams> teams;
	private final ObjectProvider<AccountPriceLists> priceLists;

	CustomerOptions(Problems messages, CustomerSettings settings, Users users, ObjectProvider<AccountTeams> teams,
			ObjectProvider<AccountPriceLists> priceLists) {
		this.messages = messages;
		this.settings = settings;
		this.users = users;
		this.teams = teams;
		this.priceLists = priceLists;
	}

	/** The sales teams an account may be looked after by (none when the pipeline is not there). */
	public List<Option> teams() {
		AccountTeams known = teams.getIfAvailable();
		return known == null ? List.of() : known.choices();
	}

	/** The price lists an account may be given (none when the catalog is not there). */
	public List<Option> priceLists() {
		AccountPriceLists lists = priceLists.getIfAvailable();
		return lists == null ? List.of() : lists.choices();
	}

	public List<Option> kinds() {
		return Arrays.stream(CustomerKind.values()).map(k -> option(k.name(), "customer.kind." + k.name())).toList();
	}

	public List<Option> statuses() {
		return Arrays.stream(CustomerStatus.values()).map(s -> option(s.name(), "customer.status." + s.name())).toList();
	}

	public List<Option> roles() {
		return Arrays.stream(CustomerRole.values()).map(r -> option(r.name(), "customer.role." + r.name())).toList();
	}

	public List<Option> countries() {
		return Countries.options(LocaleContextHolder.getLocale());
	}

	public List<Option> currencies() {
		return Money.OFFERED_CURRENCIES.stream().map(code -> new Option(code, code)).toList();
	}

	public List<Option> languages() {
		return Languages.SUPPORTED.stream()
			.map(l -> new Option(l.getLanguage(), l.getDisplayLanguage(l)))
			.toList();
	}

	public List<Option> categories() {
		return lookups(Lookup.Kind.CATEGORY);
	}

	public List<Option> sectors() {
		return lookups(Lookup.Kind.SECTOR);
	}

	public List<Option> sizeBands() {
		return lookups(Lookup.Kind.SIZE_BAND);
	}

	public List<Option> classes() {
		return settings.classes().stream().filter(CustomerClass::active)
			.map(c -> new Option(String.valueOf(c.id()), c.name())).toList();
	}

	public List<Option> salespeople() {
		var people = new ArrayList<UserSummary>(users.activeWithRole(Role.SALESPERSON));
		users.activeWithRole(Role.SALES_MANAGER).stream().filter(u -> !people.contains(u)).forEach(people::add);
		return people.stream().map(u -> new Option(String.valueOf(u.id()), u.displayName())).toList();
	}

	public List<Option> addressPurposes() {
		return Arrays.stream(Parts.Address.Purpose.values())
			.map(p -> option(p.name(), "customer.address.purpose." + p.name())).toList();
	}

	public List<Option> relationTypes() {
		return Arrays.stream(Parts.Relation.Type.values())
			.map(t -> option(t.name(), "customer.relation.type." + t.name())).toList();
	}

	private List<Option> lookups(Lookup.Kind kind) {
		return settings.lookups(kind).stream().filter(Lookup::active)
			.map(l -> new Option(String.valueOf(l.id()), l.name())).toList();
	}

	private Option option(String value, String key) {
		return new Option(value, messages.message(key));
	}
}
