package dev.kervan.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.kervan.platform.Checks;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.Patch;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.SentVersion;
import dev.kervan.platform.TranslatedNames;
import dev.kervan.platform.Versioned;
import dev.kervan.platform.VersionedRow;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category tree products are browsed by. */
@Service
public class ProductCategories {

	static final String RECORD_TYPE = "product-category";

	/** A category with the path of names from the root, e.g. "Appliances / Washing machines". */
	public record Category(long id, @Nullable Long parentId, String name, String path, int depth, long version)
			implements Versioned {
	}

	@Schema(description = "A product category, under parentId or at the top.")
	public record NewProductCategory(@Schema(maxLength = 120) String name, @Nullable Long parentId) {
	}

	/** A new name for a category; its place in the tree stays. The path and depth answered may be sent back. */
	@JsonIgnoreProperties({ "id", "path", "depth" })
	public record ProductCategoryChange(@Schema(maxLength = 120) Patch<String> name,
			@Nullable SentVersion version) {
	}

	private final JdbcClient jdbc;
	private final CatalogPolicy policy;

	ProductCategories(JdbcClient jdbc, CatalogPolicy policy) {
		this.jdbc = jdbc;
		this.policy = policy;
	}

	/** Every category, in tree order: each parent before its children, siblings by name. */
	public List<Category> list() {
		policy.requireReader();
		return tree();
	}

	private record Node(long id, @Nullable Long parent, String name, long version) {
	}

	List<Category> tree() {
		List<Node> nodes = jdbc.sql("select id, parent, %1$s, version from product_category c order by lower(%1$s), id"
				.formatted(TranslatedNames.shown("c")))
			.query((rs, n) -> new Node(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getLong(4)))
			.list();
		var children = new HashMap<Long, List<Node>>();
		for (Node node : nodes) {
			children.computeIfAbsent(node.parent() == null ? 0L : node.parent(), k -> new ArrayList<>()).add(node);
		}
		var ordered = new ArrayList<Category>();
		walk(children, 0L, "", 0, ordered);
		return ordered;
	}

	private static void walk(Map<Long, List<Node>> children, long parent, String path, int depth, List<Category> out) {
		for (Node node : children.getOrDefault(parent, List.of())) {
			String fullPath = path.isEmpty() ? node.name() : path + " / " + node.name();
			out.add(new Category(node.id(), node.parent(), node.name(), fullPath, depth, node.version()));
			walk(children, node.id(), fullPath, depth + 1, out);
		}
	}

	boolean exists(long id) {
		return jdbc.sql("select exists (select 1 from product_category where id = ?)").param(id).query(Boolean.class).single();
	}

	@Transactional
	public Category create(NewProductCategory category) {
		policy.requireProductEditor();
		var checks = new Checks();
		String name = checks.required("name", checks.name("name", category.name(), 120));
		Long parent = category.parentId();
		if (parent != null && !exists(parent)) {
			checks.reject("parentId", "error.product.unknown-category", String.valueOf(parent));
		}
		checks.throwIfInvalid();
		if (nameTaken(parent, name, 0)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.category.name-taken", name);
		}
		long id = jdbc.sql("insert into product_category (parent, name) values (?, ?) returning id")
			.params(parent, name)
			.query(Long.class)
			.single();
		return get(id);
	}

	@Transactional
	public Category rename(long id, ExpectedVersion expected, ProductCategoryChange change) {
		policy.requireProductEditor();
		var row = VersionedRow.read(RECORD_TYPE, id, expected, this::get);
		Category category = row.current();
		var checks = new Checks();
		String name = checks.required("name", checks.name("name", change.name(), 120).applyTo(category.name()));
		checks.throwIfInvalid();
		if (name.equals(category.name())) {
			return category;
		}
		if (nameTaken(category.parentId(), name, id)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.category.name-taken", name);
		}
		row.requireWritten(jdbc.sql("update product_category set %s, version = version + 1 where id = :id and version = :version"
				.formatted(TranslatedNames.renameTo("name")))
			.param("name", name)
			.param("id", id)
			.param("version", category.version())
			.update());
		return get(id);
	}

	public Category get(long id) {
		policy.requireReader();
		return tree().stream().filter(c -> c.id() == id).findFirst()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	/** Whether a sibling has the name, as the reader sees it or as it is kept (names are unique in both). */
	private boolean nameTaken(@Nullable Long parent, @Nullable String name, long except) {
		return jdbc.sql("""
				select exists (select 1 from product_category c where coalesce(parent, 0) = coalesce(cast(:parent as bigint), 0)
				  and (lower(name) = lower(:name) or lower(%s) = lower(:name)) and id <> :except)"""
				.formatted(TranslatedNames.shown("c")))
			.param("parent", parent)
			.param("name", name)
			.param("except", except)
			.query(Boolean.class)
			.single();
	}
}
