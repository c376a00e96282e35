package dev.kervan.customers.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kervan.identity.CurrentUser;
import dev.kervan.platform.Attachment;
import dev.kervan.platform.Attachments;
import dev.kervan.platform.AuditTrail;
import dev.kervan.platform.DomainException;
import dev.kervan.platform.ErrorKind;
import dev.kervan.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Documents attached to an account: contracts, scans, photos. */
@Service
public class CustomerFiles {

	private final CustomerService customers;
	private final CustomerPolicy policy;
	private final Attachments attachments;
	private final AuditTrail audit;

	CustomerFiles(CustomerService customers, CustomerPolicy policy, Attachments attachments, AuditTrail audit) {
		this.customers = customers;
		this.policy = policy;
		this.attachments = attachments;
		this.audit = audit;
	}

	public List<Attachment> list(long customerId) {
		customers.get(customerId);
		return attachments.list(CustomerService.RECORD_TYPE, String.valueOf(customerId));
	}

	@Transactional
	public Attachment add(long customerId, String filename, @Nullable String contentType, InputStream content) {
		editable(customerId);
		Attachment stored = attachments.store(CustomerService.RECORD_TYPE, String.valueOf(customerId), filename,
				contentType, content);
		audit.updated(CustomerService.RECORD_TYPE, customerId, Map.of(),
				Map.of("attachments[" + stored.id() + "]", stored.filename()));
		return stored;
	}

	/** The attachment's record, checked to belong to the account. */
	public Attachment find(long customerId, UUID id) {
		customers.get(customerId);
		return attachments.find(id)
			.filter(a -> a.ownerType().equals(CustomerService.RECORD_TYPE) && a.ownerId().equals(String.valueOf(customerId)))
			.orElseThrow(() -> new RecordNotFoundException("attachment", id));
	}

	public InputStream open(long customerId, UUID id) {
		return attachments.open(find(customerId, id).id());
	}

	@Transactional
	public void remove(long customerId, UUID id) {
		editable(customerId);
		Attachment attachment = find(customerId, id);
		attachments.delete(attachment.id());
		audit.updated(CustomerService.RECORD_TYPE, customerId, Map.of("attachments[" + id + "]", attachment.filename()),
				Map.of());
	}

	private void editable(long customerId) {
		CurrentUser user = policy.requireReader();
		Customer customer = customers.load(customerId);
		policy.requireEdit(user, customer);
		if (customer.archived()) {
			throw new DomainException(ErrorKind.CONFLICT, "error.customer.archived");
		}
	}
}
