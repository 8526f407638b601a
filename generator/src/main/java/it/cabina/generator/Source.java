package it.cabina.generator;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The three sources of extracts.md with the text format each one uses (encoding, separator, line ending, quoting). */
public enum Source {
    /** UTF-8 (BOM on some senders' files), {@code ;}, never quoted: no value contains a separator. */
    CSI(StandardCharsets.UTF_8, ';', "\n", false, "INCREMENTAL"),
    /** The regional open-data export: UTF-8, {@code ,}, fields quoted with {@code "} when needed. */
    AFAM(StandardCharsets.UTF_8, ',', "\n", true, "FULL"),
    /** Legacy office format: Windows-1252, {@code ;}, CR LF line endings. */
    FLUSSO(Charset.forName("windows-1252"), ';', "\r\n", false, "FULL");

    private final Charset charset;
    private final char separator;
    private final String lineEnding;
    private final boolean quoted;
    private final String mode;

    Source(Charset charset, char separator, String lineEnding, boolean quoted, String mode) {
        this.charset = charset;
        this.separator = separator;
        this.lineEnding = lineEnding;
        this.quoted = quoted;
        this.mode = mode;
    }

    public Charset charset() { return charset; }

    public char separator() { return separator; }

    public String lineEnding() { return lineEnding; }

    /** Whether fields containing the separator or a quote are quoted (RFC 4180 style, {@code ""} inside). */
    public boolean quoted() { return quoted; }

    /** The manifest {@code mode} of this source's deliveries. */
    public String mode() { return mode; }
}
