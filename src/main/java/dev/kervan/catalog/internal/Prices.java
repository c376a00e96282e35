package dev.kervan.catalog.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import dev.kervan.customers.Customers;
import dev.kervan.customers.PricingTerms;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a customer pays for a product, and why. The price lists that may apply are, in this order: those given
 * to the account itself, those given to its customer class, and those given to nobody (for every customer); only
 * active lists valid on the day count. The first list in that order with a matching rule decides; within a list,
 * a rule for the product beats one for its category (the nearer category first), which beats one for every
 * product, and among those the rule with the highest minimum quantity the order reaches wins; between lists of the
 * same tier, one in the customer's currency comes first. A fixed price is the
 * price; a percentage comes off the product's sale price. The customer class's default discount comes off the sale
 * price when no list of the account or its class has a rule: it beats lists for every customer, being meant for
 * this customer's kind. A rule of the account's or class's own lists is not reduced further by the class discount.
 */
@Service
public class Prices {

	/** Where a price came from. */
	public enum Source {
		PRICE_LIST, CLASS_DISCOUNT, BASE_PRICE
	}

	/** The rule that gave a price; for a price list rule, the list and the rule. */
	public record AppliedRule(Source source, @Nullable Long priceListId, @Nullable String priceListName,
			@Nullable Long ruleId, PriceLists.@Nullable RuleType type, @Nullable BigDecimal value,
			@Nullable BigDecimal minQuantity, @Nullable String customerClass) {

		public AppliedRule {
			value = Decimals.plain(value, 0);
			minQuantity = Decimals.plain(minQuantity, 0);
		}
	}

	/**
	 * A price: {@code unitPrice = listPrice × (1 − discount / 100)}, rounded to four decimals; the discount is a
	 * percentage.
	 */
	public record Quote(long productId, @Nullable Long customerId, BigDecimal quantity, LocalDate date, String currency,
			BigDecimal basePrice, BigDecimal listPrice, BigDecimal discount, BigDecimal unitPrice, BigDecimal total,
			AppliedRule rule) {

		public Quote {
			basePrice = Decimals.plain(basePrice, 2);
			listPrice = Decimals.plain(listPrice, 2);
			unitPrice = Decimals.plain(unitPrice, 2);
		}
	}

	private record Candidate(long listId, String listName, String currency, long ruleId, String type, BigDecimal value,
			BigDecimal minQuantity, int tier) {

		/** A list given to nobody in particular: every customer's. */
		boolean forEveryone() {
			return tier == 2;
		}
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;
	private final CatalogPolicy policy;
	private final Customers customers;
	private final Clock clock;

	Prices(JdbcClient jdbc, CatalogPolicy policy, Customers customers, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.customers = customers;
		this.clock = clock;
	}

	/** The price on a day; {@code on} null means today. */
	public Quote quote(long productId, @Nullable Long customerId, BigDecimal quantity, @Nullable LocalDate on) {
		policy.requireReader();
		LocalDate date = on == null ? LocalDate.now(clock) : on;
		record Product(BigDecimal salePrice, String currency, @Nullable Long category) {
		}
		Product product = jdbc.sql("select sale_price, currency, category from product where id = ?")
			.param(productId)
			.query((rs, n) -> new Product(rs.getBigDecimal(1), rs.getString(2), rs.getObject(3, Long.class)))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException(Products.RECORD_TYPE, productId));
		PricingTerms terms = null;
		if (customerId != null) {
			terms = customers.pricingTerms(customerId).orElseThrow(() -> new RecordNotFoundException("customer", customerId));
		}
		Optional<Candidate> rule = bestRule(productId, product.category(), terms, quantity, date);
		BigDecimal base = product.salePrice();
		boolean classFirst = terms != null && terms.classDiscount().signum() > 0 && rule.filter(Candidate::forEveryone).isPresent();
		if (rule.isPresent() && !classFirst) {
			Candidate winner = rule.get();
			var applied = new AppliedRule(Source.PRICE_LIST, winner.listId(), winner.listName(), winner.ruleId(),
					PriceLists.RuleType.valueOf(winner.type()), winner.value(), winner.minQuantity(), null);
			if (winner.type().equals("FIXED")) {
				return quote(productId, customerId, quantity, date, winner.currency(), base, winner.value(), BigDecimal.ZERO,
						applied);
			}
			return quote(productId, customerId, quantity, date, product.currency(), requirePrice(base), base, winner.value(),
					applied);
		}
		if (terms != null && terms.classDiscount().signum() > 0) {
			var applied = new AppliedRule(Source.CLASS_DISCOUNT, null, null, null, null, terms.classDiscount(), null,
					terms.className());
			return quote(productId, customerId, quantity, date, product.currency(), requirePrice(base), base,
					terms.classDiscount(), applied);
		}
		var applied = new AppliedRule(Source.BASE_PRICE, null, null, null, null, null, null, null);
		return quote(productId, customerId, quantity, date, product.currency(), requirePrice(base), base, BigDecimal.ZERO,
				applied);
	}

	private static Quote quote(long productId, @Nullable Long customerId, BigDecimal quantity, LocalDate date,
			String currency, @Nullable BigDecimal base, BigDecimal listPrice, BigDecimal discount, AppliedRule rule) {
		BigDecimal unitPrice = listPrice.multiply(HUNDRED.subtract(discount)).divide(HUNDRED, 4, RoundingMode.HALF_UP);
		BigDecimal total = unitPrice.multiply(quantity).setScale(2, RoundingMode.HALF_UP);
		return new Quote(productId, customerId, quantity, date, currency, base == null ? listPrice : base,
				listPrice.setScale(4, RoundingMode.HALF_UP), discount.setScale(2, RoundingMode.HALF_UP), unitPrice, total, rule);
	}

	private static BigDecimal requirePrice(@Nullable BigDecimal base) {
		if (base == null) {
			throw new DomainException(ErrorKind.CONFLICT, "error.price.no-sale-price");
		}
		return base;
	}

	private Optional<Candidate> bestRule(long productId, @Nullable Long category, @Nullable PricingTerms terms,
			BigDecimal quantity, LocalDate date) {
		// tier: 0 the account's own lists, 1 its class's, 2 lists for every customer;
		// specificity: 0 the product, 1 + distance for a category, 1000 every product.
		return jdbc.sql("""
				with recursive ancestors (id, parent, distance) as (
				    select id, parent, 0 from product_category where id = :category
				    union all
				    select c.id, c.parent, a.distance + 1 from product_category c join ancestors a on c.id = a.parent
				),
				lists as (
				    select l.id, l.name, l.currency,
				      case when l.id = :ownList or exists (select 1 from price_list_customer pc where pc.price_list = l.id and pc.customer = :customer) then 0
				           when exists (select 1 from price_list_class pk where pk.price_list = l.id and pk.customer_class = :customerClass) then 1
				           when not exists (select 1 from price_list_customer pc where pc.price_list = l.id)
				            and not exists (select 1 from price_list_class pk where pk.price_list = l.id) then 2
				      end as tier
				    from price_list l
				    where l.active and (l.valid_from is null or l.valid_from <= :date) and (l.valid_to is null or l.valid_to >= :date)
				)
				select l.id, l.name, l.currency, r.id as rule, r.type, r.value, r.min_quantity, l.tier
				from lists l join price_rule r on r.price_list = l.id
				left join ancestors a on a.id = r.category
				where l.tier is not null and r.min_quantity <= :quantity
				  and (r.valid_from is null or r.valid_from <= :date) and (r.valid_to is null or r.valid_to >= :date)
				  and (r.product = :product or (r.category is not null and a.id is not null) or (r.product is null and r.category is null))
				order by l.tier, l.currency <> :currency, case when r.product is not null then 0 when r.category is not null then 1 + a.distance else 1000 end,
				  r.min_quantity desc, l.id, r.id
				limit 1""")
			.param("category", category == null ? -1L : category)
			.param("ownList", terms == null || terms.priceListId() == null ? -1L : terms.priceListId())
			.param("customer", terms == null ? -1L : terms.customerId())
			.param("customerClass", terms == null || terms.classId() == null ? -1L : terms.classId())
			.param("date", date)
			.param("quantity", quantity)
			.param("product", productId)
			.param("currency", terms == null ? "" : terms.currency())
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getInt(8)))
			.optional();
	}
}
