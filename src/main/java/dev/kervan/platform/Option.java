package dev.kervan.platform;

/** One choice of a drop-down: the value sent and the text shown. */
public record Option(String value, String label) {
}
