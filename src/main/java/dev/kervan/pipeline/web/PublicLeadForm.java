package dev.kervan.pipeline.web;

import java.util.Set;

import dev.kervan.pipeline.internal.Leads;
import dev.kervan.pipeline.internal.WebFormGuard;
import dev.kervan.pipeline.internal.WebFormLead;
import dev.kervan.pipeline.internal.WebFormGuard.Verdict;
import dev.kervan.platform.FormState;
import dev.kervan.platform.Forms;
import dev.kervan.platform.Commands;
import dev.kervan.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public "contact us" form a company links from its web site: a person leaves a name, an address and a
 * message, and a lead (or, with the lead step off, an opportunity) waits for the sales team. No login.
 */
@Controller
@RequestMapping("/public/lead-form")
class PublicLeadForm {

	private static final Set<String> FIELDS = Set.of("name", "company", "email", "phone", "message");

	private final Leads leads;
	private final WebFormGuard guard;
	private final MessageSource messages;
	private final Commands commands;

	PublicLeadForm(Leads leads, WebFormGuard guard, MessageSource messages, Commands commands) {
		this.commands = commands;
		this.leads = leads;
		this.guard = guard;
		this.messages = messages;
	}

	@GetMapping
	String show(Model model, HttpServletRequest request) {
		model.addAttribute("form", FormState.empty());
		model.addAttribute("token", guard.token(request.getRemoteAddr()));
		return "pipeline/public-lead-form";
	}

	@PostMapping
	String submit(@RequestParam MultiValueMap<String, String> submitted, @RequestParam(defaultValue = "") String token,
			@RequestParam(name = "website", defaultValue = "") String honeypot, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		FormState form = FormState.from(submitted, FIELDS, Set.of());
		WebFormLead lead;
		try {
			lead = commands.read(form.toJson(true, Set.of()), WebFormLead.class).checked();
		}
		catch (DomainException refusal) {
			return again(form.reject(refusal, messages), request, response, Forms.status(refusal), model);
		}
		Verdict verdict = guard.judge(token, honeypot, request.getRemoteAddr());
		switch (verdict) {
			case ACCEPTED -> leads.fromWebForm(lead);
			case ROBOT -> {
				// Robots are thanked like people, so that they learn nothing.
			}
			case TOO_SOON, EXPIRED, ELSEWHERE -> {
				model.addAttribute("notice", messages.getMessage("public.form.again", null, LocaleContextHolder.getLocale()));
				return again(form, request, response, HttpStatus.UNPROCESSABLE_CONTENT, model);
			}
			case USED -> {
				model.addAttribute("notice", messages.getMessage("public.form.used", null, LocaleContextHolder.getLocale()));
				return again(form, request, response, HttpStatus.CONFLICT, model);
			}
			case TOO_MANY -> {
				model.addAttribute("notice", messages.getMessage("public.form.too-many", null, LocaleContextHolder.getLocale()));
				return again(form, request, response, HttpStatus.TOO_MANY_REQUESTS, model);
			}
		}
		return "pipeline/public-lead-thanks";
	}

	private String again(FormState form, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			Model model) {
		response.setStatus(status.value());
		model.addAttribute("form", form);
		model.addAttribute("token", guard.token(request.getRemoteAddr()));
		return "pipeline/public-lead-form";
	}
}
