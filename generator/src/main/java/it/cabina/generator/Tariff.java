package it.cabina.generator;

import java.util.List;
import java.util.Map;

/**
 * How a service of the FLUSSO catalogue is measured and paid: unit, monthly quantity range (hundredths), unit
 * price and national-health share per unit (cents), user share range, funding sources with weights.
 */
record Tariff(String unit, long minQty, long maxQty, long stepQty, long priceCents, double minUserShare,
              double maxUserShare, long ssnCentsPerUnit, List<String> fonti, double[] fontiWeights) {

    static final Map<String, Tariff> CATALOGUE = Map.ofEntries(
            Map.entry("SAD", t("ORE", 400, 4000, 50, 2150, 0, 0.2, 0, "FNA", 40, "FONDI_COMUNALI", 45, "FNPS", 15)),
            Map.entry("PASTI", t("PASTI", 800, 3000, 100, 680, 0.3, 0.6, 0, "FONDI_COMUNALI", 100)),
            Map.entry("TELESOCCORSO", t("MESI", 100, 100, 100, 2500, 0, 1, 0, "FONDI_COMUNALI", 80, "REGIONE", 20)),
            Map.entry("CDI", t("GIORNATE", 400, 2000, 100, 3000, 0.3, 0.5, 2900, "FONDI_COMUNALI", 70, "FNA", 30)),
            Map.entry("CSE", t("GIORNATE", 1000, 2000, 100, 5500, 0.05, 0.15, 0, "FNPS", 40, "FONDI_COMUNALI", 60)),
            Map.entry("SFA", t("GIORNATE", 800, 1800, 100, 4200, 0.05, 0.15, 0, "FNPS", 40, "FONDI_COMUNALI", 60)),
            Map.entry("CDD", t("GIORNATE", 1200, 2000, 100, 4500, 0.1, 0.2, 6000, "FONDI_COMUNALI", 70, "REGIONE", 30)),
            Map.entry("NIDO", t("MESI", 100, 100, 100, 65000, 0.2, 0.7, 0, "FONDI_COMUNALI", 60, "REGIONE", 30, "PNRR", 10)),
            Map.entry("ASSISTENZA_EDUCATIVA", t("ORE", 2000, 8000, 50, 2200, 0, 0, 0, "FONDI_COMUNALI", 90, "REGIONE", 10)),
            Map.entry("CONTRIBUTO_ECONOMICO", t("EURO", 10000, 80000, 5000, 100, 0, 0, 0, "FONDO_POVERTA", 50, "FNPS", 20, "FONDI_COMUNALI", 30)),
            Map.entry("INSERIMENTO_COMUNITA_MINORI", t("GIORNATE", 2800, 3100, 100, 11000, 0, 0, 0, "FONDI_COMUNALI", 70, "REGIONE", 30)),
            Map.entry("PRONTO_INTERVENTO_SOCIALE", t("ACCESSI", 100, 400, 100, 8000, 0, 0, 0, "FONDO_POVERTA", 60, "PNRR", 40)),
            Map.entry("EDUCATIVA_DOMICILIARE", t("ORE", 800, 3000, 50, 2300, 0, 0.1, 0, "FNPS", 50, "FONDI_COMUNALI", 50)),
            Map.entry("TRASPORTO", t("ACCESSI", 400, 2000, 100, 1200, 0.1, 0.3, 0, "FONDI_COMUNALI", 100)),
            Map.entry("SEGRETARIATO_SOCIALE", t("ACCESSI", 100, 300, 100, 1500, 0, 0, 0, "FNPS", 60, "FONDI_COMUNALI", 40)),
            Map.entry("ALTRO", t("ACCESSI", 100, 500, 100, 3000, 0, 0.1, 0, "ALTRO", 100)),
            // contract 1.2 (extracts.md §9.3): a day in a shelter, a day of a mother and her child in a community
            Map.entry("CASA_RIFUGIO", t("GIORNATE", 500, 3100, 100, 8500, 0, 0, 0, "REGIONE", 55, "FONDI_COMUNALI", 35, "ALTRO", 10)),
            Map.entry("COMUNITA_MAMMA_BAMBINO", t("GIORNATE", 1500, 3100, 100, 11500, 0, 0.05, 0, "FONDI_COMUNALI", 65, "REGIONE", 35)));

    static Tariff of(String prestazione) {
        Tariff t = CATALOGUE.get(prestazione);
        if (t == null) throw new IllegalArgumentException("no tariff for " + prestazione);
        return t;
    }

    /** A monthly quantity in hundredths, a multiple of the step. */
    long quantity(Rand r) {
        long steps = (maxQty - minQty) / stepQty;
        return minQty + stepQty * r.between(0, (int) steps);
    }

    private static Tariff t(String unit, long min, long max, long step, long price, double minUser, double maxUser,
                            long ssn, Object... fontiAndWeights) {
        List<String> fonti = new java.util.ArrayList<>();
        double[] w = new double[fontiAndWeights.length / 2];
        for (int i = 0; i < fontiAndWeights.length; i += 2) {
            fonti.add((String) fontiAndWeights[i]);
            w[i / 2] = ((Number) fontiAndWeights[i + 1]).doubleValue();
        }
        return new Tariff(unit, min, max, step, price, minUser, maxUser, ssn, List.copyOf(fonti), w);
    }
}
