package dev.kervan.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	/** Shown, with status 429, when a login attempt was refused because of too many failures. */
	@RequestMapping("/login/throttled")
	String throttled(Model model) {
		model.addAttribute("throttled", true);
		return "identity/login";
	}
}
