package it.cabina.warehouse.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the code running: "cabina VERSION (commit ABBREV[, with uncommitted changes])", from the resources
 * the build writes beside this class ({@code version.properties}, and {@code commit}: the output of
 * {@code git describe --always --dirty}, warehouse/pom.xml); "commit unknown" for a build outside a git checkout.
 * {@code cabina --version} prints it and the analysts' exports record it in their manifests.
 */
public final class CodeVersion {
    private static final Pattern DESCRIBE = Pattern.compile("([0-9a-f]{7,40})(-dirty)?");

    private CodeVersion() {}

    public static String current() {
        try {
            Properties version = new Properties();
            try (InputStream in = CodeVersion.class.getResourceAsStream("/it/cabina/warehouse/version.properties")) {
                if (in != null) version.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return describe(version.getProperty("version"), gitDescribe());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether this build is one commit exactly: built from git, without uncommitted changes. */
    public static boolean isCommit() {
        return isCommit(gitDescribe());
    }

    public static boolean isCommit(String gitDescribe) {
        Matcher m = DESCRIBE.matcher(gitDescribe == null ? "" : gitDescribe);
        return m.matches() && m.group(2) == null;
    }

    private static String gitDescribe() {
        try (InputStream in = CodeVersion.class.getResourceAsStream("/it/cabina/warehouse/commit")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String describe(String version, String gitDescribe) {
        String v = version == null || version.isBlank() || version.startsWith("${") ? "(development build)" : version;
        Matcher m = DESCRIBE.matcher(gitDescribe == null ? "" : gitDescribe);
        String c = !m.matches() ? "commit unknown"
                : "commit " + m.group(1) + (m.group(2) != null ? ", with uncommitted changes" : "");
        return "cabina " + v + " (" + c + ")";
    }
}
