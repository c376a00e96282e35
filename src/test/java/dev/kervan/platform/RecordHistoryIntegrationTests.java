package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.kervan.support.KervanIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

class RecordHistoryIntegrationTests extends KervanIntegrationTest {

	@Autowired
	private AuditTrail audit;

	@Autowired
	private RecordHistory history;

	@Autowired
	private TransactionTemplate transactions;

	@BeforeEach
	void readInEnglish() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
	}

	@AfterEach
	void forgetTheLanguage() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void theLinesOfOneChangeAreOneEntryAndFieldsNoModuleDescribesReadByTheirNamesMadeReadable() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(s -> audit.created("thing", id, Map.of("name", "Çay", "shelfLifeDays", "30")));
		transactions.executeWithoutResult(s -> audit.updated("thing", id, Map.of("name", "Çay", "expectedRevenue", "10",
				"END_OF_LIFE", "no"), Map.of("name", "Çay", "expectedRevenue", "12", "END_OF_LIFE", "yes")));

		List<HistoryEntry> entries = history.of("thing", id, Map.of(), List.of());

		assertThat(entries).extracting(HistoryEntry::kind).containsExactly(HistoryEntry.Kind.CHANGED, HistoryEntry.Kind.CREATED);
		assertThat(entries.get(0).lines()).extracting(HistoryLine::text)
			.containsExactly("Kervan changed End of life from no to yes", "Kervan changed Expected revenue from 10 to 12");
		assertThat(entries.get(1).lines()).extracting(HistoryLine::text).containsExactly("Kervan created it");
		assertThat(entries.get(1).lines().getFirst().details()).extracting(HistoryLine.Detail::label)
			.containsExactly("Name", "Shelf life days");
	}

	@Test
	void entriesTheRecordsModuleAddsAreInterleavedNewestFirst() {
		String id = UUID.randomUUID().toString();
		transactions.executeWithoutResult(s -> audit.created("thing", id, Map.of("name", "Çay")));
		var created = history.of("thing", id, Map.of(), List.of()).getFirst();
		var before = new HistoryEntry(created.at().minusSeconds(60), HistoryEntry.Kind.NOTE,
				List.of(history.say("history.note", HistoryLine.Segment.who("Ayşe"))), "Planned.");
		var after = new HistoryEntry(created.at().plusSeconds(60), HistoryEntry.Kind.NOTE,
				List.of(history.say("history.note", HistoryLine.Segment.who("Ayşe"))), "Done.");

		assertThat(history.of("thing", id, Map.of(), List.of(before, after))).extracting(HistoryEntry::text)
			.containsExactly("Done.", null, "Planned.");
	}

	@Test
	void aSentenceKeepsEachNameASegmentOfItsOwn() {
		HistoryLine line = history.say("history.changed", HistoryLine.Segment.who("Ayşe"), HistoryLine.Segment.field("Stage"),
				HistoryLine.Segment.value("Qualified"), HistoryLine.Segment.value("Proposition"));

		assertThat(line.segments()).extracting(HistoryLine.Segment::text)
			.containsExactly("Ayşe", " changed ", "Stage", " from ", "Qualified", " to ", "Proposition");
		assertThat(line.segments()).extracting(HistoryLine.Segment::role).containsExactly(HistoryLine.Role.WHO,
				HistoryLine.Role.WORDS, HistoryLine.Role.FIELD, HistoryLine.Role.WORDS, HistoryLine.Role.VALUE,
				HistoryLine.Role.WORDS, HistoryLine.Role.VALUE);
	}

	@Test
	void aChangeTheLimitWouldCutIsLeftOutWhole() {
		String id = UUID.randomUUID().toString();
		var many = new LinkedHashMap<String, Object>();
		for (int i = 0; i < 499; i++) {
			many.put("field" + i, i);
		}
		transactions.executeWithoutResult(s -> audit.created("thing", id, many));
		transactions.executeWithoutResult(s -> audit.updated("thing", id, Map.of("a", 1, "b", 1), Map.of("a", 2, "b", 2)));

		assertThat(audit.changes("thing", id)).singleElement().satisfies(change -> assertThat(change.lines()).hasSize(2));
	}
}
