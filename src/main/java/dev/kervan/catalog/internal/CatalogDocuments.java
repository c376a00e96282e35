package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.kervan.customers.CustomerSummary;
import dev.kervan.customers.Customers;
import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.Checks;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.Languages;
import dev.kervan.platform.Money;
import dev.kervan.platform.PdfDocuments;
import dev.kervan.platform.RecordNotFoundException;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The catalogue (products with their prices, by category) and a price list as PDF documents, in English, Turkish
 * or Persian whatever language the asker reads, and mailed as attachments. Documents are built and mailed outside
 * any transaction: nothing is written, and a slow mail server holds no database connection.
 */
@Service
public class CatalogDocuments {

	/** The most products a catalogue lists; a longer one is asked for by category. */
	public static final int MAX_PRODUCTS = 5_000;

	/** A document: the name it is saved or attached under, and the PDF. */
	public record Pdf(String filename, byte[] content) {

		/** The answer that shows the document in the browser, to read or print, under its name. */
		public ResponseEntity<byte[]> inline() {
			return ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
				.body(content);
		}
	}

	/** A product as the catalogue shows it, named in the document's language. */
	public record CatalogueItem(String code, String name, String unit, @Nullable Money salePrice, BigDecimal vatRate) {
	}

	/** The products of one category; {@code category} is empty for those in none. */
	public record CatalogueGroup(String category, List<CatalogueItem> items) {
	}

	/**
	 * A rule of a price list as the document shows it: a product (code and name in the document's language), a
	 * category (its path), or neither (every product).
	 */
	public record PriceLine(@Nullable String productCode, @Nullable String productName, @Nullable String category,
			PriceLists.RuleType type, BigDecimal value, BigDecimal minQuantity, PriceLists.Rule rule) {
	}

	private final CatalogPolicy policy;
	private final PriceLists priceLists;
	private final ProductCategories categories;
	private final Customers customers;
	private final PdfDocuments pdfs;
	private final DocumentMail mail;
	private final MessageSource messages;
	private final JdbcClient jdbc;

	CatalogDocuments(CatalogPolicy policy, PriceLists priceLists, ProductCategories categories, Customers customers,
			PdfDocuments pdfs, DocumentMail mail, MessageSource messages, JdbcClient jdbc) {
		this.policy = policy;
		this.priceLists = priceLists;
		this.categories = categories;
		this.customers = customers;
		this.pdfs = pdfs;
		this.mail = mail;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	/**
	 * The language a document is asked for in: a supported language tag, or without one the asker's own language.
	 *
	 * @param field the request's field that named it, for the refusal of an unknown language
	 */
	public static Locale language(@Nullable String tag, String field) {
		if (tag == null || tag.isBlank()) {
			return Languages.supported(LocaleContextHolder.getLocale().toLanguageTag()).orElse(Languages.ENGLISH);
		}
		return Languages.supported(tag)
			.orElseThrow(() -> InvalidInputException.of(field, "error.user.language-unsupported", tag.strip()));
	}

	/** The active products (of a category and those below it), grouped by category in tree order, then by code. */
	public Pdf products(@Nullable Long categoryId, Locale language) {
		policy.requireReader();
		if (categoryId != null && !categories.exists(categoryId)) {
			throw new RecordNotFoundException("product-category", categoryId);
		}
		var model = new HashMap<String, Object>();
		model.put("groups", catalogue(categoryId, language.getLanguage()));
		model.put("category", categoryId == null ? "" : categories.get(categoryId).path());
		return new Pdf("catalogue-" + language.getLanguage() + ".pdf", pdfs.render("catalog/products-pdf", model, language));
	}

	private List<CatalogueGroup> catalogue(@Nullable Long categoryId, String language) {
		record Found(long category, CatalogueItem item) {
		}
		List<Found> found = jdbc.sql("""
				select p.code, p.name, p.translations::text as translations, coalesce(p.category, 0) as category,
				  u.code as unit, p.sale_price, p.currency, p.vat_rate
				from product p join unit_of_measure u on u.id = p.unit
				where p.active and (cast(:category as bigint) is null or p.category in (select id from product_category_tree(:category)))
				order by p.code, p.id limit :limit""")
			.param("category", categoryId)
			.param("limit", MAX_PRODUCTS + 1)
			.query((rs, n) -> new Found(rs.getLong("category"), new CatalogueItem(rs.getString("code"),
					ProductRow.texts(rs.getString("translations")).getOrDefault(language, rs.getString("name")),
					rs.getString("unit"), salePrice(rs), rs.getBigDecimal("vat_rate"))))
			.list();
		if (found.size() > MAX_PRODUCTS) {
			throw InvalidInputException.of("categoryId", "error.catalog.files.too-many-products", MAX_PRODUCTS);
		}
		var byCategory = new LinkedHashMap<Long, List<CatalogueItem>>();
		for (ProductCategories.Category category : categories.tree()) {
			byCategory.put(category.id(), new ArrayList<>());
		}
		byCategory.put(0L, new ArrayList<>());
		found.forEach(f -> byCategory.computeIfAbsent(f.category(), k -> new ArrayList<>()).add(f.item()));
		Map<Long, String> paths = new HashMap<>();
		categories.tree().forEach(c -> paths.put(c.id(), c.path()));
		var groups = new ArrayList<CatalogueGroup>();
		byCategory.forEach((category, items) -> {
			if (!items.isEmpty()) {
				groups.add(new CatalogueGroup(category == 0 ? "" : paths.getOrDefault(category, ""), items));
			}
		});
		return groups;
	}

	/** A price list's rules, with a customer's name at the top when it is made for one. */
	public Pdf priceList(long id, @Nullable Long customerId, Locale language) {
		PriceLists.PriceList list = priceLists.get(id);
		String customer = null;
		if (customerId != null) {
			customer = customers.find(customerId).map(CustomerSummary::name)
				.orElseThrow(() -> InvalidInputException.of("customerId", "error.price-list.unknown-customer", String.valueOf(customerId)));
		}
		Map<Long, String> paths = new HashMap<>();
		categories.tree().forEach(c -> paths.put(c.id(), c.path()));
		Map<Long, String> names = productNames(list.rules(), language.getLanguage());
		List<PriceLine> lines = list.rules().stream()
			.map(rule -> new PriceLine(rule.productCode(), rule.productId() == null ? null : names.get(rule.productId()),
					rule.categoryId() == null ? null : paths.get(rule.categoryId()), rule.type(), rule.value(),
					rule.minQuantity(), rule))
			.toList();
		var model = new HashMap<String, Object>();
		model.put("list", list);
		model.put("lines", lines);
		model.put("customer", customer == null ? "" : customer);
		String filename = list.name().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
		return new Pdf((filename.isEmpty() ? "price-list" : filename) + ".pdf",
				pdfs.render("catalog/price-list-pdf", model, language));
	}

	private Map<Long, String> productNames(List<PriceLists.Rule> rules, String language) {
		Long[] ids = rules.stream().map(PriceLists.Rule::productId).filter(java.util.Objects::nonNull).distinct()
			.toArray(Long[]::new);
		var names = new HashMap<Long, String>();
		if (ids.length > 0) {
			jdbc.sql("select id, name, translations::text from product where id = any(?)")
				.param(ids)
				.query((rs, n) -> names.put(rs.getLong(1), ProductRow.texts(rs.getString(3)).getOrDefault(language,
						rs.getString(2))))
				.list();
		}
		return names;
	}

	@Schema(description = "Mails the product catalogue, of a category and those below it or of all, as a PDF attachment.")
	public record ProductsMail(@Schema(format = "email") String to,
			@Schema(allowableValues = { "en", "tr", "fa" }, description = "English when absent.") @Nullable String language,
			@Nullable Long categoryId, @Schema(maxLength = 5000) @Nullable String message) {
	}

	@Schema(description = "Mails a price list as a PDF attachment, with the customer's name at the top when given.")
	public record PriceListMail(@Schema(format = "email") String to,
			@Schema(allowableValues = { "en", "tr", "fa" }, description = "English when absent.") @Nullable String language,
			@Nullable Long customerId, @Schema(maxLength = 5000) @Nullable String message) {
	}

	/** Mails the catalogue. */
	public void sendProducts(ProductsMail mail) {
		CurrentUser user = policy.requireDocumentSender();
		Request request = request(mail.to(), mail.language(), mail.message());
		Pdf pdf = products(mail.categoryId(), request.language());
		send(request, pdf, messages.getMessage("catalog.files.mail.products.subject", null, request.language()),
				messages.getMessage("catalog.files.mail.products.body", null, request.language()), user);
	}

	/** Mails a price list. */
	public void sendPriceList(long id, PriceListMail mail) {
		CurrentUser user = policy.requireDocumentSender();
		Request request = request(mail.to(), mail.language(), mail.message());
		String name = priceLists.get(id).name();
		Pdf pdf = priceList(id, mail.customerId(), request.language());
		send(request, pdf, messages.getMessage("catalog.files.mail.price-list.subject", new Object[] { name },
				request.language()),
				messages.getMessage("catalog.files.mail.price-list.body", new Object[] { name }, request.language()), user);
	}

	private record Request(String to, Locale language, @Nullable String message) {
	}

	/** Whom to mail, in which language, with what message: each checked, every problem refused at once. */
	private static Request request(@Nullable String to, @Nullable String tag, @Nullable String message) {
		var checks = new Checks();
		String address = checks.required("to", checks.email("to", to));
		String languageTag = checks.code("language", tag, 10);
		Locale language = Languages.ENGLISH;
		try {
			language = language(languageTag, "language");
		}
		catch (InvalidInputException unknown) {
			unknown.violations().forEach(v -> checks.reject(v.field(), v.messageCode(), v.arguments()));
		}
		String text = checks.freeText("message", message, 5_000);
		checks.throwIfInvalid();
		return new Request(address, language, text);
	}

	private void send(Request request, Pdf pdf, String subject, String body, CurrentUser sender) {
		// A list's name goes into the subject: no line break of it may reach the mail's headers.
		mail.send(request.to(), request.language(), request.message(), subject.replaceAll("[\\r\\n]+", " "), body,
				sender.displayName(), pdf);
	}

	private static @Nullable Money salePrice(ResultSet rs) throws SQLException {
		BigDecimal amount = rs.getBigDecimal("sale_price");
		return amount == null ? null : Money.of(amount, rs.getString("currency"));
	}
}
