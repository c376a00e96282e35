package dev.kervan.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.kervan.platform.Languages;
import dev.kervan.platform.MenuEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.hierarchicalroles.NullRoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the page layout needs on every page: the sidebar the current user may see, the language and the
 * writing direction. Templates reach it as {@code ${@shell}}.
 */
@Component("shell")
class Shell {

	private final List<MenuEntry> entries;
	private final RoleHierarchy roleHierarchy;

	Shell(List<MenuEntry> entries, ObjectProvider<RoleHierarchy> roleHierarchy) {
		this.entries = entries.stream().sorted(Comparator.comparingInt(MenuEntry::order)).toList();
		this.roleHierarchy = roleHierarchy.getIfAvailable(NullRoleHierarchy::new);
	}

	/** The visible entries grouped by section, sections in the order of their first entry. */
	public List<MenuSection> menu() {
		Set<String> roles = currentRoles();
		var sections = new LinkedHashMap<String, List<MenuEntry>>();
		entries.stream()
			.filter(entry -> entry.roles().isEmpty() || entry.roles().stream().anyMatch(roles::contains))
			.forEach(entry -> sections.computeIfAbsent(entry.section(), s -> new java.util.ArrayList<>()).add(entry));
		return sections.entrySet().stream().map(e -> new MenuSection(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/**
	 * Whether the entry leads to the page being shown, or to the section the page belongs to when no other entry
	 * leads there more closely (on /inventory/moves/7 "Stock moves" is current, not "Stock").
	 */
	public boolean current(MenuEntry entry) {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return false;
		}
		String path = attributes.getRequest().getRequestURI();
		return leadsTo(entry, path) && entries.stream()
			.noneMatch(other -> other.href().length() > entry.href().length() && leadsTo(other, path));
	}

	private static boolean leadsTo(MenuEntry entry, String path) {
		return path.equals(entry.href()) || (!entry.href().equals("/") && path.startsWith(entry.href() + "/"));
	}

	public String lang() {
		return LocaleContextHolder.getLocale().getLanguage();
	}

	public String dir() {
		return Languages.isRightToLeft(LocaleContextHolder.getLocale()) ? "rtl" : "ltr";
	}

	public boolean rtl() {
		return Languages.isRightToLeft(LocaleContextHolder.getLocale());
	}

	public List<Locale> languages() {
		return Languages.SUPPORTED;
	}

	/** A language's name in that language, as a language switch shows it. */
	public String nativeName(Locale language) {
		String name = language.getDisplayLanguage(language);
		return name.substring(0, 1).toUpperCase(language) + name.substring(1);
	}

	/** The current user's roles, including those their roles imply (an administrator sees every link). */
	private Set<String> currentRoles() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return Set.of();
		}
		return roleHierarchy.getReachableGrantedAuthorities(authentication.getAuthorities())
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(a -> a != null && a.startsWith("ROLE_"))
			.map(a -> a.substring("ROLE_".length()))
			.collect(Collectors.toSet());
	}

	/** A titled group of sidebar links. */
	public record MenuSection(String titleKey, List<MenuEntry> entries) {
	}
}
