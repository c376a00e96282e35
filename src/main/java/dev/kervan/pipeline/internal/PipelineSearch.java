package dev.kervan.pipeline.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.kervan.identity.CurrentUser;
import dev.kervan.identity.CurrentUsers;
import dev.kervan.identity.Role;
import dev.kervan.platform.CustomPlans;
import dev.kervan.platform.SearchProvider.SearchHit;
import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opportunities and leads in the global search, newest first, each only for those the pipeline's rules show it to:
 * sales managers (and marketing, for leads) see all; a salesperson those of their teams and those assigned to them.
 */
@Component
class PipelineSearch {

	/**
	 * How many of the newest records are tried before every match is found through the search index: a word in more
	 * than one in sixty titles ("forklift") fills the answer from them; a rarer one is found by the index, a few
	 * hundred rows at most to sort at 100,000 opportunities.
	 */
	private static final int WINDOW = 500;

	private final JdbcClient jdbc;
	private final CurrentUsers users;
	private final PipelinePolicy policy;
	private final CustomPlans customPlans;

	PipelineSearch(JdbcClient jdbc, CurrentUsers users, PipelinePolicy policy, CustomPlans customPlans) {
		this.jdbc = jdbc;
		this.users = users;
		this.policy = policy;
		this.customPlans = customPlans;
	}

	List<SearchHit> opportunities(String query, int limit) {
		var user = users.find().filter(u -> u.has(Role.SALESPERSON));
		if (user.isEmpty()) {
			return List.of();
		}
		return find(new Source("from (select * from opportunity order by id desc limit :window) o", "from opportunity o",
				"o.prospect_name"), policy.seesAll(user.get()), user.get(), query, limit,
				(id, title, detail) -> new SearchHit("search.kind.opportunity", title, detail, "/pipeline/opportunities/" + id));
	}

	List<SearchHit> leads(String query, int limit) {
		var user = users.find().filter(u -> u.hasAny(Role.SALESPERSON, Role.MARKETING));
		if (user.isEmpty()) {
			return List.of();
		}
		return find(new Source("from (select * from lead order by id desc limit :window) o", "from lead o",
				"coalesce(o.company_name, o.contact_name)"), policy.seesAllLeads(user.get()), user.get(), query, limit,
				(id, title, detail) -> new SearchHit("search.kind.lead", title, detail, "/pipeline/leads/" + id));
	}

	/**
	 * Where a kind's records are read: the newest of them, all of them (aliased {@code o}), and what its second line
	 * shows when it has no account.
	 */
	private record Source(String newest, String all, String secondLine) {
	}

	private interface Hit {
		SearchHit of(long id, String title, @Nullable String detail);
	}

	private List<SearchHit> find(Source source, boolean seesAll, CurrentUser user, String query, int limit, Hit hit) {
		List<String> words = PipelineSearchText.words(query);
		if (words.stream().noneMatch(word -> word.length() >= 3)) {
			// Without three letters in a row the trigram index cannot help, and a title is not found by a letter or two.
			return List.of();
		}
		var conditions = new ArrayList<String>();
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < words.size(); i++) {
			conditions.add("o.search_text like :word" + i);
			params.put("word" + i, "%" + SearchText.escapeLike(words.get(i)) + "%");
		}
		if (!seesAll) {
			conditions.add("(o.team = any(cast(:visibleTeams as bigint[])) or o.salesperson = :me)");
			params.put("visibleTeams", policy.visibleTeams(user).toArray(Long[]::new));
			params.put("me", user.id());
		}
		params.put("limit", limit);
		params.put("window", WINDOW);
		String condition = String.join(" and ", conditions);
		String columns = "select o.id, o.title, coalesce(c.name, " + source.secondLine() + ") as detail ";
		String account = " left join customer_ref c on c.id = o.customer ";
		return customPlans.read(() -> {
			List<SearchHit> hits = jdbc.sql(columns + source.newest() + account + "where " + condition + " order by o.id desc limit :limit")
				.params(params)
				.query((rs, n) -> hit.of(rs.getLong("id"), rs.getString("title"), rs.getString("detail")))
				.list();
			if (hits.size() >= limit) {
				return hits;
			}
			// Materialized, so that the planner finds the matches through the search index before it sorts them.
			return jdbc.sql("with found as materialized (select o.id " + source.all() + " where " + condition + ") " + columns
					+ source.all() + " join (select id from found order by id desc limit :limit) page on page.id = o.id" + account
					+ "order by o.id desc")
				.params(params)
				.query((rs, n) -> hit.of(rs.getLong("id"), rs.getString("title"), rs.getString("detail")))
				.list();
		});
	}
}
