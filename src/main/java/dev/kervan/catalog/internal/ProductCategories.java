package dev.kervan.catalog.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.PatchDocument;
import dev.kervan.platform.RecordNotFoundException;
import dev.kervan.platform.Versioned;
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
		List<Node> nodes = jdbc.sql("select id, parent, name, version from product_category order by lower(name), id")
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
	public Category create(PatchDocument doc) {
		policy.requireProductEditor();
		String name = doc.text("name", 120);
		if (name == null) {
			doc.reject("name", "error.value.required");
		}
		Long parent = doc.id("parentId");
		if (parent != null && !exists(parent)) {
			doc.reject("parentId", "error.product.unknown-category", String.valueOf(parent));
		}
		doc.throwIfInvalid();
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
	public Category rename(long id, ExpectedVersion expected, PatchDocument doc) {
		policy.requireProductEditor();
		Category category = get(id);
		expected.verify(RECORD_TYPE, id, category.version());
		doc.ignoring("id", "version", "path", "depth");
		String name = category.name();
		if (doc.has("name")) {
			name = doc.text("name", 120);
			if (name == null) {
				doc.reject("name", "error.value.required");
			}
		}
		doc.throwIfInvalid();
		if (name.equals(category.name())) {
			return category;
		}
		if (nameTaken(category.parentId(), name, id)) {
			throw new DomainException(ErrorKind.CONFLICT, "error.category.name-taken", name);
		}
		int changed = jdbc.sql("update product_category set name = ?, version = version + 1 where id = ? and version = ?")
			.params(name, id, category.version())
			.update();
		if (changed == 0) {
			throw expected.conflict(RECORD_TYPE, id, get(id).version());
		}
		return get(id);
	}

	public Category get(long id) {
		policy.requireReader();
		return tree().stream().filter(c -> c.id() == id).findFirst()
			.orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
	}

	private boolean nameTaken(@Nullable Long parent, @Nullable String name, long except) {
		return jdbc.sql("""
				select exists (select 1 from product_category where coalesce(parent, 0) = coalesce(cast(? as bigint), 0)
				  and lower(name) = lower(?) and id <> ?)""")
			.params(parent, name, except)
			.query(Boolean.class)
			.single();
	}
}
