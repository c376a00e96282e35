package dev.kervan.pipeline.api;


import dev.kervan.pipeline.internal.LostReasonChange;
import dev.kervan.pipeline.internal.LostReasons;
import dev.kervan.pipeline.internal.NewLostReason;
import dev.kervan.pipeline.internal.NewStage;
import dev.kervan.pipeline.internal.NewTeam;
import dev.kervan.pipeline.internal.PipelineSettingsChange;
import dev.kervan.pipeline.internal.StageChange;
import dev.kervan.pipeline.internal.TeamChange;
import dev.kervan.pipeline.internal.LostReasons.LostReason;
import dev.kervan.pipeline.internal.PipelineSettings;
import dev.kervan.pipeline.internal.PipelineStages;
import dev.kervan.pipeline.internal.PipelineStages.Stage;
import dev.kervan.pipeline.internal.SalesTeams;
import dev.kervan.pipeline.internal.SalesTeams.Team;
import dev.kervan.platform.Created;
import dev.kervan.platform.ExpectedVersion;
import dev.kervan.platform.KeysetPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Sales teams, pipeline stages and lost reasons: read by salespeople, kept by sales managers. */
@RestController
@Tag(name = "Pipeline")
class PipelineSettingsController {

	private final SalesTeams teams;
	private final PipelineStages stages;
	private final LostReasons lostReasons;
	private final PipelineSettings settings;

	PipelineSettingsController(SalesTeams teams, PipelineStages stages, LostReasons lostReasons, PipelineSettings settings) {
		this.settings = settings;
		this.teams = teams;
		this.stages = stages;
		this.lostReasons = lostReasons;
	}

	@GetMapping("/api/v1/pipeline-settings")
	@Operation(summary = "Whether the lead step is on, and the revenue segments")
	PipelineSettings.Settings settings() {
		return settings.get();
	}

	@PatchMapping("/api/v1/pipeline-settings")
	@Operation(summary = "Switch the lead step on or off (sales managers)",
			description = "With leadsEnabled false, new leads are refused and the public web form enters opportunities.")
	PipelineSettings.Settings updateSettings(
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody PipelineSettingsChange change) {
		return settings.update(ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@GetMapping("/api/v1/sales-teams")
	@Operation(summary = "Sales teams")
	KeysetPage<Team> teams() {
		return new KeysetPage<>(teams.list(), null);
	}

	@GetMapping("/api/v1/sales-teams/{id}")
	@Operation(summary = "A sales team with its members")
	Team team(@PathVariable long id) {
		return teams.get(id);
	}

	@PostMapping("/api/v1/sales-teams")
	@Operation(summary = "Create a sales team", description = "name is required; memberIds lists the users in it.")
	ResponseEntity<Team> createTeam(
			@RequestBody NewTeam command) {
		Team team = teams.create(command);
		return Created.at("/api/v1/sales-teams/", team.id(), team);
	}

	@PatchMapping("/api/v1/sales-teams/{id}")
	@Operation(summary = "Change a sales team (sales managers)")
	Team updateTeam(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody TeamChange change) {
		return teams.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@GetMapping("/api/v1/pipeline-stages")
	@Operation(summary = "Stages in board order, of one team (teamId) or all")
	KeysetPage<Stage> stages(@RequestParam(required = false) @Nullable Long teamId) {
		return new KeysetPage<>(stages.list(teamId), null);
	}

	@GetMapping("/api/v1/pipeline-stages/{id}")
	@Operation(summary = "A pipeline stage")
	Stage stage(@PathVariable long id) {
		return stages.get(id);
	}

	@PostMapping("/api/v1/pipeline-stages")
	@Operation(summary = "Add a stage to a team's pipeline", description = "teamId and name are required; it goes last unless sequence says otherwise.")
	ResponseEntity<Stage> createStage(
			@RequestBody NewStage command) {
		Stage stage = stages.create(command);
		return Created.at("/api/v1/pipeline-stages/", stage.id(), stage);
	}

	@PatchMapping("/api/v1/pipeline-stages/{id}")
	@Operation(summary = "Change a stage (sales managers)")
	Stage updateStage(@PathVariable long id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody StageChange change) {
		return stages.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}

	@DeleteMapping("/api/v1/pipeline-stages/{id}")
	@Operation(summary = "Delete a stage that holds no opportunities")
	ResponseEntity<Void> deleteStage(@PathVariable long id) {
		stages.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/lost-reasons")
	@Operation(summary = "Reasons an opportunity can be lost for; retired ones with all=true")
	KeysetPage<LostReason> lostReasons(@RequestParam(required = false, defaultValue = "false") boolean all) {
		return new KeysetPage<>(lostReasons.list(all), null);
	}

	@PostMapping("/api/v1/lost-reasons")
	@Operation(summary = "Add a lost reason (sales managers)")
	ResponseEntity<LostReason> createLostReason(
			@RequestBody NewLostReason command) {
		LostReason reason = lostReasons.create(command);
		return Created.at("/api/v1/lost-reasons/", reason.id(), reason);
	}

	@GetMapping("/api/v1/lost-reasons/{id}")
	@Operation(summary = "A lost reason")
	LostReason lostReason(@PathVariable long id) {
		return lostReasons.get(id);
	}

	@PatchMapping("/api/v1/lost-reasons/{id}")
	@Operation(summary = "Rename a lost reason or retire it (active=false)")
	LostReason updateLostReason(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			@RequestBody LostReasonChange change) {
		return lostReasons.update(id, ExpectedVersion.requiredVersion(ifMatch, change.version()), change);
	}
}
