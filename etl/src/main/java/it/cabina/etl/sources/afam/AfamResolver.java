package it.cabina.etl.sources.afam;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.Territory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * Conforms AFAM rows to the territory: the comune from its name and province, the Ambito from its name
 * (a reference Ambito, or a code registered from the AFAM name). Registered as SQL functions
 * {@code afam_comune(name, prov)}, {@code afam_ambito(name)} and {@code afam_key(text)} for the gold models.
 */
public final class AfamResolver implements Serializable {
    private final ComuneMatcher comuni;
    private final AmbitoMatcher ambiti;

    private AfamResolver(ComuneMatcher comuni, AmbitoMatcher ambiti) {
        this.comuni = comuni;
        this.ambiti = ambiti;
    }

    /** The matchers for this territory, with the alias files beside the territory reference. */
    public static AfamResolver of(CabinaConfig config, Territory territory) {
        Path dir = config.comuniFile().getParent();
        return new AfamResolver(
                ComuneMatcher.of(territory, ComuneMatcher.readAliases(dir.resolve(ComuneMatcher.ALIAS_FILE))),
                AmbitoMatcher.of(territory, AmbitoMatcher.readAliases(dir.resolve(AmbitoMatcher.ALIAS_FILE))));
    }

    public String comune(String name, String prov) {
        return name == null ? null : comuni.match(name, prov);
    }

    public String ambito(String afamName) {
        if (afamName == null || afamName.isBlank()) return null;
        return ambiti.resolve(afamName);
    }

    public void registerFunctions(SparkSession spark) {
        spark.udf().register("afam_comune", (UDF2<String, String, String>) this::comune, DataTypes.StringType);
        spark.udf().register("afam_ambito", (UDF1<String, String>) this::ambito, DataTypes.StringType);
        // unit types compared by a key that ignores case, accents and apostrophes (COMUNITA' = COMUNITA = Comunità)
        spark.udf().register("afam_key", (UDF1<String, String>) s -> s == null ? null : ComuneNames.normalize(s), DataTypes.StringType);
    }
}
