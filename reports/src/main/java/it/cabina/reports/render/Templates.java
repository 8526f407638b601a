package it.cabina.reports.render;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JRXML templates under {@code templates/} on the classpath, each compiled once per JVM (compiling takes
 * hundreds of milliseconds; filling a compiled template a few).
 */
public final class Templates {
    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    public JasperReport get(String name) {
        return compiled.computeIfAbsent(name, Templates::compile);
    }

    /** Compiles every template now, so that a broken one stops a run before anything is rendered. */
    public void compileAll(Iterable<String> names) {
        names.forEach(this::get);
    }

    /** The classpath resource of a template's JRXML source. */
    public static String source(String name) {
        return "/templates/" + name + ".jrxml";
    }

    private static JasperReport compile(String name) {
        String resource = source(name);
        try (InputStream in = Templates.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("template " + resource + " non trovato nel classpath");
            return JasperCompileManager.compileReport(in);
        } catch (JRException e) {
            throw new IllegalStateException("template " + resource + " non compilabile: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
