package it.cabina.generator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs the files of a delivery folder into {@code <name>.zip}, files at the zip root (no top folder), in the given
 * order, with a fixed entry time so that the archive is byte-identical from run to run.
 */
final class ZipPacker {
    private ZipPacker() {}

    static void pack(Path folder, List<String> fileNames, Path zip, LocalDateTime entryTime) {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (String name : fileNames) {
                ZipEntry e = new ZipEntry(name);
                e.setTimeLocal(entryTime);
                zos.putNextEntry(e);
                Files.copy(folder.resolve(name), zos);
                zos.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + zip, e);
        }
    }
}
