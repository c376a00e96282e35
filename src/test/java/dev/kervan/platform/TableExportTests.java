package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

class TableExportTests {

	@Test
	void csvIsUtf8WithABomQuotedWhereNeededAndDefusesFormulas() {
		var out = new ByteArrayOutputStream();
		TableExport.write(TableExport.Format.CSV, out, "Users", List.of("Ad", "Not"), rows -> {
			rows.add(List.of("Şule, Işık", "=HYPERLINK(\"http://evil\")"));
			rows.add(List.of("علی", new BigDecimal("12.50")));
		});
		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFAd,Not\r\n");
		assertThat(csv).contains("\"Şule, Işık\",\"'=HYPERLINK(\"\"http://evil\"\")\"\r\n");
		assertThat(csv).contains("علی,12.50\r\n");
	}

	@Test
	void xlsxIsAWorkbookWithTheRows() throws Exception {
		var out = new ByteArrayOutputStream();
		TableExport.write(TableExport.Format.XLSX, out, "Kullanıcılar", List.of("Ad"), rows -> rows.add(List.of("Ayşe")));
		Path file = Files.createTempFile("export", ".xlsx");
		Files.write(file, out.toByteArray());
		try (var zip = new ZipFile(file.toFile())) {
			ZipEntry strings = zip.getEntry("xl/sharedStrings.xml");
			assertThat(strings).isNotNull();
			var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(zip.getInputStream(strings));
			assertThat(xml.getDocumentElement().getTextContent()).isEqualTo("AdAyşe");
			assertThat(zip.getEntry("xl/workbook.xml")).isNotNull();
		}
		finally {
			Files.delete(file);
		}
	}

	@Test
	void anUnknownFormatIsInvalidInput() {
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> TableExport.Format.of("pdf"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(TableExport.Format.of(null)).isEqualTo(TableExport.Format.XLSX);
	}
}
