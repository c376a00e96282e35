package dev.kervan.customers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.kervan.customers.internal.CustomerParts.Kind;
import dev.kervan.customers.internal.CustomerQueries.Filter;
import dev.kervan.customers.internal.CustomerViews.Detail;
import dev.kervan.customers.internal.CustomerViews.ListItem;
import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.Role;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.Dates;
import dev.kervan.platform.Formats;
import dev.kervan.platform.FormState;
import dev.kervan.platform.HistoryEntry;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.ListLinks;
import dev.kervan.platform.Option;
import dev.kervan.platform.PageLimit;
import dev.kervan.platform.PageModel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the accounts' pages show, each built in one call: the list, an account with its tabs, the account form. */
@Component
public class CustomerPageModels {

	/** The account page's tabs, in order. */
	public static final List<String> TABS = List.of("overview", "branches", "contacts", "addresses", "bank", "notes",
			"agreements", "relations", "history");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final CustomerService customers;
	private final CustomerQueries queries;
	private final CustomerParts parts;
	private final CustomerFiles files;
	private final CustomerSettings settings;
	private final CustomerPolicy policy;
	private final AccountHistory history;
	private final Formats formats;

	CustomerPageModels(CustomerService customers, CustomerQueries queries, CustomerParts parts, CustomerFiles files,
			CustomerSettings settings, CustomerPolicy policy, AccountHistory history, Formats formats) {
		this.formats = formats;
		this.customers = customers;
		this.queries = queries;
		this.parts = parts;
		this.files = files;
		this.settings = settings;
		this.policy = policy;
		this.history = history;
	}

	/** A page of accounts; the filters and the order it was asked with are in its links. */
	public record ListPage(KeysetPage<ListItem> page, ListLinks links, boolean mayCreate, boolean mayImport)
			implements PageModel {
	}

	/**
	 * @param history the readable history when the page opens on its tab; otherwise null, and the tab asks for it
	 * when it is shown ({@link #history(long)}): most views of an account never look at it
	 */
	public record AccountPage(Detail customer, boolean mayEdit, boolean mayEditFinance, List<Attachment> files,
			@Nullable List<HistoryEntry> history, Map<String, String> extraLabels, String tab,
			Map<String, List<PartViews.PartView>> partsByKind) implements PageModel {

		@Override
		public Map<String, @Nullable Object> more() {
			return new LinkedHashMap<>(partsByKind);
		}
	}

	/**
	 * The account form: the account when one is changed, the form's values and refusals, the roles ticked, the
	 * extra fields of the chosen category, and which fields the reader may change.
	 */
	public record FormPage(@Nullable Detail customer, FormState form, List<String> roleValues, @Nullable Long version,
			List<ExtraField> extraFields, boolean mayEditGeneral, boolean mayEditFinance) implements PageModel {
	}

	@Transactional(readOnly = true)
	public ListPage list(Filter filter, @Nullable String sort, @Nullable String cursor) {
		CurrentUser user = policy.requireReader();
		var order = CustomerQueries.Sort.of(sort);
		var links = ListLinks.to("/customers").exportedAt("/customers/export").with("q", filter.q())
			.with("categoryId", filter.categoryId()).with("sectorId", filter.sectorId()).with("classId", filter.classId())
			.with("tag", filter.tag()).with("salespersonId", filter.salespersonId()).with("status", filter.status())
			.with("role", filter.role()).with("kind", filter.kind());
		String sortName = order.name().toLowerCase(Locale.ROOT);
		return new ListPage(queries.page(filter, order, cursor, PageLimit.of(null)),
				links.with("sort", sortName).at(cursor), user.has(Role.SALESPERSON), user.has(Role.SALES_MANAGER));
	}

	@Transactional(readOnly = true)
	public AccountPage account(long id, String tab) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.get(id);
		Detail detail = queries.detail(customer);
		var byKind = new LinkedHashMap<String, List<PartViews.PartView>>();
		for (Kind kind : Kind.values()) {
			byKind.put(camel(kind), parts.all(id, kind));
		}
		String shown = TABS.contains(tab) ? tab : "overview";
		return new AccountPage(detail, policy.mayEdit(user, customer) && !customer.archived(),
				policy.mayEditFinance(user) && !customer.archived(), files.list(id),
				shown.equals("history") ? history.of(customer) : null, extraLabels(detail.categoryId()), shown, byKind);
	}

	/** An account's readable history, for its tab. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(long id) {
		policy.requireReader();
		return history.of(customers.get(id));
	}

	/** The fields of each kind of part's form, in the order the forms show them. */
	public static final Map<Kind, List<String>> PART_FORM_FIELDS = Map.of(
			Kind.BRANCHES, List.of("name", "email", "phone", "address", "city", "managerName", "notes"),
			Kind.CONTACTS, List.of("name", "jobTitle", "department", "email", "phone", "mobile", "branchId", "language",
					"portalAccess"),
			Kind.ADDRESSES, List.of("purpose", "label", "line1", "line2", "district", "city", "region", "postalCode", "country"),
			Kind.BANK_ACCOUNTS, List.of("iban", "bankName", "holder", "currency"),
			Kind.PAYMENT_CARDS, List.of("last4", "expiry", "holder", "brand"),
			Kind.RELATIONS, List.of("relatedId", "type", "note"),
			Kind.AGREEMENTS, List.of("title", "startsOn", "endsOn", "attachmentId", "notes"),
			Kind.NOTES, List.of("text"));

	/** The fields of parts' forms that hold a day, shown in the reader's calendar. */
	private static final Set<String> DATE_FIELDS = Set.of("startsOn", "endsOn");

	/** One of an account's parts (a contact, a branch…) in a form of its own, to be changed. */
	public record PartFormPage(Detail customer, String part, String tab, long partId, long version, List<String> fields,
			FormState form, List<Option> branchOptions, List<Option> fileOptions) implements PageModel {
	}

	/** The form of a part as it is, or as sent and refused ({@code refused}); only for those who may change it. */
	@Transactional(readOnly = true)
	public PartFormPage partForm(long customerId, Kind kind, long partId, @Nullable FormState refused,
			@Nullable Long refusedVersion) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.get(customerId);
		if (kind.finance()) {
			policy.requireFinance(user);
		}
		else {
			policy.requireEdit(user, customer);
		}
		PartViews.PartView view = parts.get(customerId, kind, partId);
		List<String> fields = PART_FORM_FIELDS.get(kind);
		FormState form = refused;
		if (form == null) {
			JsonNode values = JSON.valueToTree(view);
			var shown = new LinkedHashMap<String, @Nullable String>();
			for (String field : fields) {
				JsonNode value = values.get(field);
				String text = value == null || value.isNull() ? "" : value.asString();
				shown.put(field, DATE_FIELDS.contains(field) && !text.isEmpty() ? formats.inputDate(LocalDate.parse(text)) : text);
			}
			form = FormState.of(shown);
			if (view instanceof PartViews.RelationView relation) {
				form.withText("relatedId", relation.relatedName());
			}
		}
		return new PartFormPage(queries.detail(customer), kind.path(), tabOf(kind), partId,
				refusedVersion != null ? refusedVersion : view.version(), fields, form,
				kind != Kind.CONTACTS ? List.of() : parts.all(customerId, Kind.BRANCHES).stream()
					.map(branch -> new Option(String.valueOf(branch.id()), ((PartViews.BranchView) branch).name()))
					.toList(),
				kind != Kind.AGREEMENTS ? List.of() : files.list(customerId).stream()
					.map(file -> new Option(file.id().toString(), file.filename()))
					.toList());
	}

	/** The tab of an account's page that lists a kind of part. */
	public static String tabOf(Kind kind) {
		return switch (kind) {
			case BANK_ACCOUNTS, PAYMENT_CARDS -> "bank";
			case NOTES -> "notes";
			default -> kind.path();
		};
	}

	/** The form for a new account, with a name already typed elsewhere (a search that found nothing). */
	public FormPage newAccount(@Nullable String name) {
		policy.requireCreator();
		var values = new LinkedHashMap<String, @Nullable String>();
		values.put("name", name == null ? "" : name.strip());
		values.put("kind", "COMPANY");
		values.put("status", "ACTIVE");
		values.put("country", "TR");
		values.put("currency", "TRY");
		values.put("language", "tr");
		return form(null, FormState.of(values), List.of("CUSTOMER"), null, true);
	}

	/** The form of an account as it is; accountants, who change the credit terms only, see the rest disabled. */
	@Transactional(readOnly = true)
	public FormPage edit(long id) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.get(id);
		boolean mayEdit = policy.mayEdit(user, customer);
		if (!mayEdit && !policy.mayEditFinance(user)) {
			policy.requireEdit(user, customer);
		}
		Detail detail = queries.detail(customer);
		var values = new LinkedHashMap<String, @Nullable String>();
		values.put("kind", detail.kind().name());
		values.put("name", detail.name());
		values.put("status", detail.status().name());
		values.put("country", detail.country());
		values.put("taxOffice", detail.taxOffice());
		values.put("taxNumber", detail.taxNumber());
		values.put("email", detail.email());
		values.put("phone", detail.phoneDisplay());
		values.put("website", detail.website());
		values.put("categoryId", text(detail.categoryId()));
		values.put("sectorId", text(detail.sectorId()));
		values.put("sizeBandId", text(detail.sizeBandId()));
		values.put("classId", text(detail.classId()));
		values.put("tags", String.join(", ", detail.tags()));
		values.put("salespersonId", text(detail.salespersonId()));
		values.put("teamId", text(detail.teamId()));
		values.put("priceListId", text(detail.priceListId()));
		values.put("paymentTermDays", formats.inputNumber(detail.paymentTermDays()));
		values.put("creditLimit", formats.inputAmount(detail.creditLimit()));
		values.put("riskLimit", formats.inputAmount(detail.riskLimit()));
		values.put("currency", detail.currency());
		values.put("language", detail.language());
		values.put("eInvoiceAlias", detail.eInvoiceAlias());
		values.put("receivableAccount", detail.receivableAccount());
		values.put("payableAccount", detail.payableAccount());
		values.put("birthDate", formats.inputDate(detail.birthDate()));
		values.put("externalRef", detail.externalRef());
		Map<String, ExtraField.Type> types = extraFieldTypes(detail.categoryId());
		detail.extraFields().forEach((code, value) -> values.put("extraFields." + code, switch (types.getOrDefault(code,
				ExtraField.Type.TEXT)) {
			case NUMBER -> shownNumber(value);
			case DATE -> Dates.parse(value).map(formats::inputDate).orElse(value);
			default -> value;
		}));
		return form(detail, FormState.of(values), detail.roles().stream().map(Enum::name).toList(), detail.version(),
				mayEdit);
	}

	/** The form again as it was sent, with the refusal that {@code form} carries. */
	@Transactional(readOnly = true)
	public FormPage refused(@Nullable Long id, FormState form, @Nullable Long version) {
		CurrentUser user = policy.requireReader();
		if (id == null) {
			return form(null, form, form.list("roles"), null, true);
		}
		Customer customer = customers.get(id);
		return form(queries.detail(customer), form, form.list("roles"), version, policy.mayEdit(user, customer));
	}

	private FormPage form(@Nullable Detail customer, FormState form, List<String> roles, @Nullable Long version,
			boolean mayEditGeneral) {
		Long category = categoryOf(form);
		List<ExtraField> extraFields = category == null ? List.of()
				: settings.fields(category).stream().filter(ExtraField::active).toList();
		return new FormPage(customer, form, roles, version, extraFields, mayEditGeneral,
				policy.mayEditFinance(policy.requireReader()));
	}

	/** The active extra fields of a category, for the form when its category changes. */
	public List<ExtraField> extraFields(@Nullable Long categoryId) {
		policy.requireReader();
		return categoryId == null ? List.of() : settings.fields(categoryId).stream().filter(ExtraField::active).toList();
	}

	/**
	 * The extra fields a form sent for an account of a category, their numbers and dates typed as the reader types them
	 * ({@code 12,5}, {@code 31.12.2026}) in the forms the API keeps ({@code 12.5}, {@code 2026-12-31}); a value that
	 * cannot be read stays as typed, for the rules to refuse.
	 */
	public Map<String, @Nullable String> typedExtraFields(@Nullable String categoryId, Map<String, @Nullable String> sent) {
		Map<String, ExtraField.Type> types = extraFieldTypes(category(categoryId));
		var read = new LinkedHashMap<String, @Nullable String>();
		sent.forEach((code, value) -> read.put(code, value == null ? null
				: switch (types.getOrDefault(code, ExtraField.Type.TEXT)) {
					case NUMBER -> formats.typedNumber(value).map(BigDecimal::toPlainString).orElse(value);
					case DATE -> formats.typedDate(value).map(LocalDate::toString).orElse(value);
					default -> value;
				}));
		return read;
	}

	private Map<String, ExtraField.Type> extraFieldTypes(@Nullable Long category) {
		var types = new HashMap<String, ExtraField.Type>();
		if (category != null) {
			settings.fields(category).forEach(field -> types.put(field.code(), field.type()));
		}
		return types;
	}

	private Map<String, String> extraLabels(@Nullable Long category) {
		var labels = new LinkedHashMap<String, String>();
		if (category != null) {
			settings.fields(category).forEach(field -> labels.put(field.code(), field.label()));
		}
		return labels;
	}

	private static @Nullable Long categoryOf(FormState form) {
		return category(form.value("categoryId"));
	}

	private static @Nullable Long category(@Nullable String id) {
		try {
			return id == null || id.isBlank() ? null : Long.valueOf(id.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** A number an extra field keeps ({@code 12.5}) as the reader types it; anything else as it is. */
	private String shownNumber(String stored) {
		try {
			return formats.inputNumber(new BigDecimal(stored));
		}
		catch (NumberFormatException e) {
			return stored;
		}
	}

	private static String camel(Kind kind) {
		String[] words = kind.path().split("-");
		var name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}
}
