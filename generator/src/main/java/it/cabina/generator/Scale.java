package it.cabina.generator;

/**
 * Size presets. Every size is per Ambito, so a bigger preset is one more constant: rows are streamed to disk and
 * memory grows with the persons of one Ambito (plus the tax codes of all persons, kept to make them unique, and the
 * line numbers of the defective rows, kept for the summary). {@link #LOMBARDIA} is the regional preset.
 */
public enum Scale {
    /** A few Ambiti and a few dozen persons each: for tests, generated in about a second. */
    SMALL(3, 20, 8, 0.06, 5, 4, 1, 0.10, 1),
    /** All the Ambiti of the reference (12 in the demo territory), a few thousand persons, ~70k FLUSSO rows. */
    DEMO(0, 350, 400, 1.0, 18, 8, 3, 0.15, 1),
    /**
     * The whole region, for the benchmark: meant for the 89 Ambiti of {@code conf/territory/ambiti_lombardia.csv}
     * (config {@code conf/cabina-lombardia.yaml}): about 350,000 persons with cases, ~30 million FLUSSO rows
     * (7 rows a service-month: per-intervention reporting), about 3,000 AFAM units. Streamed: see {@code bench/README.md}.
     */
    LOMBARDIA(0, 3900, 3000, 1.0, 33, 8, 3, 0.15, 7);

    private final int maxAmbiti;
    private final int personsPerAmbito;
    private final int flussoOnlyPersonsPerAmbito;
    private final double activityFactor;
    private final int afamUnitsPerAmbito;
    private final int outsideAmbiti;
    private final int afamUnitsPerOutsideAmbito;
    private final double cofundedShare;
    private final int serviceRowsPerMonth;

    Scale(int maxAmbiti, int personsPerAmbito, int flussoOnlyPersonsPerAmbito, double activityFactor,
          int afamUnitsPerAmbito, int outsideAmbiti, int afamUnitsPerOutsideAmbito, double cofundedShare,
          int serviceRowsPerMonth) {
        this.maxAmbiti = maxAmbiti;
        this.personsPerAmbito = personsPerAmbito;
        this.flussoOnlyPersonsPerAmbito = flussoOnlyPersonsPerAmbito;
        this.activityFactor = activityFactor;
        this.afamUnitsPerAmbito = afamUnitsPerAmbito;
        this.outsideAmbiti = outsideAmbiti;
        this.afamUnitsPerOutsideAmbito = afamUnitsPerOutsideAmbito;
        this.cofundedShare = cofundedShare;
        this.serviceRowsPerMonth = serviceRowsPerMonth;
    }

    /** How many Ambiti of the territory reference (in code order) get deliveries; 0 means all of them. */
    public int maxAmbiti() { return maxAmbiti; }

    /** Persons with a social record (CSI) per Ambito, on average. */
    public int personsPerAmbito() { return personsPerAmbito; }

    /** Beneficiaries that appear only in the FLUSSO of an Ambito (nurseries, allowances, …), on average. */
    public int flussoOnlyPersonsPerAmbito() { return flussoOnlyPersonsPerAmbito; }

    /** Multiplier of the monthly number of activities (meetings, trainings, housing desk) of an Ambito. */
    public double activityFactor() { return activityFactor; }

    /** AFAM units in each generated Ambito at the first snapshot, on average. */
    public int afamUnitsPerAmbito() { return afamUnitsPerAmbito; }

    /** Ambiti the territory reference does not list that still have AFAM units (at most the known table). */
    public int outsideAmbiti() { return outsideAmbiti; }

    public int afamUnitsPerOutsideAmbito() { return afamUnitsPerOutsideAmbito; }

    /** Share of FLUSSO service-months split over a second funding source (a second row). */
    public double cofundedShare() { return cofundedShare; }

    /** Rows a service-month is reported in (weekly or per-intervention reporting splits the quantity); 1 = monthly. */
    public int serviceRowsPerMonth() { return serviceRowsPerMonth; }
}
