package dev.kervan.customers.api;

import java.math.BigDecimal;
import java.util.List;

import dev.kervan.customers.internal.CustomerClass;
import dev.kervan.customers.internal.CustomerSettings;
import dev.kervan.customers.internal.ExtraField;
import dev.kervan.customers.internal.Lookup;
import dev.kervan.customers.internal.SettingCommands.CustomerClassChange;
import dev.kervan.customers.internal.SettingCommands.ExtraFieldChange;
import dev.kervan.customers.internal.SettingCommands.LookupChange;
import dev.kervan.customers.internal.SettingCommands.NewCustomerClass;
import dev.kervan.customers.internal.SettingCommands.NewExtraField;
import dev.kervan.customers.internal.SettingCommands.NewLookup;
import dev.kervan.platform.Created;
import dev.kervan.platform.Decimals;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.Money;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.Versioned;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
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

/**
 * Account categories, sectors, size bands ({@code /api/v1/customer-categories}, {@code -sectors},
 * {@code -size-bands}), customer classes and extra fields.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Customer settings")
class CustomerSettingsController {

	private final CustomerSettings settings;

	CustomerSettingsController(CustomerSettings settings) {
		this.settings = settings;
	}

	record LookupResource(long id, String name, int sortOrder, boolean active, long version) implements Versioned {
		static LookupResource of(Lookup lookup) {
			return new LookupResource(lookup.id(), lookup.name(), lookup.sortOrder(), lookup.active(), lookup.version());
		}
	}

	record ClassResource(long id, String name, BigDecimal defaultDiscount, @Nullable BigDecimal riskLimit, String currency,
			boolean active, long version) implements Versioned {
		static ClassResource of(CustomerClass c) {
			Money riskLimit = c.riskLimit();
			return new ClassResource(c.id(), c.name(), Decimals.plain(c.defaultDiscount(), 0),
					riskLimit == null ? null : Decimals.plain(riskLimit.amount(), 2), c.currency(), c.active(), c.version());
		}
	}

	record FieldResource(long id, long categoryId, String code, String label, ExtraField.Type type, boolean required,
			List<String> choices, int sortOrder, boolean active, long version) implements Versioned {
		static FieldResource of(ExtraField f) {
			return new FieldResource(f.id(), f.category(), f.code(), f.label(), f.type(), f.required(), f.choices(),
					f.sortOrder(), f.active(), f.version());
		}
	}

	@GetMapping("/customer-{list}")
	@Operation(summary = "The account categories, sectors or size bands (list is categories, sectors or size-bands)")
	KeysetPage<LookupResource> lookups(@PathVariable String list) {
		return new KeysetPage<>(settings.lookups(kind(list)).stream().map(LookupResource::of).toList(), null);
	}

	@PostMapping("/customer-{list}")
	@Operation(summary = "Add a category, sector or size band (administrators)")
	ResponseEntity<LookupResource> createLookup(@PathVariable String list, @RequestBody NewLookup command) {
		Lookup lookup = settings.createLookup(kind(list), command);
		return Created.at("/api/v1/customer-" + list + "/", lookup.id(), LookupResource.of(lookup));
	}

	@GetMapping("/customer-{list}/{id}")
	@Operation(summary = "A category, sector or size band")
	LookupResource lookup(@PathVariable String list, @PathVariable long id) {
		return LookupResource.of(settings.lookup(kind(list), id));
	}

	@PatchMapping("/customer-{list}/{id}")
	@Operation(summary = "Rename, reorder or retire a category, sector or size band (administrators)")
	LookupResource updateLookup(@PathVariable String list, @PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody LookupChange change) {
		return LookupResource.of(settings.updateLookup(kind(list), id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	@GetMapping("/customer-classes")
	@Operation(summary = "Customer classes, with their discount and risk limit")
	KeysetPage<ClassResource> classes() {
		return new KeysetPage<>(settings.classes().stream().map(ClassResource::of).toList(), null);
	}

	@PostMapping("/customer-classes")
	@Operation(summary = "Add a customer class (administrators)")
	ResponseEntity<ClassResource> createClass(@RequestBody NewCustomerClass command) {
		CustomerClass created = settings.createClass(command);
		return Created.at("/api/v1/customer-classes/", created.id(), ClassResource.of(created));
	}

	@GetMapping("/customer-classes/{id}")
	@Operation(summary = "A customer class")
	ClassResource customerClass(@PathVariable long id) {
		return ClassResource.of(settings.customerClass(id));
	}

	@PatchMapping("/customer-classes/{id}")
	@Operation(summary = "Change a customer class (administrators)")
	ClassResource updateClass(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody CustomerClassChange change) {
		return ClassResource.of(settings.updateClass(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	@GetMapping("/customer-fields")
	@Operation(summary = "Extra fields of accounts, of one category (categoryId) or all")
	KeysetPage<FieldResource> fields(@RequestParam(required = false) @Nullable Long categoryId) {
		return new KeysetPage<>(settings.fields(categoryId).stream().map(FieldResource::of).toList(), null);
	}

	@PostMapping("/customer-fields")
	@Operation(summary = "Add an extra field to a category (administrators)")
	ResponseEntity<FieldResource> createField(@RequestBody NewExtraField command) {
		ExtraField created = settings.createField(command);
		return Created.at("/api/v1/customer-fields/", created.id(), FieldResource.of(created));
	}

	@GetMapping("/customer-fields/{id}")
	@Operation(summary = "An extra field")
	FieldResource field(@PathVariable long id) {
		return FieldResource.of(settings.field(id));
	}

	@PatchMapping("/customer-fields/{id}")
	@Operation(summary = "Change an extra field (administrators)")
	FieldResource updateField(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody ExtraFieldChange change) {
		return FieldResource.of(settings.updateField(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change));
	}

	private static Lookup.Kind kind(String list) {
		return switch (list) {
			case "categories" -> Lookup.Kind.CATEGORY;
			case "sectors" -> Lookup.Kind.SECTOR;
			case "size-bands" -> Lookup.Kind.SIZE_BAND;
			default -> throw new RecordNotFoundException("list", list);
		};
	}
}
