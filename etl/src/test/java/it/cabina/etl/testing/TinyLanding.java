package it.cabina.etl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The smallest landing area that goes through every stage of a nightly: an AFAM snapshot (the first 30 units of the
 * real export in src/test/resources/afam), CSI deliveries of two Ambiti (one as a zip) with every CSI file, and their
 * FLUSSO semesters; each source has a row set aside. The fault tests kill nightlies over it at each stage: small
 * enough for several child JVMs.
 */
public final class TinyLanding {
    private TinyLanding() {}

    static final String T = "2025-05-10T10:00:00";
    static final String X = TestDeliveries.taxCode("RSSMRA40C41F205");
    static final String Y = TestDeliveries.taxCode("BNCLGU50A01F205");
    static final String Z = TestDeliveries.taxCode("NRIPLA45E05F205");

    public static void write(Path landing) throws IOException {
        List<String> afam;
        try (InputStream in = TinyLanding.class.getResourceAsStream("/afam/unita_offerta.csv")) {
            afam = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().limit(31).toList();
        }
        TestDeliveries.of(landing, "AFAM", "RL", "20250601T230000").extractedAt("2025-06-01T23:00:00+02:00")
                .file("unita_offerta.csv", afam.get(0), java.util.stream.Stream.concat(afam.subList(1, afam.size()).stream(),
                        java.util.stream.Stream.of(afam.get(1).replaceFirst(",45,MN,", ",molti,MN,"))).toArray(String[]::new)).write();
        csi(landing, "AMB-SARONNO", "S", "012119").write();
        csi(landing, "AMB-GALLARATE", "G", "012070").writeZipped();
        for (String[] a : new String[][]{{"AMB-SARONNO", "012119"}, {"AMB-GALLARATE", "012070"}}) {
            TestDeliveries.of(landing, "FLUSSO", a[0], "20250710T020000").period("2025-01-01", "2025-06-30")
                    .file("prestazioni.csv", IndicatorFixture.F,
                            a[0] + ";" + a[1] + ";2025;1;3;" + X + ";SAD;;ORE;4;40,00;4,00;0;FNA",
                            a[0] + ";" + a[1] + ";2025;1;4;" + Y + ";PASTI;;PASTI;20;100,00;0;0;FONDI_COMUNALI",
                            a[0] + ";" + a[1] + ";2025;1;5;;PRONTO_INTERVENTO_SOCIALE;;ACCESSI;1;60,00;0;0;FNPS",
                            a[0] + ";" + a[1] + ";2025;1;5;" + X + ";MASSAGGI;;ORE;1;60,00;0;0;FNA").write();
        }
    }

    /** One CSI delivery of an Ambito: two persons, their cases, an assessment, a project, a discharge, activities. */
    static TestDeliveries csi(Path landing, String ambito, String p, String comune) {
        return TestDeliveries.of(landing, "CSI", ambito, "20250515T020000")
                .file("persone.csv", IndicatorFixture.P, p + "1;" + X + ";F;1940-03-01;" + comune + ";ITA;" + T + ";ATTIVO",
                        p + "2;" + (p.equals("S") ? Y : Z) + ";M;1950-01-01;" + comune + ";ITA;" + T + ";ATTIVO",
                        p + "3;RSSMRA40C41F20X;M;1950-01-01;" + comune + ";ITA;" + T + ";ATTIVO")
                .file("prese_in_carico.csv", IndicatorFixture.C,
                        p + "C1;" + p + "1;" + ambito + ";" + comune + ";ANZIANI;PUA;2025-01-10;;;S;S;" + T + ";ATTIVO",
                        p + "C2;" + p + "2;" + ambito + ";" + comune + ";MINORI_FAMIGLIA;PUA;2025-02-01;;;N;N;" + T + ";ATTIVO")
                .file("valutazioni.csv", IndicatorFixture.VAL,
                        p + "V1;" + p + "C1;2025-01-15;UVM;SVAMA;S;S;AS_AMBITO|MMG;ALTO;S;SAD;PROGETTO;;" + T + ";ATTIVO")
                .file("progetti.csv", IndicatorFixture.PR,
                        p + "P1;" + p + "C1;" + p + "V1;PAI;2025-02-01;;;S;SAD|PASTI;S;" + T + ";ATTIVO")
                .file("dimissioni_protette.csv", IndicatorFixture.D,
                        p + "D1;" + p + "1;" + p + "C1;OSPEDALE;2025-01-02;2025-01-05;2025-01-09;DOMICILIO;S;S;S;S;N;" + T + ";ATTIVO")
                .file("attivita.csv", IndicatorFixture.ACT,
                        p + "A1;" + ambito + ";2025-02-01;EEMM_INCONTRO;SVOLTA;2;5;0;0;S;" + T + ";ATTIVO",
                        p + "A2;" + ambito + ";2025-03-01;SPORTELLO_APERTURA;SVOLTA;100;0;0;0;N;" + T + ";ATTIVO");
    }
}
