package dev.kervan.catalog.internal;

/**
 * Barcode rules. A barcode of digits only in a GS1 length (EAN-8, UPC-A, EAN-13, GTIN-14) must carry the right
 * check digit, because a misread scan usually breaks it; other barcodes are the company's own codes (letters,
 * digits, dashes, dots), up to 40 characters.
 */
final class Barcodes {

	private Barcodes() {
	}

	static boolean isValid(String barcode) {
		if (barcode.isEmpty() || barcode.length() > 40 || !barcode.matches("[A-Za-z0-9.\\-]+")) {
			return false;
		}
		if (!barcode.chars().allMatch(Character::isDigit)) {
			return true;
		}
		int length = barcode.length();
		if (length != 8 && length != 12 && length != 13 && length != 14) {
			return true;
		}
		return checkDigit(barcode.substring(0, length - 1)) == barcode.charAt(length - 1) - '0';
	}

	/** The GS1 check digit: weights 3 and 1 alternating from the right, the digit that makes the sum a multiple of 10. */
	static int checkDigit(String digits) {
		int sum = 0;
		for (int i = 0; i < digits.length(); i++) {
			int digit = digits.charAt(digits.length() - 1 - i) - '0';
			sum += i % 2 == 0 ? digit * 3 : digit;
		}
		return (10 - sum % 10) % 10;
	}
}
