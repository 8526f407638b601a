package it.cabina.warehouse.tables;

import it.cabina.warehouse.model.Models;

import java.util.List;

/**
 * Names of the tables that are not derived from a source's rules. The lists of gold tables and aggregates come from
 * their {@code models.yaml} ({@link Models}); the constants below name the tables that code reads or writes itself.
 */
public final class Tables {
    private Tables() {}

    public static final Table LEDGER = new Table(Layer.OPS, "ledger_deliveries");
    public static final Table RUNS = new Table(Layer.OPS, "ledger_runs");
    public static final Table QUARANTINE = new Table(Layer.QUALITY, "quarantine");
    public static final Table WARNINGS = new Table(Layer.QUALITY, "warnings");
    /**
     * The outcome of every check of models.yaml, per run (etl.model.ModelChecks): a log of runs, like the ledger (a
     * re-run or a recovered night adds its own rows; the data tables come out the same).
     */
    public static final Table MODEL_CHECKS = new Table(Layer.OPS, "model_checks");

    public static final Table DIM_TERRITORY = Table.gold("dim_territory");
    public static final Table DIM_AMBITO = Table.gold("dim_ambito");
    public static final Table DIM_UNIT = Table.gold("dim_unit");
    public static final Table DIM_PERSON = Table.gold("dim_person");
    public static final Table DIM_DATE = Table.gold("dim_date");
    public static final Table DIM_SEMESTER = Table.gold("dim_semester");
    public static final Table DIM_CODE = Table.gold("dim_code");
    public static final Table FACT_CASE = Table.gold("fact_case");
    public static final Table FACT_ASSESSMENT = Table.gold("fact_assessment");
    public static final Table FACT_ASSESSMENT_ROLE = Table.gold("fact_assessment_role");
    public static final Table FACT_PROJECT = Table.gold("fact_project");
    public static final Table FACT_PROJECT_SERVICE = Table.gold("fact_project_service");
    public static final Table FACT_DISCHARGE = Table.gold("fact_discharge");
    public static final Table FACT_ACTIVITY = Table.gold("fact_activity");
    public static final Table FACT_SERVICE_DELIVERY = Table.gold("fact_service_delivery");
    public static final Table FACT_SERVICE_MONTH = Table.gold("fact_service_month");
    public static final Table FACT_UNIT_SNAPSHOT = Table.gold("fact_unit_snapshot");
    public static final Table FACT_MILESTONE = Table.gold("fact_milestone");

    public static final Table INDICATOR_VALUES = Table.gold("indicator_values");
    /** What the checks of conf/anomalies.yaml found out of line with its history (etl.anomalies.Anomalies). */
    public static final Table ANOMALIES = Table.gold("anomalies");
    public static final Table AGG_CASI = Table.gold("agg_casi");
    public static final Table AGG_VALUTAZIONI = Table.gold("agg_valutazioni");
    public static final Table AGG_PROGETTI = Table.gold("agg_progetti");
    public static final Table AGG_ATTIVITA = Table.gold("agg_attivita");
    public static final Table AGG_DIMISSIONI = Table.gold("agg_dimissioni");
    public static final Table AGG_PRESTAZIONI = Table.gold("agg_prestazioni");
    public static final Table AGG_SPESA = Table.gold("agg_spesa");
    public static final Table AGG_UNITA = Table.gold("agg_unita");
    public static final Table AGG_QUALITA = Table.gold("agg_qualita");
    public static final Table AGG_CONSEGNE = Table.gold("agg_consegne");

    /** The star schema: the gold tables built from SQL, as {@code model/gold/models.yaml} lists them. */
    public static List<Table> star() {
        return Models.gold().sqlTableNames().stream().map(Table::gold).toList();
    }

    /** The semiannual aggregates, as {@code model/aggregates/models.yaml} lists them. */
    public static List<Table> aggregates() {
        return Models.aggregates().sqlTableNames().stream().map(Table::gold).toList();
    }
}
