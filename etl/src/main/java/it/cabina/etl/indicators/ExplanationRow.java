package it.cabina.etl.indicators;

import it.cabina.warehouse.published.ExplanationFile;

import static it.cabina.warehouse.files.Csv.cell;

import java.util.List;

/**
 * One line of the explanation of a figure: a record that counts in the numerator or the denominator of an indicator's
 * cell, the unit it belongs to, what it adds, and where its current version was loaded from. Identifiers are the
 * sender's own ({@code id_valutazione}, a delivery's {@code delivery_id}, …): never a tax code or a pseudonym.
 *
 * @param part         {@link #NUMERATOR} or {@link #DENOMINATOR}
 * @param unit         the counted unit within the part, from 1 (a unit with several records has several rows)
 * @param contribution what the row adds to the part: the parts' contributions add up to the stored numerator and denominator
 * @param sender       the Ambito that sent the record
 * @param recordType   what the record is ({@code valutazione}, {@code progetto}, {@code consegna}, a code list for a
 *                     denominator that is the size of a list, {@code ambito} for a constant per Ambito)
 */
public record ExplanationRow(String indicator, int year, String level, String territory, String part, long unit,
                             double contribution, String sender, String recordType, String recordId, String delivery,
                             String file, Long line) {
    public static final String NUMERATOR = ExplanationFile.NUMERATOR;
    public static final String DENOMINATOR = ExplanationFile.DENOMINATOR;
    public static final String CSV_HEADER = ExplanationFile.HEADER;

    /** The line in the CSV layout of {@link #CSV_HEADER}: decimal point, empty cell for a missing value. */
    public String csv() {
        return String.join(",", List.of(cell(indicator), String.valueOf(year), cell(level), cell(territory), part,
                String.valueOf(unit), IndicatorResults.number(contribution), cell(sender), cell(recordType), cell(recordId),
                cell(delivery), cell(file), line == null ? "" : String.valueOf(line)));
    }

    /** "numerator" for the part id {@code <code>/N}, "denominator" for {@code <code>/D}. */
    static String partName(String partId) {
        return partId.endsWith("/D") ? DENOMINATOR : NUMERATOR;
    }
}
