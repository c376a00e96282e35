package dev.kervan.platform;

import java.util.Set;

/**
 * A link in the sidebar, contributed by a module as a bean. Entries are grouped by section, ordered by
 * {@code order}, and shown only to users holding one of {@code roles} (any logged-in user when empty).
 *
 * @param section message key of the sidebar group
 * @param labelKey message key of the link text
 * @param href where the link goes
 * @param icon Bootstrap Icons name, e.g. {@code people}
 * @param standalone whether the link leaves Kervan's layout (such as Swagger UI), so it must load as a whole page
 */
public record MenuEntry(String section, String labelKey, String href, String icon, int order, Set<String> roles,
		boolean standalone) {

	public MenuEntry {
		roles = Set.copyOf(roles);
	}

	/** A page inside Kervan's layout. */
	public MenuEntry(String section, String labelKey, String href, String icon, int order, Set<String> roles) {
		this(section, labelKey, href, icon, order, roles, false);
	}
}
