package dev.kervan.identity.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.kervan.identity.Role;
import dev.kervan.identity.UserSummary;
import dev.kervan.identity.Users;
import org.springframework.stereotype.Service;

@Service
class UserDirectory implements Users {

	private final UserAccounts users;

	UserDirectory(UserAccounts users) {
		this.users = users;
	}

	@Override
	public Optional<UserSummary> find(long id) {
		return users.findById(id).map(UserAccount::summary);
	}

	@Override
	public List<UserSummary> activeWithRole(Role role) {
		return users.findActiveWithRole(role.name())
			.stream()
			.map(UserAccount::summary)
			.sorted(Comparator.comparing(UserSummary::displayName))
			.toList();
	}
}
