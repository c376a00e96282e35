package dev.kervan.identity.internal;

import dev.kervan.identity.Role;
import org.springframework.data.relational.core.mapping.Table;

/** One role held by a user. */
@Table("user_role")
record RoleGrant(Role role) {
}
