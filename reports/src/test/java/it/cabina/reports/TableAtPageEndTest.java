package it.cabina.reports;

import it.cabina.reports.render.DocumentRenderer;
import it.cabina.reports.render.Templates;
import it.cabina.warehouse.published.ReportKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A table that follows another in the PDF may find no room for its heading at the foot of a page: its column header
 * then comes first on the next page. The tagged PDF's table must still open once and close once (it failed with an
 * EmptyStackException in the demo's rete d'offerta of one Ambito, whose twelve types pushed the movements' heading
 * over the page). Rendered with every number of rows around the page's end, each PDF checked as PDF/A.
 */
class TableAtPageEndTest {
    static Templates templates;

    @BeforeAll
    static void load() {
        org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider.initialise();
        templates = new Templates();
    }

    @Test
    void theSecondTableOpensAndClosesOnceWhereverThePageEnds() {
        List<String> failed = new ArrayList<>();
        for (int types = 6; types <= 16; types++) {
            ReportDocument doc = new ReportDocument(new ReportKey(ReportKind.RETE_OFFERTA, "2026-S1", "AMBITO", "AMB-PROVA"), "Ambito di prova",
                    "Ambito territoriale", "1° semestre 2026", List.of(),
                    List.of(Part.of("rete-offerta/tipologie", "Tipologie", tipologie(types)), Part.of("rete-offerta/movimenti", "Movimenti", movimenti(2))));
            try {
                byte[] pdf = new DocumentRenderer(templates, "15/07/2026 alle 02:00").render(doc, Format.PDF);
                List<String> rules = PdfArchivalTest.failedRules(pdf);
                if (!rules.isEmpty()) failed.add(types + " types: " + rules);
            } catch (RuntimeException e) {
                failed.add(types + " types: " + e);
            }
        }
        assertEquals(List.of(), failed);
    }

    static List<Map<String, Object>> tipologie(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("tipologia", i == n ? "Totale" : "Tipologia " + i);
            r.put("totale", i == n);
            r.put("unita", (long) i);
            r.put("posti", 10L * i);
            r.put("aperte", 0L);
            r.put("cessate", 0L);
            r.put("modificate", 1L);
            rows.add(r);
        }
        return rows;
    }

    static List<Map<String, Object>> movimenti(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("evento", "Modificata");
            r.put("data", Date.valueOf("2026-06-30"));
            r.put("codice_unita", "0214" + i);
            r.put("denominazione", "CENTRO PRIMA INFANZIA " + i);
            r.put("tipologia", "Centro prima infanzia");
            r.put("comune", "GORLA MINORE");
            r.put("posti", 45);
            r.put("prima", "40 posti");
            rows.add(r);
        }
        return rows;
    }
}
