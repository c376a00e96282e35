package dev.kervan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text exists in English, Turkish and Persian, with the same arguments, and every message key the
 * templates use exists.
 */
class MessageBundlesTests {

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

	@Test
	void everyLanguageHasEveryKey() throws IOException {
		Properties english = load("messages.properties");
		for (String language : new String[] { "tr", "fa" }) {
			Properties translated = load("messages_" + language + ".properties");
			assertThat(translated.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
		}
	}

	@Test
	void translationsUseTheSameArgumentsAndParse() throws IOException {
		Properties english = load("messages.properties");
		for (String language : new String[] { "tr", "fa" }) {
			Properties translated = load("messages_" + language + ".properties");
			for (String key : english.stringPropertyNames()) {
				String original = english.getProperty(key);
				String translation = translated.getProperty(key);
				assertThat(arguments(translation)).as(language + " " + key).isEqualTo(arguments(original));
				assertThat(translation).as(language + " " + key).isNotBlank();
				if (!arguments(original).isEmpty()) {
					// Messages with arguments go through MessageFormat: a lone apostrophe would swallow text.
					String formatted = new MessageFormat(translation, Locale.forLanguageTag(language))
						.format(new Object[] { "A0", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9" });
					for (String argument : arguments(original)) {
						assertThat(formatted).as(language + " " + key).contains("A" + argument);
					}
				}
			}
		}
	}

	@Test
	void everyKeyTheTemplatesNameExists() throws IOException {
		Properties english = load("messages.properties");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					if (!english.containsKey(matcher.group(1))) {
						missing.add(template.getFileName() + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Set<String> arguments(String message) {
		Set<String> arguments = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(message);
		while (matcher.find()) {
			arguments.add(matcher.group(1));
		}
		return arguments;
	}

	private static Properties load(String name) throws IOException {
		var properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
