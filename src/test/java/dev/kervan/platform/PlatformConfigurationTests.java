package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PlatformConfigurationTests {

	@Test
	void theClockRunsInTheConfiguredZone() {
		ZoneId tehran = ZoneId.of("Asia/Tehran");
		var properties = new KervanProperties(Path.of("data"), false, new KervanProperties.Attachments(org.springframework.util.unit.DataSize.ofMegabytes(20), null), tehran, null);
		assertThat(new PlatformConfiguration().clock(properties).getZone()).isEqualTo(tehran);
	}
}
