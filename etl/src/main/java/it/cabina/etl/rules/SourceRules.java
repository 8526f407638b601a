package it.cabina.etl.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import it.cabina.warehouse.config.ConfigException;
import it.cabina.warehouse.reference.CodeLists;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The declarative row rules of one source ({@code conf/rules/<source>.yaml}). */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SourceRules(
        String source,
        @JsonProperty("spec_versions") List<String> specVersions,
        String mode,
        @JsonProperty("period_required") String periodRequired,
        Format format,
        Versioning versioned,
        List<FileRules> files) implements Serializable {

    public record Format(String encoding, String separator, String quote,
                         @JsonProperty("date_pattern") String datePattern,
                         @JsonProperty("decimal_separator") String decimalSeparator) implements Serializable {}

    public record Versioning(String timestamp, String status, String withdrawn) implements Serializable {}

    /**
     * @param record what one row is, in the senders' words ({@code persona}, {@code presa_in_carico}, …): the record
     *               type named when a figure is explained and when a withdrawal reaches the records below it
     */
    public record FileRules(String name, String table, String record, List<String> key, boolean required, String since,
                            boolean history, List<FieldRule> fields) implements Serializable {
        public FieldRule field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
        }

        /** The fields a delivery of this spec_version carries (a field {@code since} a later version is unknown in it). */
        public List<FieldRule> fieldsOf(String specVersion) {
            return fields.stream().filter(f -> SpecVersion.atLeast(specVersion, f.since())).toList();
        }
    }

    public record ReferencedDate(String table, String via, String field) implements Serializable {}

    public record Condition(String field, String equals) implements Serializable {}

    /** A field of another source's bronze table where a value should be found ({@code warn_unknown}). */
    public record KnownIn(String source, String table, String field) implements Serializable {}

    public record FieldRule(
            String name,
            FieldType type,
            boolean required,
            String codelist,
            String output,
            @JsonProperty("not_future") boolean notFuture,
            @JsonProperty("max_age") Integer maxAge,
            @JsonProperty("birth_year") boolean birthYear,
            @JsonProperty("equals_sender") boolean equalsSender,
            @JsonProperty("not_before") String notBefore,
            @JsonProperty("not_before_referenced") ReferencedDate notBeforeReferenced,
            @JsonProperty("required_if_present") String requiredIfPresent,
            @JsonProperty("required_when") Condition requiredWhen,
            String references,
            Double min,
            Double max,
            @JsonProperty("greater_than") Double greaterThan,
            String period,
            @JsonProperty("allowed_if") Condition allowedIf,
            @JsonProperty("not_above") String notAbove,
            @JsonProperty("warn_unknown") KnownIn warnUnknown,
            @JsonProperty("outside_reference") String outsideReference,
            String declares,
            @JsonProperty("cascade_from") String cascadeFrom,
            @JsonProperty("pseudonymise_personal_tax_code") boolean pseudonymisePersonalTaxCode,
            String since) implements Serializable {

        /** The column name in the warehouse. */
        public String column() {
            return output != null ? output : name;
        }

        /** A comune outside the territory reference is loaded with a warning instead of being set aside. */
        public boolean warnsOutsideReference() {
            return OUTSIDE_REFERENCE_WARNING.equals(outsideReference);
        }
    }

    /** {@code outside_reference: warning}: a well-formed comune that the reference does not list is a warning. */
    public static final String OUTSIDE_REFERENCE_WARNING = "warning";
    /** {@code declares}: the field names the territory a row declares for itself (AFAM: Ambito name, ASST code). */
    public static final List<String> DECLARED_TERRITORIES = List.of("ambito", "asst");

    public enum FieldType {
        TEXT, TAX_CODE, DATE, TIMESTAMP, INTEGER, FLAG, CODE, CODE_LIST, COMUNE,
        /** An amount of money: decimal(18,2), euro and cents ({@link BronzeSchema#MONEY}). */
        MONEY,
        /** A quantity (hours, accesses, meals, days): decimal(18,4) ({@link BronzeSchema#QUANTITY}). */
        QUANTITY;

        @com.fasterxml.jackson.annotation.JsonCreator
        public static FieldType of(String s) {
            if (s.equalsIgnoreCase("decimal")) {
                throw new IllegalArgumentException("type decimal is gone: say money (decimal(18,2)) or quantity (decimal(18,4))");
            }
            return valueOf(s.toUpperCase(Locale.ROOT));
        }

        /** A number with a fixed number of decimals: its value must fit the column's type exactly (else PRECISION). */
        public boolean decimal() {
            return this == MONEY || this == QUANTITY;
        }
    }

    public FileRules file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }

    /** The field of a file that declares this territory ("ambito", "asst"), or null. */
    public static FieldRule declaring(FileRules file, String territory) {
        return file.fields().stream().filter(f -> territory.equals(f.declares())).findFirst().orElse(null);
    }

    public FileRules fileForTable(String table) {
        return files.stream().filter(f -> f.table().equals(table)).findFirst().orElse(null);
    }

    public static SourceRules load(Path file, CodeLists codeLists) {
        SourceRules rules;
        try {
            rules = new ObjectMapper(new YAMLFactory())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(file.toFile(), SourceRules.class);
        } catch (IOException e) {
            throw new ConfigException("rules " + file + ": " + e.getMessage());
        }
        rules.validate(file, codeLists);
        return rules;
    }

    private void validate(Path file, CodeLists codeLists) {
        if (source == null || files == null || files.isEmpty() || format == null || specVersions == null || specVersions.isEmpty()) {
            throw new ConfigException(file + ": 'source', 'spec_versions', 'format' and 'files' are required");
        }
        for (FileRules f : files) {
            if (f.record() == null) throw new ConfigException(file + ": " + f.name() + ": 'record' (what one row is) is required");
            for (FieldRule r : f.fields()) {
                String where = file + ": " + f.name() + "." + r.name() + ": ";
                if (r.type() == null) throw new ConfigException(where + "no type");
                if ((r.type() == FieldType.CODE || r.type() == FieldType.CODE_LIST)) {
                    if (r.codelist() == null) throw new ConfigException(where + "a code field needs 'codelist'");
                    if (!codeLists.has(r.codelist())) throw new ConfigException(where + "unknown code list '" + r.codelist() + "'");
                }
                for (String other : new String[]{r.notBefore(), r.requiredIfPresent(), r.notAbove(),
                        r.allowedIf() == null ? null : r.allowedIf().field(), r.requiredWhen() == null ? null : r.requiredWhen().field()}) {
                    if (other != null && f.field(other) == null) throw new ConfigException(where + "names unknown field '" + other + "'");
                }
                if (r.references() != null && fileForTable(r.references()) == null) {
                    throw new ConfigException(where + "references unknown table '" + r.references() + "'");
                }
                if (r.period() != null && !List.of("year", "semester", "month").contains(r.period())) {
                    throw new ConfigException(where + "period must be year, semester or month");
                }
                if (r.outsideReference() != null && (r.type() != FieldType.COMUNE || !r.warnsOutsideReference())) {
                    throw new ConfigException(where + "outside_reference applies to comune fields and can only be '" + OUTSIDE_REFERENCE_WARNING + "'");
                }
                if (r.declares() != null && !DECLARED_TERRITORIES.contains(r.declares())) {
                    throw new ConfigException(where + "declares must be one of " + DECLARED_TERRITORIES);
                }
                for (String since : new String[]{r.since(), f.since()}) {
                    if (since != null && !specVersions.contains(since)) throw new ConfigException(where + "since '" + since + "' is not one of " + specVersions);
                }
                if (r.cascadeFrom() != null && (versioned == null || fileForTable(r.cascadeFrom()) == null)) {
                    throw new ConfigException(where + "cascade_from names unknown table '" + r.cascadeFrom() + "' (or the source has no versions)");
                }
            }
        }
    }
}
