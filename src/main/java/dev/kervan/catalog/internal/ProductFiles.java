package dev.kervan.catalog.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kervan.platform.Attachment;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A product's images, technical documents, drawings and manuals. */
@Service
public class ProductFiles {

	private final Products products;
	private final CatalogPolicy policy;
	private final Attachments attachments;
	private final AuditTrail audit;

	ProductFiles(Products products, CatalogPolicy policy, Attachments attachments, AuditTrail audit) {
		this.products = products;
		this.policy = policy;
		this.attachments = attachments;
		this.audit = audit;
	}

	public List<Attachment> list(long productId) {
		products.get(productId);
		return attachments.list(Products.RECORD_TYPE, String.valueOf(productId));
	}

	@Transactional
	public Attachment add(long productId, String filename, @Nullable String contentType, InputStream content) {
		policy.requireProductEditor();
		products.load(productId);
		Attachment stored = attachments.store(Products.RECORD_TYPE, String.valueOf(productId), filename, contentType, content);
		audit.updated(Products.RECORD_TYPE, productId, Map.of(), Map.of("attachments[" + stored.id() + "]", stored.filename()));
		return stored;
	}

	public Attachment find(long productId, UUID id) {
		products.get(productId);
		return attachments.find(id)
			.filter(a -> a.ownerType().equals(Products.RECORD_TYPE) && a.ownerId().equals(String.valueOf(productId)))
			.orElseThrow(() -> new RecordNotFoundException("attachment", id));
	}

	public InputStream open(long productId, UUID id) {
		return attachments.open(find(productId, id).id());
	}

	@Transactional
	public void remove(long productId, UUID id) {
		policy.requireProductEditor();
		Attachment attachment = find(productId, id);
		attachments.delete(attachment.id());
		audit.updated(Products.RECORD_TYPE, productId, Map.of("attachments[" + id + "]", attachment.filename()), Map.of());
	}
}
