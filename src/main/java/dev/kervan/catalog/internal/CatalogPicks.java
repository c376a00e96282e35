package dev.kervan.catalog.internal;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the product, category and price list pickers offer (platform.Picker), read as the catalog's lists are. */
@Service
public class CatalogPicks {

	private final Products products;
	private final ProductCategories categories;
	private final CatalogPolicy policy;
	private final JdbcClient jdbc;

	CatalogPicks(Products products, ProductCategories categories, CatalogPolicy policy, JdbcClient jdbc) {
		this.products = products;
		this.categories = categories;
		this.policy = policy;
		this.jdbc = jdbc;
	}

	/**
	 * Active products for what was typed, through the product list's search (code, names in every language, brand,
	 * model, manufacturer code, an exact barcode), in code order; each shown as its code and name in the reader's
	 * language.
	 */
	public List<Picker.Match> products(@Nullable String q) {
		String typed = Picker.typed(q);
		String language = LocaleContextHolder.getLocale().getLanguage();
		return products.list(new Products.Filter(typed, null, null, null, true), null, PageLimit.of(Picker.LIMIT))
			.items()
			.stream()
			.map(product -> new Picker.Match(product.id(), product.code() + " · " + product.name(language),
					detail(product.barcodes().contains(typed) ? typed : null, product.brand(), product.model())))
			.toList();
	}

	/** Categories whose path (parents and name) holds every word typed, in tree order. */
	public List<Picker.Match> categories(@Nullable String q) {
		Picker.Words words = Picker.words(q);
		return categories.list()
			.stream()
			.filter(category -> words.foundIn(category.path()))
			.limit(Picker.LIMIT)
			.map(category -> new Picker.Match(category.id(), category.path(), null))
			.toList();
	}

	/** Active price lists by name, with their currency. */
	public List<Picker.Match> priceLists(@Nullable String q) {
		policy.requireReader();
		Picker.Words words = Picker.words(q);
		return jdbc.sql("select id, name, currency from price_list where active order by lower(name), id")
			.query((rs, n) -> new Picker.Match(rs.getLong("id"), rs.getString("name"), rs.getString("currency")))
			.stream()
			.filter(list -> words.foundIn(list.label(), list.detail()))
			.limit(Picker.LIMIT)
			.toList();
	}

	private static @Nullable String detail(@Nullable String... parts) {
		List<String> given = Stream.of(parts).filter(Objects::nonNull).filter(part -> !part.isBlank()).toList();
		return given.isEmpty() ? null : String.join(" · ", given);
	}
}
