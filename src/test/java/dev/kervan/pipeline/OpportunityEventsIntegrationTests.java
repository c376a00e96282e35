package dev.kervan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.kervan.identity.Role;
import dev.kervan.pipeline.internal.ConvertLead;
import dev.kervan.pipeline.internal.LeadRow;
import dev.kervan.pipeline.internal.Leads;
import dev.kervan.pipeline.internal.LoseOpportunity;
import dev.kervan.pipeline.internal.MoveCard;
import dev.kervan.pipeline.internal.NewLead;
import dev.kervan.pipeline.internal.NewOpportunity;
import dev.kervan.pipeline.internal.Opportunities;
import dev.kervan.pipeline.internal.OpportunityRow;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.support.Api;
import dev.kervan.support.KervanIntegrationTest;
import dev.kervan.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.modulith.test.PublishedEventsExtension;
import tools.jackson.databind.JsonNode;

/**
 * What the pipeline tells other modules: an opportunity moved, won, lost or reopened, a lead converted, is
 * published as an event when the change is saved, and not when it is refused.
 */
@ExtendWith(PublishedEventsExtension.class)
class OpportunityEventsIntegrationTests extends KervanIntegrationTest {

	@Autowired
	Opportunities opportunities;

	@Autowired
	Leads leads;

	@AfterEach
	void logOut() {
		SignedIn.out();
	}

	@Test
	void movesWinsLossesAndReopeningsArePublishedWhenSaved(PublishedEvents events) {
		String admin = api.token("admin", ADMIN_PASSWORD);
		long team = api.post("/api/v1/sales-teams", Map.of("name", Api.uniqueName("Events team"))).bearer(admin).send()
			.json().get("id").asLong();
		long open = stage(admin, team, "New", false);
		long won = stage(admin, team, "Won", true);
		long reason = api.get("/api/v1/lost-reasons").bearer(admin).send().json().get("items").get(0).get("id").asLong();
		SignedIn.as(jdbc, "admin", Role.ADMIN);

		OpportunityRow card = opportunities.create(NewOpportunity.titled("Evented card", new java.math.BigDecimal("1200"), team, open));
		opportunities.move(card.id(), ExpectedVersion.unconditional(), new MoveCard(won, null, null));
		assertThat(events.ofType(OpportunityMoved.class).matching(moved -> moved.opportunityId() == card.id()))
			.singleElement().satisfies(moved -> assertThat(moved.toStageId()).isEqualTo(won));
		assertThat(events.ofType(OpportunityWon.class).matching(w -> w.opportunityId() == card.id()))
			.singleElement().satisfies(w -> assertThat(w.expectedRevenue().amount()).isEqualByComparingTo("1200"));

		opportunities.reopen(card.id(), ExpectedVersion.unconditional());
		opportunities.lost(card.id(), ExpectedVersion.unconditional(), new LoseOpportunity(reason, "Too late", null));
		assertThat(events.ofType(OpportunityReopened.class).matching(r -> r.opportunityId() == card.id())).hasSize(1);
		assertThat(events.ofType(OpportunityLost.class).matching(l -> l.opportunityId() == card.id()))
			.singleElement().satisfies(l -> assertThat(l.lostReasonId()).isEqualTo(reason));

		// A refused change publishes nothing.
		assertThatThrownBy(() -> opportunities.lost(card.id(), ExpectedVersion.unconditional(), new LoseOpportunity(reason, null, null)))
			.hasMessageContaining("error.pipeline.closed");
		assertThat(events.ofType(OpportunityLost.class).matching(l -> l.opportunityId() == card.id())).hasSize(1);
	}

	@Test
	void aConvertedLeadIsPublishedOnceWithItsOpportunityAndAccount(PublishedEvents events) {
		String admin = api.token("admin", ADMIN_PASSWORD);
		long account = api.post("/api/v1/customers", Map.of("kind", "COMPANY", "name", Api.uniqueName("Lead account"),
				"country", "TR")).bearer(admin).send().json().get("id").asLong();
		SignedIn.as(jdbc, "admin", Role.ADMIN);
		LeadRow lead = leads.create(new NewLead(Api.uniqueName("Evented lead"), null, null, null, null, null, null, null, null,
				null, null, null, null, null, null));
		leads.qualify(lead.id(), ExpectedVersion.unconditional());
		assertThat(events.ofType(LeadConverted.class).matching(c -> c.leadId() == lead.id())).isEmpty();

		Leads.Conversion conversion = leads.convert(lead.id(), ExpectedVersion.unconditional(), new ConvertLead(account, null, null));
		assertThat(events.ofType(LeadConverted.class).matching(c -> c.leadId() == lead.id())).singleElement()
			.satisfies(converted -> {
				assertThat(converted.opportunityId()).isEqualTo(conversion.opportunityId());
				assertThat(converted.customerId()).isEqualTo(account);
			});

		assertThatThrownBy(() -> leads.convert(lead.id(), ExpectedVersion.unconditional(), ConvertLead.intoNewAccount()))
			.hasMessageContaining("error.lead.closed");
		assertThat(events.ofType(LeadConverted.class).matching(c -> c.leadId() == lead.id())).hasSize(1);
	}

	private long stage(String admin, long team, String name, boolean won) {
		JsonNode stage = api.post("/api/v1/pipeline-stages", Map.of("teamId", team, "name", name, "probability", won ? 100 : 10,
				"won", won)).bearer(admin).send().json();
		return stage.get("id").asLong();
	}
}
