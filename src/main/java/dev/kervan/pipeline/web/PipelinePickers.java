package dev.kervan.pipeline.web;

import dev.kervan.pipeline.internal.SalesTeams;
import dev.kervan.platform.Picker;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The picker source of sales teams (platform.Picker). */
@RestController
class PipelinePickers {

	private final SalesTeams teams;

	PipelinePickers(SalesTeams teams) {
		this.teams = teams;
	}

	/** The active teams the reader may put leads and opportunities on, by name, alias or region. */
	@GetMapping("/pick/sales-teams")
	Picker.Answer salesTeams(@RequestParam(required = false) @Nullable String q) {
		return Picker.answer(teams.usable(q));
	}
}
