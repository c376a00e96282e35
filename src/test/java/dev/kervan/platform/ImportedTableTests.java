package dev.kervan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.kervan.support.Spreadsheets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ImportedTableTests {

	private static final long GIBIBYTE = 1L << 30;

	@Test
	void csvAndXlsxFilesAreReadAsTheirRowsShowThem() {
		ImportedTable csv = ImportedTable.read("list.csv", "name;price\nÇay;12,5\n\n;\nKahve;30\n".getBytes(StandardCharsets.UTF_8));
		assertThat(csv.headers()).containsExactly("name", "price");
		assertThat(csv.lines()).extracting(ImportedTable.Line::number).containsExactly(2, 5);
		assertThat(csv.lines().getFirst().cells()).containsExactly("Çay", "12,5");

		var out = new ByteArrayOutputStream();
		TableExport.write(TableExport.Format.XLSX, out, "Sheet1", List.of("code", "name"), rows -> {
			rows.add(List.of("A-1", "Çay"));
			rows.add(List.of("A-2", "چای"));
		});
		ImportedTable exported = ImportedTable.read("products.xlsx", out.toByteArray());
		assertThat(exported.headers()).containsExactly("code", "name");
		assertThat(exported.lines()).extracting(ImportedTable.Line::cells)
			.containsExactly(List.of("A-1", "Çay"), List.of("A-2", "چای"));

		ImportedTable typed = ImportedTable.read("typed.xlsx", Spreadsheets.xlsx("""
				<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>
				<row r="3"><c r="A3"><v>12.50</v></c><c r="B3" t="b"><v>1</v></c><c r="C3"><v>46022</v></c>
				<c r="D3" t="s"><v>2</v></c><c r="E3"><v>1E999999999</v></c></row></sheetData>""",
				"<si><t>name</t></si><si><r><t>da</t></r><r><t>te</t></r><rPh><t>x</t></rPh></si><si><t> kept </t></si>"));
		assertThat(typed.headers()).containsExactly("name", "", "date");
		assertThat(typed.lines().getFirst().number()).isEqualTo(3);
		assertThat(typed.lines().getFirst().cells()).containsExactly("12.50", "true", "46022", "kept", "1E999999999");
	}

	@Test
	void aHundredThousandRowsAreReadAndOneMoreIsRefusedWhileReading() {
		var csv = new StringBuilder("name\n");
		for (int i = 0; i < 100_000; i++) {
			csv.append("row ").append(i).append('\n');
		}
		assertThat(ImportedTable.read("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).lines()).hasSize(100_000);
		csv.append("one more\n");
		assertRefused(() -> ImportedTable.read("big.csv", csv.toString().getBytes(StandardCharsets.UTF_8)),
				"error.import.too-many-rows");

		var sheet = new StringBuilder("<sheetData><row><c t=\"inlineStr\"><is><t>name</t></is></c></row>");
		for (int i = 0; i <= 100_000; i++) {
			sheet.append("<row><c><v>").append(i).append("</v></c></row>");
		}
		assertRefused(() -> ImportedTable.read("big.xlsx", Spreadsheets.xlsx(sheet.append("</sheetData>").toString(), null)),
				"error.import.too-many-rows");
	}

	@Test
	void aCellLongerThanExcelAllowsIsRefusedWithItsRow() {
		String longCell = "x".repeat(32_768);
		assertRefused(() -> ImportedTable.read("long.csv", ("name\nfine\n\"" + longCell + "\"\n").getBytes(StandardCharsets.UTF_8)),
				"error.import.cell-too-long", 32_767, 3L);
		assertThat(ImportedTable.read("long.csv", ("name\n" + "x".repeat(32_767) + "\n").getBytes(StandardCharsets.UTF_8))
			.lines()).hasSize(1);
		assertRefused(() -> ImportedTable.read("long.xlsx", Spreadsheets.xlsx(List.of(List.of("name"), List.of(longCell)))),
				"error.import.cell-too-long", 32_767, 2);
		assertRefused(() -> ImportedTable.read("long.xlsx", Spreadsheets.xlsx(
				"<sheetData><row r=\"1\"><c t=\"s\"><v>0</v></c></row></sheetData>", "<si><t>" + longCell + "</t></si>")),
				"error.import.text-too-long", 32_767);
	}

	@Test
	void aZipBombIsStoppedAfterItsFirstCellsWorthNotAfterAGigabyte() {
		byte[] inline = Spreadsheets.inlineStringBomb(List.of("name"), GIBIBYTE);
		byte[] shared = Spreadsheets.sharedStringBomb(List.of("name"), GIBIBYTE / 4);
		assertThat(inline.length).as("a small upload").isLessThan(2 * 1024 * 1024);
		long started = System.nanoTime();
		assertRefused(() -> ImportedTable.read("bomb.xlsx", inline), "error.import.cell-too-long", 32_767, 2);
		assertRefused(() -> ImportedTable.read("bomb.xlsx", shared), "error.import.text-too-long", 32_767);
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to refuse both").isLessThan(5_000);
	}

	@Test
	void bytesAreCountedAsTheyAreUnpackedAndAPartPackedTooTightlyIsRefused() {
		var sheet = new StringBuilder("<sheetData>");
		for (int i = 1; i <= 40_000; i++) {
			sheet.append("<row r=\"").append(i).append("\"><c r=\"A").append(i).append("\"><v>").append(i).append("</v></c></row>");
		}
		byte[] file = Spreadsheets.xlsx(sheet.append("</sheetData>").toString(), null);
		assertThat(ImportedTable.read("many.xlsx", file).lines()).hasSize(39_999);
		var oneMegabyte = new ImportedTable.Limits(100_000, 1_000, 5_000_000, 32_767, 1024 * 1024);
		assertRefused(() -> ImportedTable.read("many.xlsx", file, oneMegabyte), "error.import.unpacked-too-large", 1L);

		var same = new StringBuilder("<sheetData>");
		same.append("<row><c t=\"inlineStr\"><is><t>name</t></is></c></row>");
		for (int i = 0; i < 100_000; i++) {
			same.append("<row><c/></row>");
		}
		assertRefused(() -> ImportedTable.read("same.xlsx", Spreadsheets.xlsx(same.append("</sheetData>").toString(), null)),
				"error.import.packed-too-tightly", 100);
	}

	@Test
	void tooManyColumnsCellsOrPartsAreRefused() {
		String wide = "c,".repeat(1_000) + "c\n";
		assertRefused(() -> ImportedTable.read("wide.csv", wide.getBytes(StandardCharsets.UTF_8)),
				"error.import.too-many-columns", 1_000);
		assertRefused(() -> ImportedTable.read("wide.xlsx", Spreadsheets.xlsx(
				"<sheetData><row r=\"1\"><c r=\"ALM1\" t=\"inlineStr\"><is><t>far</t></is></c></row></sheetData>", null)),
				"error.import.too-many-columns", 1_000);
		assertRefused(() -> ImportedTable.read("wide.xlsx", Spreadsheets.xlsx(
				"<sheetData><row r=\"1\"><c r=\"ZZZZZZZZZZ1\"><v>1</v></c></row></sheetData>", null)),
				"error.import.too-many-columns", 1_000);
		assertThat(ImportedTable.read("wide.xlsx", Spreadsheets.xlsx(
				"<sheetData><row r=\"1\"><c r=\"ALL1\" t=\"inlineStr\"><is><t>far</t></is></c></row></sheetData>", null))
			.headers()).hasSize(1_000);

		var fewCells = new ImportedTable.Limits(100, 10, 5, 100, 1 << 20);
		assertRefused(() -> ImportedTable.read("cells.csv", "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), fewCells),
				"error.import.too-many-cells", 5);

		var parts = new ByteArrayOutputStream();
		try (var zip = new ZipOutputStream(parts)) {
			for (int i = 0; i < 1_001; i++) {
				zip.putNextEntry(new ZipEntry("part" + i));
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		assertRefused(() -> ImportedTable.read("parts.xlsx", parts.toByteArray()), "error.import.too-many-parts", 1_000);
	}

	@Test
	void markupLongerThanAnyCellIsRefusedBeforeTheParserKeepsIt() {
		String attribute = "<sheetData><row r=\"1\" x=\"" + "a>".repeat(100_000) + "\"><c><v>1</v></c></row></sheetData>";
		assertRefused(() -> ImportedTable.read("tag.xlsx", Spreadsheets.xlsx(attribute, null)), "error.import.text-too-long",
				32_767);
		String comment = "<sheetData><!--" + "<a>".repeat(100_000) + "--><row r=\"1\"><c><v>1</v></c></row></sheetData>";
		assertRefused(() -> ImportedTable.read("comment.xlsx", Spreadsheets.xlsx(comment, null)), "error.import.text-too-long",
				32_767);
		var deep = "<sheetData>" + "<x>".repeat(100) + "</x>".repeat(100) + "</sheetData>";
		assertRefused(() -> ImportedTable.read("deep.xlsx", Spreadsheets.xlsx(deep, null)), "error.import.unreadable");
	}

	@Test
	void aFileNameWithAControlOrDirectionCharacterIsRefused() {
		byte[] csv = "name\nx\n".getBytes(StandardCharsets.UTF_8);
		assertRefused(() -> ImportedTable.read("list\u0000.csv", csv), TextHygiene.CONTROL_CHARACTER);
		assertRefused(() -> ImportedTable.read("\u202Evsc.xlsx", csv), TextHygiene.DIRECTION_CHARACTER);
		assertThat(ImportedTable.read("müşteriler listesi.csv", csv).lines()).hasSize(1);
	}

	private static void assertRefused(ThrowingCallable reading, String messageCode, Object... arguments) {
		assertThatThrownBy(reading).isInstanceOfSatisfying(InvalidInputException.class, refusal -> {
			assertThat(refusal.violations()).hasSize(1);
			FieldViolation violation = refusal.violations().getFirst();
			assertThat(violation.field()).isEqualTo("file");
			assertThat(violation.messageCode()).isEqualTo(messageCode);
			if (arguments.length > 0) {
				assertThat(violation.arguments()).containsExactly(arguments);
			}
		});
	}
}
