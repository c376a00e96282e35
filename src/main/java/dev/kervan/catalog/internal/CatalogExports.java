package dev.kervan.catalog.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.platform.Decimals;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.Problems;
import dev.kervan.platform.TableExport;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Products and price lists as XLSX or CSV, in the columns their imports read (headers in the reader's language,
 * which the imports recognise in every language), so that a file exported, changed and imported again changes
 * exactly what was changed.
 */
@Service
public class CatalogExports {

	/** The columns of a price list's file; the product's name is there to read and is not imported. */
	static final List<String> PRICE_COLUMNS = List.of("productCode", "productName", "category", "type", "value",
			"minQuantity", "validFrom", "validTo");

	private final Products products;
	private final ProductCategories categories;
	private final PriceLists priceLists;
	private final CatalogPolicy policy;
	private final JdbcClient jdbc;
	private final Problems messages;

	CatalogExports(Products products, ProductCategories categories, PriceLists priceLists, CatalogPolicy policy,
			JdbcClient jdbc, Problems messages) {
		this.products = products;
		this.categories = categories;
		this.priceLists = priceLists;
		this.policy = policy;
		this.jdbc = jdbc;
		this.messages = messages;
	}

	/**
	 * Every product the list would show for the search and category, in code order, as a download in the format
	 * named (XLSX when none); who may not read the catalog is refused before the answer's headers are written.
	 */
	public void downloadProducts(@Nullable String format, @Nullable String query, @Nullable Long categoryId,
			HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.of(format);
		policy.requireReader();
		TableExport.startDownload(response, chosen, "products");
		products(query, categoryId, chosen, response.getOutputStream());
	}

	/** A price list's rules as a download named after the list, in the format named (XLSX when none). */
	public void downloadPriceList(long id, @Nullable String format, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = TableExport.Format.of(format);
		String name = priceLists.get(id).name();
		TableExport.startDownload(response, chosen, name);
		priceList(id, chosen, response.getOutputStream());
	}

	/** Every product the list would show for the search and category, in code order. */
	void products(@Nullable String query, @Nullable Long categoryId, TableExport.Format format, OutputStream out) {
		policy.requireReader();
		Map<Long, String> paths = categoryPaths();
		List<String> headers = ProductImport.COLUMNS.keySet().stream()
			.map(field -> messages.message("catalog.files.column." + field))
			.toList();
		var filter = new Products.Filter(query, categoryId, null, null, null);
		TableExport.write(format, out, messages.message("catalog.files.sheet.products"), headers, rows -> {
			String cursor = null;
			do {
				var page = products.list(filter, cursor, PageLimit.of(PageLimit.MAX));
				for (ProductRow p : page.items()) {
					var cells = new ArrayList<@Nullable Object>();
					cells.add(p.code());
					cells.add(p.name());
					cells.add(p.names().get("tr"));
					cells.add(p.names().get("fa"));
					cells.add(p.categoryId() == null ? null : paths.get(p.categoryId()));
					cells.add(p.unitCode());
					cells.add(String.join(" ", p.barcodes()));
					cells.add(p.brand());
					cells.add(p.model());
					cells.add(p.manufacturerCode());
					cells.add(p.vatRate());
					cells.add(p.salePrice());
					cells.add(p.standardCost());
					cells.add(p.currency());
					cells.add(p.minStock());
					cells.add(p.maxStock());
					cells.add(p.tracking().name());
					cells.add(p.kind().name());
					cells.add(p.stage().name());
					cells.add(p.shelfLifeDays());
					cells.add(p.warrantyLength());
					cells.add(p.warrantyUnit());
					rows.add(cells);
				}
				cursor = page.nextCursor();
			}
			while (cursor != null);
		});
	}

	/** A price list's rules: for a product (by code), for a category (by path), or, naming neither, every product. */
	void priceList(long id, TableExport.Format format, OutputStream out) {
		PriceLists.PriceList list = priceLists.get(id);
		Map<Long, String> paths = categoryPaths();
		Map<Long, String> names = productNames(list.rules().stream().map(PriceLists.Rule::productId).toList());
		List<String> headers = PRICE_COLUMNS.stream().map(field -> messages.message("catalog.files.column." + field)).toList();
		// A sheet's name may not hold : \ / ? * [ or ].
		String sheet = list.name().replaceAll("[:\\\\/?*\\[\\]]", "-");
		TableExport.write(format, out, sheet, headers, rows -> {
			for (PriceLists.Rule rule : list.rules()) {
				var cells = new ArrayList<@Nullable Object>();
				cells.add(rule.productCode());
				cells.add(rule.productId() == null ? null : names.get(rule.productId()));
				cells.add(rule.categoryId() == null ? null : paths.get(rule.categoryId()));
				cells.add(rule.type().name());
				cells.add(Decimals.quantity(rule.value()));
				cells.add(Decimals.quantity(rule.minQuantity()));
				cells.add(rule.validFrom());
				cells.add(rule.validTo());
				rows.add(cells);
			}
		});
	}

	/** Every category's path ("Appliances / Washing machines"), by id. */
	Map<Long, String> categoryPaths() {
		var paths = new HashMap<Long, String>();
		categories.tree().forEach(c -> paths.put(c.id(), c.path()));
		return paths;
	}

	/** Products' main names, by id; ids of no product are left out. */
	Map<Long, String> productNames(Collection<@Nullable Long> ids) {
		var names = new HashMap<Long, String>();
		Long[] wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toArray(Long[]::new);
		if (wanted.length > 0) {
			jdbc.sql("select id, name from product where id = any(?)")
				.param(wanted)
				.query((rs, n) -> names.put(rs.getLong(1), rs.getString(2)))
				.list();
		}
		return names;
	}
}
