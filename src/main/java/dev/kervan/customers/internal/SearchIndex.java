package dev.kervan.customers.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.kervan.platform.PhoneNumbers;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;

/**
 * What an account is found by: its name, tax number, email, tags, its addresses' cities and contacts' names as
 * folded text (case, accents, Turkish i's and Arabic letter forms do not matter), and its numbers as digits in
 * every way people write them (international and national), so a phone number is found in any format. The external
 * reference is left out: it is another system's key, found by the look-up that matches it exactly, and its digits
 * would otherwise find accounts by numbers nobody typed.
 */
final class SearchIndex {

	private SearchIndex() {
	}

	/** A contact's part of its account's index. */
	record ContactTerms(String name, @Nullable String email, @Nullable String phone, @Nullable String mobile) {
	}

	static void refresh(Customer customer, Collection<ContactTerms> contacts, Collection<String> cities) {
		var words = new StringBuilder(SearchText.fold(customer.name));
		append(words, SearchText.fold(customer.taxNumber));
		append(words, SearchText.fold(customer.email));
		append(words, SearchText.fold(String.join(" ", customer.tags)));
		append(words, cityWords(cities));
		Set<String> numbers = new LinkedHashSet<>();
		add(numbers, PhoneNumbers.digits(customer.taxNumber));
		addPhone(numbers, customer.phone);
		for (ContactTerms contact : contacts) {
			append(words, SearchText.fold(contact.name()));
			append(words, SearchText.fold(contact.email()));
			addPhone(numbers, contact.phone());
			addPhone(numbers, contact.mobile());
		}
		customer.searchText = words.toString();
		customer.searchDigits = String.join(" ", numbers);
		customer.sortName = SearchText.fold(customer.name);
	}

	/** The cities of an account's addresses, each once, folded: what a search by city looks for. */
	static String cityWords(Collection<String> cities) {
		return String.join(" ", cities.stream().map(SearchText::fold).filter(city -> !city.isEmpty()).distinct().toList());
	}

	private static void addPhone(Set<String> numbers, @Nullable String e164) {
		if (e164 == null || e164.isBlank()) {
			return;
		}
		add(numbers, PhoneNumbers.digits(e164));
		add(numbers, PhoneNumbers.nationalDigits(e164));
	}

	private static void add(Set<String> numbers, String digits) {
		if (!digits.isEmpty()) {
			numbers.add(digits);
		}
	}

	private static void append(StringBuilder words, String folded) {
		if (!folded.isEmpty()) {
			words.append(' ').append(folded);
		}
	}
}
