package dev.kervan.pipeline.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.kervan.platform.SearchText;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.event.BeforeConvertCallback;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the global search finds opportunities and leads by: the title and the names and e-mail address a record
 * carries, folded by {@link SearchText} as accounts' are, and kept in {@code search_text} (trigram-indexed) each
 * time the record is saved. Rows written with plain SQL (the demo, the benchmark's loader, rows from before the
 * column) get theirs from {@link #fillMissing}.
 */
public final class PipelineSearchText {

	private static final int CHUNK = 10_000;

	private PipelineSearchText() {
	}

	static String of(@Nullable String... parts) {
		return SearchText.fold(String.join(" ", Arrays.stream(parts).filter(Objects::nonNull).toList()));
	}

	/** Fills the search text of every opportunity and lead that has none, a chunk of rows per statement. */
	public static void fillMissing(JdbcClient jdbc) {
		fill(jdbc, "select id, title, prospect_name, email from opportunity where search_text = '' and id > ? order by id limit ?",
				"update opportunity o set search_text = t.text from unnest(cast(? as bigint[]), cast(? as text[])) as t(id, text) where o.id = t.id");
		fill(jdbc, "select id, title, contact_name, company_name, email from lead where search_text = '' and id > ? order by id limit ?",
				"update lead l set search_text = t.text from unnest(cast(? as bigint[]), cast(? as text[])) as t(id, text) where l.id = t.id");
	}

	private static void fill(JdbcClient jdbc, String read, String write) {
		long after = 0;
		while (true) {
			var ids = new ArrayList<Long>();
			var texts = new ArrayList<String>();
			jdbc.sql(read).params(after, CHUNK).query((rs, n) -> {
				var parts = new ArrayList<String>();
				for (int column = 2; column <= rs.getMetaData().getColumnCount(); column++) {
					parts.add(rs.getString(column));
				}
				ids.add(rs.getLong(1));
				return texts.add(of(parts.toArray(String[]::new)));
			}).list();
			if (ids.isEmpty()) {
				return;
			}
			jdbc.sql(write).params(ids.toArray(Long[]::new), texts.toArray(String[]::new)).update();
			after = ids.getLast();
		}
	}

	/** Keeps an opportunity's search text as it is saved. */
	@Component
	static class OfOpportunities implements BeforeConvertCallback<Opportunity> {

		@Override
		public Opportunity onBeforeConvert(Opportunity opportunity) {
			opportunity.searchText = of(opportunity.title, opportunity.prospectName, opportunity.email);
			return opportunity;
		}
	}

	/** Keeps a lead's search text as it is saved. */
	@Component
	static class OfLeads implements BeforeConvertCallback<Lead> {

		@Override
		public Lead onBeforeConvert(Lead lead) {
			lead.searchText = of(lead.title, lead.contactName, lead.companyName, lead.email);
			return lead;
		}
	}

	/** Words typed, for a search of the search texts: each must occur. */
	static List<String> words(String query) {
		return Arrays.stream(SearchText.fold(query).split(" ")).filter(word -> !word.isEmpty()).distinct().limit(8).toList();
	}
}
