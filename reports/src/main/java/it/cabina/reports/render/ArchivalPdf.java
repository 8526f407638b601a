package it.cabina.reports.render;

import it.cabina.reports.ReportDocument;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * What makes a published PDF archival PDF/A-2a, tagged for screen readers (see docs/reports.md): the exporter's
 * settings, and one repair of what the exporter writes. Level A needs the structure tags and Unicode text; part 2
 * allows the transparency that chart rendering may use, which part 1 forbids. Fonts are embedded by the font
 * extension (DejaVu Sans), as PDF/A requires.
 */
public final class ArchivalPdf {
    public static final PdfaConformanceEnum CONFORMANCE = PdfaConformanceEnum.PDFA_2A;
    public static final String LANGUAGE = "it-IT";
    /** The sRGB profile of the output intent, on the classpath (pdfbox-examples; littleCMS, zlib licence). */
    static final String ICC_PROFILE = "org/apache/pdfbox/resources/pdfa/sRGB.icc";
    static final String AUTHOR = "Cabina di Regia per l'integrazione socio-sanitaria";

    private ArchivalPdf() {}

    public static SimplePdfExporterConfiguration configuration(ReportDocument doc) {
        SimplePdfExporterConfiguration conf = new SimplePdfExporterConfiguration();
        conf.setPdfaConformance(CONFORMANCE);
        conf.setIccProfilePath(ICC_PROFILE);
        conf.setTagged(true);
        conf.setTagLanguage(LANGUAGE);
        conf.setMetadataTitle(title(doc));
        conf.setDisplayMetadataTitle(true);
        conf.setMetadataAuthor(AUTHOR);
        conf.setMetadataCreator("Cabina");
        return conf;
    }

    public static String title(ReportDocument doc) {
        return doc.title() + " — " + doc.territoryName() + " — " + doc.periodLabel();
    }

    /**
     * The exported PDF without the fonts' CIDSet streams. OpenPDF lists in them the glyphs the text uses, but its font
     * subsets also hold glyph 0 and the parts of composite glyphs (accented letters): an incomplete CIDSet breaks
     * PDF/A-2 (clause 6.2.11.4.2), which, unlike PDF/A-1, does not require one.
     */
    static byte[] withoutCidSets(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (COSObject descriptor : doc.getDocument().getObjectsByType(COSName.FONT_DESC)) {
                if (descriptor.getObject() instanceof COSDictionary d) d.removeItem(COSName.CID_SET);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out);
            return out.toByteArray();
        }
    }
}
