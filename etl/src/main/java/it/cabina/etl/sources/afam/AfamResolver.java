package it.cabina.etl.sources.afam;

import it.cabina.warehouse.reference.Territory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

import java.io.Serializable;

/**
 * Conforms AFAM rows to the territory: the comune from its name and province, the Ambito from its name
 * (a reference Ambito, or a code registered from the AFAM name). Registered as SQL functions
 * {@code afam_comune(name, prov)} and {@code afam_ambito(name)} for the gold models.
 */
public final class AfamResolver implements Serializable {
    private final ComuneMatcher comuni;
    private final AmbitoMatcher ambiti;

    private AfamResolver(ComuneMatcher comuni, AmbitoMatcher ambiti) {
        this.comuni = comuni;
        this.ambiti = ambiti;
    }

    public static AfamResolver of(Territory territory) {
        return new AfamResolver(new ComuneMatcher(territory), new AmbitoMatcher(territory));
    }

    public String comune(String name, String prov) {
        return name == null ? null : comuni.match(name, prov);
    }

    public String ambito(String afamName) {
        if (afamName == null || afamName.isBlank()) return null;
        String code = ambiti.match(afamName);
        return code != null ? code : AmbitoMatcher.registeredCode(afamName);
    }

    public void registerFunctions(SparkSession spark) {
        spark.udf().register("afam_comune", (UDF2<String, String, String>) this::comune, DataTypes.StringType);
        spark.udf().register("afam_ambito", (UDF1<String, String>) this::ambito, DataTypes.StringType);
    }
}
