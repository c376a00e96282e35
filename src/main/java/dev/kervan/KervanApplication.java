package dev.kervan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Kervan: a CRM built into an ERP, one modular monolith on PostgreSQL.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class KervanApplication {

	public static void main(String[] args) {
		SpringApplication.run(KervanApplication.class, args);
	}
}
