package it.cabina.generator;

import java.util.List;

/** The {@code area_utenza} of a case with the figures that shape its journey. */
enum Area {
    ANZIANI(40, 66, 98, 60, 900, 0.30, 0.45, 0.01,
            new double[]{35, 30, 0, 20, 0, 5}, new double[]{20, 20, 30, 15, 15}),
    DISABILI(18, 6, 64, 180, 1500, 0.35, 0.45, 0.03,
            new double[]{30, 35, 0, 30, 0, 5}, new double[]{35, 25, 2, 20, 18}),
    MINORI_FAMIGLIA(15, 0, 17, 180, 900, 0.30, 0.20, 0,
            new double[]{5, 35, 0, 10, 35, 15}, new double[]{50, 20, 0, 15, 15}),
    POVERTA_INCLUSIONE(15, 20, 64, 90, 540, 0.30, 0.15, 0.06,
            new double[]{20, 60, 0, 5, 0, 15}, new double[]{45, 15, 1, 25, 14}),
    ADULTI_FRAGILI(12, 25, 75, 60, 600, 0.40, 0.25, 0.25,
            new double[]{10, 45, 0, 25, 5, 15}, new double[]{35, 15, 3, 25, 22});

    static final List<String> CANALI = List.of("PUA", "SEGRETARIATO_SOCIALE", "DIMISSIONE_PROTETTA",
            "SEGNALAZIONE_ASST", "AUTORITA_GIUDIZIARIA", "ALTRO");
    static final List<String> MOTIVI = List.of("OBIETTIVI_RAGGIUNTI", "TRASFERIMENTO", "DECESSO", "RINUNCIA", "ALTRO");

    final double weight;
    final int minAge;
    final int maxAge;
    final int minDays;
    final int maxDays;
    final double complex;
    final double integrated;
    /** Share of the cases of adult women that concern a victim of violence ({@code vittima_violenza}, contract 1.2). */
    final double violence;
    final double[] canaleWeights;
    final double[] motivoWeights;

    Area(double weight, int minAge, int maxAge, int minDays, int maxDays, double complex, double integrated,
         double violence, double[] canaleWeights, double[] motivoWeights) {
        this.weight = weight;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.minDays = minDays;
        this.maxDays = maxDays;
        this.complex = complex;
        this.integrated = integrated;
        this.violence = violence;
        this.canaleWeights = canaleWeights;
        this.motivoWeights = motivoWeights;
    }

    static Area pick(Rand r) {
        Area[] all = values();
        double[] w = new double[all.length];
        for (int i = 0; i < all.length; i++) w[i] = all[i].weight;
        return r.weighted(List.of(all), w);
    }
}
