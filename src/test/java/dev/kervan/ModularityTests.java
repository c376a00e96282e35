package dev.kervan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Keeps the modules' boundaries: a module uses another only through its top-level package, and only along the
 * dependencies it declares.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(KervanApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		modules.verify();
	}
}
