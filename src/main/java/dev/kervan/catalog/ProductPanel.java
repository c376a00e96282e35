package dev.kervan.catalog;

import java.util.Map;

/**
 * A part of the product page that a module using the catalog contributes, such as the stock per warehouse, so the
 * page shows it without the catalog knowing that module. Rendered on the server with the page.
 */
public interface ProductPanel {

	/** Where the panel goes: panels are shown in this order. */
	int order();

	/** The message key of the panel's tab title. */
	String titleKey();

	/** The template holding the fragment and the fragment's name. */
	String template();

	String fragment();

	/** The model the fragment reads, for a product the current user may see; empty to leave the panel out. */
	Map<String, Object> model(ProductFacts product);
}
