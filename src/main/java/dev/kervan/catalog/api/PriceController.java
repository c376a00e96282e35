package dev.kervan.catalog.api;

import static dev.kervan.catalog.api.CatalogAnswers.all;
import static dev.kervan.catalog.api.CatalogAnswers.created;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.kervan.catalog.internal.NewPriceList;
import dev.kervan.catalog.internal.PriceListChange;
import dev.kervan.catalog.internal.PriceLists;
import dev.kervan.catalog.internal.Prices;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.FieldViolation;
import dev.kervan.platform.InvalidInputException;
import dev.kervan.platform.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Prices")
class PriceController {

	private final PriceLists lists;
	private final Prices prices;

	PriceController(PriceLists lists, Prices prices) {
		this.lists = lists;
		this.prices = prices;
	}

	@GetMapping("/prices")
	@Operation(summary = "What a customer pays for a product",
			description = "unitPrice = listPrice × (1 − discount/100); rule says which price list rule, class discount or base price gave it. "
					+ "quantity defaults to 1, date to today; without customerId only lists for every customer apply.")
	Prices.Quote price(@RequestParam long productId, @RequestParam(required = false) @Nullable Long customerId,
			@RequestParam(required = false) @Nullable BigDecimal quantity,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
		BigDecimal wanted = quantity == null ? BigDecimal.ONE : quantity;
		if (wanted.signum() <= 0 || wanted.scale() > 4 || wanted.precision() - wanted.scale() > 15) {
			throw new InvalidInputException(List.of(new FieldViolation("quantity", "error.value.positive")));
		}
		return prices.quote(productId, customerId, wanted, date);
	}

	@GetMapping("/price-lists")
	@Operation(summary = "Price lists")
	KeysetPage<PriceLists.PriceList> list() {
		return all(lists.list());
	}

	@PostMapping("/price-lists")
	@Operation(summary = "Create a price list",
			description = "name, currency, customerIds, customerClassIds, validFrom, validTo, active, rules: [{productId | categoryId | neither, "
					+ "type FIXED|PERCENT_OFF, value, minQuantity, validFrom, validTo}]")
	ResponseEntity<PriceLists.PriceList> create(@RequestBody NewPriceList command) {
		return created("/api/v1/price-lists", lists.create(command), PriceLists.PriceList::id);
	}

	@GetMapping("/price-lists/{id}")
	@Operation(summary = "A price list with its customers, classes and rules")
	PriceLists.PriceList get(@PathVariable long id) {
		return lists.get(id);
	}

	@PatchMapping("/price-lists/{id}")
	@Operation(summary = "Change a price list; customerIds, customerClassIds and rules replace the old ones when sent")
	PriceLists.PriceList update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody PriceListChange change) {
		return lists.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}
}
