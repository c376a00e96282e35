package dev.kervan.identity.api;

import dev.kervan.identity.CurrentUsers;
import dev.kervan.platform.KeysetPage;
import dev.kervan.platform.Notifications;
import dev.kervan.platform.Notifications.Notice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The current user's notices. */
@RestController
@Tag(name = "Users")
class NotificationController {

	private final Notifications notifications;
	private final CurrentUsers users;

	NotificationController(Notifications notifications, CurrentUsers users) {
		this.notifications = notifications;
		this.users = users;
	}

	@GetMapping("/api/v1/notifications")
	@Operation(summary = "The user's latest notices, unread first, in the user's language")
	KeysetPage<Notice> mine() {
		return new KeysetPage<>(notifications.latest(users.get().id(), 50), null);
	}

	@PostMapping("/api/v1/notifications/read")
	@Operation(summary = "Mark all of the user's notices read")
	ResponseEntity<Void> read() {
		notifications.markRead(users.get().id());
		return ResponseEntity.noContent().build();
	}
}
