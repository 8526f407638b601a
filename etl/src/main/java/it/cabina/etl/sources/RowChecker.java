package it.cabina.etl.sources;

import it.cabina.etl.pseudonym.Pseudonymizer;
import it.cabina.etl.quality.Issues;
import it.cabina.etl.rules.SourceRules.FieldRule;
import it.cabina.etl.rules.SourceRules.FieldType;
import it.cabina.etl.rules.BronzeSchema;
import it.cabina.etl.rules.Lineage;
import it.cabina.etl.rules.SourceRules;
import it.cabina.etl.rules.SpecVersion;
import it.cabina.warehouse.reference.CodeList;
import it.cabina.warehouse.identity.TaxCode;
import it.cabina.warehouse.quality.RuleCode;
import it.cabina.warehouse.reference.CodeLists;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import static org.apache.spark.sql.functions.*;

/**
 * Compiles the row rules of one file into column expressions: the typed value of every field and the first
 * rule the row breaks ({@link #VIOLATION}: field, rule, masked value), checked field by field in declared order.
 * Tax codes become pseudonyms here, in the same stage that parses the line, before anything is written or shuffled.
 */
public final class RowChecker {
    public static final String VIOLATION = Issues.VIOLATION;
    public static final String WARNINGS = Issues.WARNINGS;
    private static final String SENDER = Lineage.SENDER;
    private static final String EXTRACTED_AT = Lineage.EXTRACTED_AT;
    private static final String PERIOD_FROM = Lineage.PERIOD_FROM;
    private static final String PERIOD_TO = Lineage.PERIOD_TO;

    private static final String SIX_DIGITS = "^\\d{6}$";
    private static final String YEAR_IN_TEXT = "((?:18|19|20)\\d\\d)";

    /** Any personal tax code inside a value shown in the quarantine is replaced by this. */
    public static final String MASK = "[codice fiscale oscurato]";
    /** Prefix of a pseudonym that replaced a personal tax code found in a text field (e.g. a sole trader's). */
    public static final String PERSONAL_PREFIX = "PSEUDONIMO:";
    private static final String TAX_CODE_ANYWHERE =
            "(?i)[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]";

    private final SourceRules rules;
    private final SourceRules.FileRules file;
    private final CodeLists codeLists;
    private final Set<String> comuni;
    private final UserDefinedFunction taxCodeProblem;
    private final UserDefinedFunction pseudonym;
    private final String specVersion;

    /** @param specVersion the spec_version of the deliveries whose lines are checked: a later field is unknown in them */
    public RowChecker(SourceRules rules, SourceRules.FileRules file, CodeLists codeLists, Set<String> comuni,
                      Pseudonymizer pseudonymizer, String specVersion) {
        this.rules = rules;
        this.file = file;
        this.specVersion = specVersion;
        this.codeLists = codeLists;
        this.comuni = comuni;
        this.taxCodeProblem = udf((UDF1<String, String>) s -> {
            TaxCode.Problem p = TaxCode.problem(s);
            return p == null ? null : p.name();
        }, DataTypes.StringType);
        this.pseudonym = udf((UDF1<String, String>) pseudonymizer::pseudonym, DataTypes.StringType);
    }

    /** The output columns in order (lineage first), as produced by {@link #check}. */
    public List<String> outputColumns() {
        List<String> cols = new ArrayList<>();
        for (FieldRule f : file.fields()) {
            if (f.birthYear()) {
                cols.add("anno_nascita");
                cols.add("eta_alla_estrazione");
            } else {
                cols.add(f.column());
            }
        }
        return cols;
    }

    /**
     * @param lines rows of {@link TextLines} joined with the delivery context (the {@link Lineage} columns and the
     *              manifest period); all other columns are carried through
     * @param header the file's header columns, in order
     */
    public Dataset<Row> check(Dataset<Row> lines, List<String> header) {
        List<FieldRule> fields = file.fields();
        // Named steps, each a projection of its own: a value computed in one step is a column for the next, so it
        // is computed once per row (a rule inside a CASE would otherwise re-evaluate every expression it names).
        Map<String, Column> raw = new LinkedHashMap<>();
        Map<String, Column> taxCodeProblems = new LinkedHashMap<>();
        Map<String, Column> typed = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            raw.put(fields.get(i).name(), col("_raw" + i));
            taxCodeProblems.put(fields.get(i).name(), col("_cf" + i));
            typed.put(fields.get(i).name(), col("_typed" + i));
        }

        // each step adds its columns in one projection (withColumns): a withColumn per field would stack a projection
        // per field, and Spark would analyse and collapse that tall plan for every file type of every night
        Map<String, Column> rawColumns = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            // a field of a later spec_version is unknown in this delivery, even when its header has it (an extra column)
            int idx = inVersion(fields.get(i)) ? header.indexOf(fields.get(i).name()) : -1;
            rawColumns.put("_raw" + i, idx < 0 ? lit(null).cast("string") : col(TextLines.field(idx)));
        }
        // the line as read (which may hold a tax code) goes no further
        Dataset<Row> rawValues = lines.withColumns(rawColumns)
                .drop(java.util.stream.IntStream.range(0, header.size()).mapToObj(TextLines::field).toArray(String[]::new));

        Map<String, Column> taxCodeColumns = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (parsesTaxCode(fields.get(i))) taxCodeColumns.put("_cf" + i, taxCodeProblem.apply(raw.get(fields.get(i).name())));
        }
        Dataset<Row> checkedTaxCodes = taxCodeColumns.isEmpty() ? rawValues : rawValues.withColumns(taxCodeColumns);

        Map<String, Column> typedColumns = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldRule f = fields.get(i);
            typedColumns.put("_typed" + i, typedValue(f, raw.get(f.name()), taxCodeProblems.get(f.name())));
        }
        Dataset<Row> typedValues = checkedTaxCodes.withColumns(typedColumns);

        // Which rule a row breaks first, as the number of the rule: a (field, rule, value) struct per rule would make
        // code too large for Spark to compile into one method, and it would then interpret every row.
        List<Broken> rulesInOrder = new ArrayList<>();
        List<Column> firstBroken = new ArrayList<>();
        BiConsumer<Column, Broken> rule = (cond, b) -> {
            firstBroken.add(when(cond, lit(rulesInOrder.size())));
            rulesInOrder.add(b);
        };
        rule.accept(col(TextLines.COUNT).notEqual(lit(header.size())), new Broken(-1, RuleCode.COLUMNS));
        for (int i = 0; i < fields.size(); i++) {
            if (inVersion(fields.get(i))) fieldRules(i, fields.get(i), raw, typed, taxCodeProblems, rule);
        }
        List<Column> warnings = new ArrayList<>();
        for (FieldRule f : fields) {
            if (f.type() == FieldType.COMUNE && f.warnsOutsideReference()) {
                Column r = raw.get(f.name());
                warnings.add(when(r.rlike(SIX_DIGITS).and(not(r.isin(comuni.toArray()))), Issues.issue(lit(f.name()), RuleCode.FUORI_REGIONE.name(), r)));
            }
        }
        Dataset<Row> out = typedValues
                .withColumn("_broken", coalesce(firstBroken.toArray(Column[]::new)))
                .withColumn(VIOLATION, violationOf(col("_broken"), rulesInOrder, fields, raw,
                        concat(col(TextLines.COUNT).cast("string"), lit(" campi, attesi " + header.size()))))
                .withColumn(WARNINGS, warnings.isEmpty() ? Issues.noWarnings() : Issues.nonNull(array(warnings.toArray(Column[]::new))));

        Column extractedDate = to_date(col(EXTRACTED_AT));
        Map<String, Column> outputColumns = new LinkedHashMap<>();
        for (FieldRule f : fields) {
            if (f.birthYear()) {
                outputColumns.put("anno_nascita", year(typed.get(f.name())));
                outputColumns.put("eta_alla_estrazione", floor(months_between(extractedDate, typed.get(f.name())).divide(12)).cast("int"));
            } else {
                outputColumns.put(f.column(), typed.get(f.name()));
            }
        }
        out = out.withColumns(outputColumns);
        List<String> steps = new ArrayList<>(List.of(TextLines.COUNT, "_broken"));
        for (int i = 0; i < fields.size(); i++) steps.addAll(List.of("_raw" + i, "_cf" + i, "_typed" + i));
        return out.drop(steps.toArray(String[]::new));
    }

    private static boolean parsesTaxCode(FieldRule f) {
        return f.type() == FieldType.TAX_CODE || (f.type() == FieldType.TEXT && f.pseudonymisePersonalTaxCode());
    }

    private Column typedValue(FieldRule f, Column raw, Column taxCodeProblem) {
        SourceRules.Format fmt = rules.format();
        return switch (f.type()) {
            case TEXT -> f.pseudonymisePersonalTaxCode()
                    ? when(raw.isNotNull().and(taxCodeProblem.isNull()), concat(lit(PERSONAL_PREFIX), pseudonym.apply(raw))).otherwise(raw)
                    : raw;
            case CODE, COMUNE -> raw;
            case TAX_CODE -> when(raw.isNotNull().and(taxCodeProblem.isNull()), pseudonym.apply(raw));
            case DATE -> when(raw.rlike(datePatternRegex(fmt.datePattern())), to_date(raw, fmt.datePattern()));
            case TIMESTAMP -> when(raw.rlike("^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:?\\d{2})?$"),
                    to_timestamp(raw));
            case INTEGER -> when(raw.rlike("^[+-]?\\d{1,9}$"), raw.cast("int"));
            case MONEY, QUANTITY -> {
                DecimalType type = BronzeSchema.decimal(f.type());
                yield when(raw.rlike(fitting(type, fmt.decimalSeparator())),
                        replace(raw, lit(fmt.decimalSeparator()), lit(".")).cast(type));
            }
            case FLAG -> when(raw.equalTo("S"), lit(true)).when(raw.equalTo("N"), lit(false));
            case CODE_LIST -> when(raw.isNotNull(),
                    filter(transform(split(raw, "\\|"), x -> trim(x)), x -> x.notEqual(lit(""))));
        };
    }

    /** A rule of a field (or of the whole line, field -1). */
    private record Broken(int field, RuleCode rule) {}

    /** The violation struct of the rule numbered {@code broken} in {@code rulesInOrder}, with the value as shown. */
    private static Column violationOf(Column broken, List<Broken> rulesInOrder, List<FieldRule> fields,
                                      Map<String, Column> raw, Column lineValue) {
        Column fieldName = element_at(array(rulesInOrder.stream()
                .map(b -> lit(b.field() < 0 ? "*" : fields.get(b.field()).name())).toArray(Column[]::new)), broken.plus(1));
        Column ruleName = element_at(array(rulesInOrder.stream().map(b -> lit(b.rule().name())).toArray(Column[]::new)), broken.plus(1));
        Column fieldIndex = element_at(array(rulesInOrder.stream().map(b -> lit(b.field())).toArray(Column[]::new)), broken.plus(1));
        Column value = when(fieldIndex.equalTo(-1), lineValue);
        for (int i = 0; i < fields.size(); i++) value = value.when(fieldIndex.equalTo(i), shown(fields.get(i), raw.get(fields.get(i).name())));
        return when(broken.isNotNull(), struct(fieldName.as("field"), ruleName.as("rule"), value.cast("string").as("value")));
    }

    /**
     * A value as the quarantine shows it (extracts.md §3): a tax code never in clear, a birth date only as its year
     * (or a mask when no year can be read in it), and any tax code inside another value masked.
     */
    private static Column shown(FieldRule f, Column r) {
        if (f.type() == FieldType.TAX_CODE) return concat(lit("[codice fiscale oscurato, "), length(r).cast("string"), lit(" caratteri]"));
        if (f.birthYear()) {
            Column year = regexp_extract(r, YEAR_IN_TEXT, 1);
            return when(year.notEqual(lit("")), concat(lit("anno "), year)).otherwise(lit("[data di nascita oscurata]"));
        }
        return regexp_replace(r, TAX_CODE_ANYWHERE, MASK);
    }




    private void fieldRules(int index, FieldRule f, Map<String, Column> raw, Map<String, Column> typed,
                            Map<String, Column> taxCodeProblems, BiConsumer<Column, Broken> rule) {
        Column r = raw.get(f.name());
        Column t = typed.get(f.name());
        Column present = r.isNotNull();
        BiConsumer<Column, RuleCode> add = (cond, code) -> rule.accept(cond, new Broken(index, code));

        Column empty = f.type() == FieldType.CODE_LIST ? not(present).or(size(t).equalTo(0)) : not(present);
        if (f.required()) add.accept(empty, RuleCode.REQUIRED);
        switch (f.type()) {
            case TAX_CODE -> add.accept(present.and(taxCodeProblems.get(f.name()).isNotNull()), RuleCode.TAX_CODE);
            case DATE, TIMESTAMP, INTEGER, FLAG -> add.accept(present.and(t.isNull()), RuleCode.FORMAT);
            case MONEY, QUANTITY -> {
                Column number = r.rlike(number(rules.format().decimalSeparator()));
                add.accept(present.and(not(number)), RuleCode.FORMAT);
                add.accept(present.and(number).and(t.isNull()), RuleCode.PRECISION);
            }
            case CODE -> add.accept(present.and(not(r.isin(codes(f)))), RuleCode.CODE);
            case CODE_LIST -> add.accept(present.and(size(array_except(t, array(codeLiterals(f)))).gt(0)), RuleCode.CODE);
            case COMUNE -> {
                if (f.warnsOutsideReference()) add.accept(present.and(not(r.rlike(SIX_DIGITS))), RuleCode.FORMAT);
                else add.accept(present.and(not(r.isin(comuni.toArray()))), RuleCode.UNKNOWN_COMUNE);
            }
            default -> { }
        }
        Column extractedDate = to_date(col(EXTRACTED_AT));
        if (f.notFuture()) add.accept(t.gt(extractedDate), RuleCode.FUTURE_DATE);
        if (f.maxAge() != null) add.accept(t.lt(add_months(extractedDate, -12 * f.maxAge())), RuleCode.AGE_RANGE);
        if (f.equalsSender()) add.accept(present.and(r.notEqual(col(SENDER))), RuleCode.SENDER_MISMATCH);
        if (f.min() != null) add.accept(t.lt(lit(f.min())), RuleCode.RANGE);
        if (f.max() != null) add.accept(t.gt(lit(f.max())), RuleCode.RANGE);
        if (f.greaterThan() != null) add.accept(t.leq(lit(f.greaterThan())), RuleCode.RANGE);
        if (f.period() != null) {
            Column from = col(PERIOD_FROM), to = col(PERIOD_TO);
            Column outside = switch (f.period()) {
                case "year" -> t.notEqual(year(from));
                case "semester" -> t.notEqual(when(month(from).leq(6), lit(1)).otherwise(lit(2)));
                default -> t.lt(month(from)).or(t.gt(month(to)));
            };
            add.accept(from.isNotNull().and(outside), RuleCode.PERIOD);
        }
        if (f.notBefore() != null) add.accept(t.lt(typed.get(f.notBefore())), RuleCode.DATE_ORDER);
        if (f.requiredIfPresent() != null) add.accept(not(present).and(raw.get(f.requiredIfPresent()).isNotNull()), RuleCode.REQUIRED_IF);
        if (f.requiredWhen() != null) {
            add.accept(not(present).and(raw.get(f.requiredWhen().field()).equalTo(lit(f.requiredWhen().equals()))), RuleCode.REQUIRED_IF);
        }
        if (f.allowedIf() != null) {
            Column other = raw.get(f.allowedIf().field());
            add.accept(present.and(other.isNull().or(other.notEqual(lit(f.allowedIf().equals())))), RuleCode.NOT_ALLOWED);
        }
        if (f.notAbove() != null) add.accept(t.gt(typed.get(f.notAbove())), RuleCode.EXCEEDS_FIELD);
    }



    private boolean inVersion(FieldRule f) {
        return SpecVersion.atLeast(specVersion, f.since());
    }

    /** The codes a delivery of this spec_version may send (a code {@code since} a later version breaks the code rule). */
    private List<String> allowedCodes(FieldRule f) {
        return codeLists.get(f.codelist()).codes().stream().filter(c -> SpecVersion.atLeast(specVersion, c.attribute("since")))
                .map(CodeList.Code::code).toList();
    }

    private Object[] codes(FieldRule f) {
        return allowedCodes(f).toArray();
    }

    private Column[] codeLiterals(FieldRule f) {
        return allowedCodes(f).stream().map(functions_lit()).toArray(Column[]::new);
    }

    private static java.util.function.Function<String, Column> functions_lit() {
        return org.apache.spark.sql.functions::lit;
    }

    /** A number in the source's format: digits, optionally the decimal separator and more digits (no thousands separator). */
    static String number(String separator) {
        return "^[+-]?\\d+(" + Pattern.quote(separator) + "\\d+)?$";
    }

    /**
     * A number whose value the decimal type holds exactly: at most precision − scale significant integer digits and
     * scale decimals, zeros before or after not counting ({@code 0012,500} fits decimal(18,2), {@code 12,345} does
     * not). A value that does not fit is set aside (PRECISION), never rounded or truncated.
     */
    static String fitting(DecimalType type, String separator) {
        return "^[+-]?0*\\d{1," + (type.precision() - type.scale()) + "}(" + Pattern.quote(separator) + "\\d{1," + type.scale() + "}0*)?$";
    }

    /** yyyy-MM-dd → ^\d{4}-\d{2}-\d{2}$ : the shape is checked before parsing, so 2025-1-5 is a FORMAT error. */
    static String datePatternRegex(String pattern) {
        StringBuilder sb = new StringBuilder("^");
        for (char c : pattern.toCharArray()) {
            if (Character.isLetter(c)) sb.append("\\d");
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return sb.append("$").toString();
    }
}
