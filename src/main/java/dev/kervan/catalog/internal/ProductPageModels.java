package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

import dev.kervan.catalog.Catalog;
import dev.kervan.catalog.ProductPanel;
import dev.kervan.catalog.Tracking;
import dev.kervan.customers.Customers;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Formats;
import dev.kervan.platform.Forms;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.ListLinks;
import dev.kervan.platform.Option;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PageModel;
import dev.kervan.platform.RecordHistory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** What the product pages show, each built in one call: the list, a product with its parts, the product form. */
@Component
public class ProductPageModels {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Products products;
	private final ProductParts parts;
	private final ProductFiles files;
	private final ProductCategories categories;
	private final Units units;
	private final PriceLists priceLists;
	private final Prices prices;
	private final CatalogPolicy policy;
	private final RecordHistory history;
	private final List<ProductPanel> panels;
	private final Catalog catalog;
	private final Customers customers;
	private final Forms forms;
	private final Formats formats;

	ProductPageModels(Products products, ProductParts parts, ProductFiles files, ProductCategories categories, Units units,
			PriceLists priceLists, Prices prices, CatalogPolicy policy, RecordHistory history, List<ProductPanel> panels,
			Catalog catalog, Customers customers, Forms forms, Formats formats) {
		this.formats = formats;
		this.catalog = catalog;
		this.customers = customers;
		this.products = products;
		this.parts = parts;
		this.files = files;
		this.categories = categories;
		this.units = units;
		this.priceLists = priceLists;
		this.prices = prices;
		this.policy = policy;
		this.history = history;
		this.panels = panels.stream().sorted(Comparator.comparingInt(ProductPanel::order)).toList();
		this.forms = forms;
	}

	public record ListPage(KeysetPage<ProductRow> page, ListLinks links,
			List<Option> categoryOptions, List<Option> stageOptions, List<Option> trackingOptions, boolean mayEdit)
			implements PageModel {
	}

	/** A panel of another module, ready for the page: its model is what its fragment reads as {@code data}. */
	public record ShownPanel(String titleKey, String template, String fragment, Map<String, Object> data) {
	}

	public record ProductPage(ProductRow product, @Nullable String categoryPath, List<ShownPanel> panels,
			List<ProductParts.Supplier> suppliers, List<ProductParts.CompetitorPrice> competitorPrices, String competitorChart,
			List<ProductParts.Link> links, List<ProductRow> variants, List<ProductParts.Attribute> attributes,
			List<PriceLists.PriceList> priceLists, List<Attachment> files, List<HistoryEntry> history, boolean mayEdit,
			boolean mayEditSuppliers, boolean mayEditPrices, Map<String, String> check, FormState checkForm,
			Prices.@Nullable Quote quote, @Nullable String quoteProblem) implements PageModel {
	}

	/** The product form: the product when one is changed, the form, and the choices its drop-downs offer. */
	public record FormPage(@Nullable ProductRow product, FormState form, List<Option> unitOptions,
			List<Option> categoryOptions, List<Option> stageOptions, List<Option> trackingOptions, List<Option> kindOptions,
			List<Option> warrantyUnitOptions) implements PageModel {
	}

	public ListPage list(Products.Filter filter, @Nullable String cursor) {
		var links = ListLinks.to("/products").exportedAt("/products/export").with("q", filter.query())
			.with("categoryId", filter.categoryId()).with("stage", filter.stage()).with("tracking", filter.tracking())
			.with("active", filter.active()).at(cursor);
		return new ListPage(products.list(filter, cursor, PageLimit.of(50)), links, categoryOptions(),
				forms.options(ProductStage.values(), "product.stage."), forms.options(Tracking.values(), "product.tracking."),
				policy.mayEditProducts());
	}

	/**
	 * A product's page, with what a customer pays for a quantity when the page is asked for it; the account is
	 * chosen with a picker, whose text ({@code customerText}) is shown again, or said to choose none.
	 */
	public ProductPage product(long id, @Nullable Long customerId, @Nullable String customerText, @Nullable String quantity) {
		ProductRow product = products.get(id);
		var shown = new ArrayList<ShownPanel>();
		for (ProductPanel panel : panels) {
			Map<String, Object> data = panel.model(product.facts());
			if (!data.isEmpty()) {
				shown.add(new ShownPanel(panel.titleKey(), panel.template(), panel.fragment(), data));
			}
		}
		List<ProductParts.CompetitorPrice> competitorPrices = parts.competitorPrices(id);
		Map<String, String> check = Map.of("quantity", quantity == null ? "1" : quantity);
		Quoting quoting = unchosen(customerId, customerText) ? new Quoting(null, forms.message(FormState.NOT_CHOSEN, customerText))
				: customerId != null || quantity != null ? quote(() -> id, customerId, quantity) : Quoting.NONE;
		return new ProductPage(product, product.categoryId() == null ? null : categories.get(product.categoryId()).path(),
				shown, parts.suppliers(id), competitorPrices, competitorChart(product, competitorPrices), parts.links(id),
				product.variantOfId() == null ? parts.variants(id) : List.of(), parts.attributes(), priceLists.forProduct(id),
				files.list(id), history.of(Products.RECORD_TYPE, id, product.snapshot(), List.of()), policy.mayEditProducts(), policy.mayEditSuppliers(),
				policy.mayEditPrices(), check, customerPick(customerId, customerText), quoting.quote(), quoting.problem());
	}

	/** Whether the price check's account picker was sent with a text that chose no account. */
	private static boolean unchosen(@Nullable Long customerId, @Nullable String customerText) {
		return customerId == null && customerText != null && !customerText.isBlank();
	}

	/**
	 * The price check's account as its picker shows it: by the account's name (looked up, so an address with an id
	 * alone shows it too), or the text typed that chose none.
	 */
	private FormState customerPick(@Nullable Long customerId, @Nullable String customerText) {
		if (customerId == null) {
			return FormState.of(Map.of("customerId", "")).withText("customerId", customerText == null ? "" : customerText.strip());
		}
		return FormState.of(Map.of("customerId", customerId.toString()))
			.withText("customerId", customers.names(List.of(customerId)).getOrDefault(customerId, ""));
	}

	public record PriceListsPage(List<PriceLists.PriceList> lists, boolean mayEdit) implements PageModel {
	}

	/**
	 * A price list with whom it is for ({@code assignForm}: the accounts by name, the classes ticked among
	 * {@code classOptions}) and its price check: what a customer pays for a product (by code or barcode) and quantity.
	 */
	public record PriceListPage(PriceLists.PriceList list, List<ProductCategories.Category> categories,
			Map<Long, String> categoryPaths, boolean mayEdit, FormState assignForm, List<Option> classOptions, Map<String, String> check, FormState checkForm,
			Prices.@Nullable Quote quote, @Nullable String quoteProblem, List<HistoryEntry> history) implements PageModel {

		/** The check's problem shows with the page's notices; none leaves a notice the page was sent to alone. */
		@Override
		public Map<String, @Nullable Object> more() {
			return quoteProblem == null ? Map.of() : Map.of(Forms.PROBLEM, quoteProblem);
		}
	}

	public PriceListsPage priceLists() {
		return new PriceListsPage(priceLists.list(), policy.mayEditPrices());
	}

	public PriceListPage priceList(long id, @Nullable String product, @Nullable Long customerId,
			@Nullable String customerText, @Nullable String quantity) {
		PriceLists.PriceList list = priceLists.get(id);
		Quoting quoting = unchosen(customerId, customerText) ? new Quoting(null, forms.message(FormState.NOT_CHOSEN, customerText))
				: product == null || product.isBlank() ? Quoting.NONE
				: quote(() -> catalog.findByCodeOrBarcode(product)
					.orElseThrow(() -> new DomainException(ErrorKind.NOT_FOUND, "price-list.check.unknown", product)).id(),
						customerId, quantity);
		List<ProductCategories.Category> tree = categories.list();
		var paths = new HashMap<Long, String>();
		tree.forEach(category -> paths.put(category.id(), category.path()));
		return new PriceListPage(list, tree, paths, policy.mayEditPrices(), audience(list), priceLists.classOptions(list),
				Map.of("product", product == null ? "" : product, "quantity", quantity == null ? "1" : quantity),
				customerPick(customerId, customerText), quoting.quote(), quoting.problem(),
				history.of(PriceLists.RECORD_TYPE, id, list.snapshot(), List.of()));
	}

	/** Whom a list is for, as its form shows it: the accounts by name, the classes ticked. */
	private FormState audience(PriceLists.PriceList list) {
		Map<Long, String> names = customers.names(list.customerIds());
		var texts = new HashMap<String, String>();
		names.forEach((customer, name) -> texts.put(customer.toString(), name));
		return FormState.of(Map.of(), Map.of("customerIds", list.customerIds().stream().map(String::valueOf).toList(),
				"customerClassIds", list.customerClassIds().stream().map(String::valueOf).toList()))
			.withTexts("customerIds", texts);
	}

	/** What a customer pays for a quantity of a product, or why that cannot be said. */
	private record Quoting(Prices.@Nullable Quote quote, @Nullable String problem) {

		static final Quoting NONE = new Quoting(null, null);
	}

	private Quoting quote(Supplier<Long> product, @Nullable Long customerId, @Nullable String quantity) {
		BigDecimal amount;
		try {
			amount = quantityOf(quantity);
		}
		catch (NumberFormatException e) {
			return new Quoting(null, forms.message("error.value.quantity"));
		}
		try {
			return new Quoting(prices.quote(product.get(), customerId, amount, null), null);
		}
		catch (DomainException refusal) {
			return new Quoting(null, forms.describe(refusal, null));
		}
	}

	/** The form for a new product, with the usual unit, currency, VAT rate, stage, tracking and kind. */
	public FormPage newProduct() {
		policy.requireProductEditor();
		return form(null, FormState.of(Map.of("unit", "PCS", "currency", "TRY", "vatRate", "20", "stage", "ACTIVE",
				"tracking", "NONE", "kind", "GOOD")));
	}

	public FormPage edit(long id) {
		policy.requireProductEditor();
		ProductRow product = products.get(id);
		return form(product, FormState.of(values(product)));
	}

	/** The form again as it was sent, with the refusal it carries. */
	public FormPage refused(@Nullable Long id, FormState form) {
		policy.requireProductEditor();
		return form(id == null ? null : products.get(id), form);
	}

	private FormPage form(@Nullable ProductRow product, FormState form) {
		return new FormPage(product, form,
				units.list().stream().filter(Units.Unit::active).map(u -> new Option(u.code(), u.code() + " · " + u.name()))
					.toList(),
				categoryOptions(), forms.options(ProductStage.values(), "product.stage."), forms.options(Tracking.values(), "product.tracking."),
				forms.options(ProductKind.values(), "product.kind."), forms.options(WarrantyUnit.values(), "product.warranty-unit."));
	}

	private List<Option> categoryOptions() {
		return categories.list().stream().map(c -> new Option(String.valueOf(c.id()), c.path())).toList();
	}

	/** The quantity typed as the reader writes numbers ({@code 1.500} in Turkish), one when none is. */
	private BigDecimal quantityOf(@Nullable String quantity) {
		BigDecimal amount = quantity == null || quantity.isBlank() ? BigDecimal.ONE
				: formats.typedNumber(quantity).orElseThrow(NumberFormatException::new);
		if (!sensible(amount)) {
			throw new NumberFormatException();
		}
		return amount;
	}

	/** A quantity a price can be asked for: more than nothing, four decimals at the most, within numeric(19,4). */
	private static boolean sensible(BigDecimal quantity) {
		return quantity.signum() > 0 && quantity.scale() <= 4 && quantity.precision() - quantity.scale() <= 15;
	}

	/** A chart's lines over its labels (days), as the page's script draws them; a day without a value is null. */
	private record Chart(List<String> labels, List<Line> datasets) {
	}

	private record Line(String label, List<@Nullable String> values) {
	}

	/** The competitors' prices as lines over the days they were seen, with ours beside them. */
	private static String competitorChart(ProductRow product, List<ProductParts.CompetitorPrice> prices) {
		var days = new TreeSet<LocalDate>();
		var byCompetitor = new LinkedHashMap<String, Map<LocalDate, BigDecimal>>();
		for (ProductParts.CompetitorPrice price : prices) {
			days.add(price.observedOn());
			byCompetitor.computeIfAbsent(price.competitor() + " (" + price.currency() + ")", k -> new HashMap<>())
				.put(price.observedOn(), price.price());
		}
		var lines = new ArrayList<Line>();
		byCompetitor.forEach((competitor, values) -> lines.add(new Line(competitor, days.stream()
			.map(day -> values.get(day) == null ? null : values.get(day).toPlainString())
			.toList())));
		if (product.salePrice() != null) {
			String ours = product.salePrice().toPlainString();
			lines.add(new Line(product.code() + " (" + product.currency() + ")", days.stream().map(day -> ours).toList()));
		}
		return JSON.writeValueAsString(new Chart(days.stream().map(LocalDate::toString).toList(), lines));
	}

	/** The product's fields as the form shows them: numbers in the reader's way, as lists show them. */
	private Map<String, @Nullable String> values(ProductRow p) {
		var values = new HashMap<String, @Nullable String>();
		values.put("code", p.code());
		values.put("name", p.name());
		values.put("nameTr", p.names().get("tr"));
		values.put("nameFa", p.names().get("fa"));
		values.put("kind", p.kind().name());
		values.put("categoryId", p.categoryId() == null ? null : p.categoryId().toString());
		values.put("unit", p.unitCode());
		values.put("brand", p.brand());
		values.put("model", p.model());
		values.put("manufacturerCode", p.manufacturerCode());
		values.put("barcodes", String.join(" ", p.barcodes()));
		values.put("lengthCm", formats.inputNumber(p.lengthCm()));
		values.put("widthCm", formats.inputNumber(p.widthCm()));
		values.put("heightCm", formats.inputNumber(p.heightCm()));
		values.put("weightKg", formats.inputNumber(p.weightKg()));
		values.put("vatRate", formats.inputNumber(p.vatRate()));
		values.put("salesAccount", p.salesAccount());
		values.put("purchaseAccount", p.purchaseAccount());
		values.put("standardCost", formats.inputAmount(p.standardCost()));
		values.put("salePrice", formats.inputAmount(p.salePrice()));
		values.put("currency", p.currency());
		values.put("stage", p.stage().name());
		values.put("targetMarket", p.targetMarket());
		values.put("shelfLifeDays", formats.inputNumber(p.shelfLifeDays()));
		values.put("minStock", formats.inputNumber(p.minStock()));
		values.put("maxStock", formats.inputNumber(p.maxStock()));
		values.put("warrantyLength", formats.inputNumber(p.warrantyLength()));
		values.put("warrantyUnit", p.warrantyUnit());
		values.put("tracking", p.tracking().name());
		values.put("description", p.description());
		return values;
	}
}
