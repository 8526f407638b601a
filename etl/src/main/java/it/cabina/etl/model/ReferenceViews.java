package it.cabina.etl.model;

import it.cabina.etl.context.CabinaContext;
import it.cabina.warehouse.reference.CodeList;
import it.cabina.warehouse.reference.Territory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/** The territory reference and the code lists as temporary views for the gold models. */
public final class ReferenceViews {
    /** The views {@link #register} makes. */
    public static final List<String> NAMES = List.of("ref_comune", "ref_ambito", "ref_ambito_comune", "ref_authority", "ref_code");

    private ReferenceViews() {}

    public static void register(CabinaContext ctx) {
        SparkSession spark = ctx.spark();
        Territory t = ctx.territory();
        List<Row> comuni = new ArrayList<>();
        for (Territory.Comune c : t.comuni()) comuni.add(RowFactory.create(c.codiceIstat(), c.denominazione(), c.siglaProvincia()));
        spark.createDataFrame(comuni, strings("codice_istat", "denominazione", "sigla_provincia")).createOrReplaceTempView("ref_comune");

        List<Row> ambiti = new ArrayList<>();
        List<Row> membership = new ArrayList<>();
        for (Territory.Ambito a : t.ambiti()) {
            ambiti.add(RowFactory.create(a.codice(), a.denominazione(), a.codiceAsst(), a.codiceAts()));
            for (String c : a.comuni()) membership.add(RowFactory.create(a.codice(), c));
        }
        spark.createDataFrame(ambiti, strings("codice_ambito", "denominazione", "codice_asst", "codice_ats")).createOrReplaceTempView("ref_ambito");
        spark.createDataFrame(membership, strings("codice_ambito", "codice_istat")).createOrReplaceTempView("ref_ambito_comune");

        List<Row> auth = new ArrayList<>();
        for (String livello : List.of("ATS", "ASST")) {
            for (Territory.HealthAuthority a : t.authorities(livello)) {
                auth.add(RowFactory.create(a.livello(), a.codice(), a.denominazione(), a.codicePadre()));
            }
        }
        spark.createDataFrame(auth, strings("livello", "codice", "denominazione", "codice_padre")).createOrReplaceTempView("ref_authority");

        List<Row> codes = new ArrayList<>();
        for (CodeList l : ctx.codeLists().all()) {
            for (CodeList.Code c : l.codes()) codes.add(RowFactory.create(l.name(), c.code(), c.descrizione(), c.attribute("target")));
        }
        spark.createDataFrame(codes, strings("lista", "codice", "descrizione", "utenza")).createOrReplaceTempView("ref_code");
    }

    static StructType strings(String... names) {
        StructType s = new StructType();
        for (String n : names) s = s.add(n, DataTypes.StringType);
        return s;
    }
}
