package it.cabina.etl.landing;

import org.apache.hadoop.fs.Path;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of the landing area: {@code <SOURCE>_<SENDER>_<yyyyMMdd'T'HHmmss>} as a folder, or the same name plus {@code .zip}.
 */
public record Delivery(String name, Path location, boolean zipped, String source, String sender, LocalDateTime droppedAt) {

    private static final Pattern NAME = Pattern.compile("^(CSI|AFAM|FLUSSO)_(.+)_(\\d{8}T\\d{6})$");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    /** The delivery an entry names, or null when its name does not follow the landing convention. */
    public static Delivery of(Path location, boolean isDirectory) {
        String file = location.getName();
        boolean zip = !isDirectory && file.toLowerCase().endsWith(".zip");
        if (!isDirectory && !zip) return null;
        String name = zip ? file.substring(0, file.length() - 4) : file;
        Matcher m = NAME.matcher(name);
        if (!m.matches()) return null;
        LocalDateTime at;
        try {
            at = LocalDateTime.parse(m.group(3), STAMP);
        } catch (RuntimeException e) {
            return null;
        }
        return new Delivery(name, location, zip, m.group(1), m.group(2), at);
    }

    @Override
    public String toString() {
        return name + (zipped ? ".zip" : "");
    }
}
