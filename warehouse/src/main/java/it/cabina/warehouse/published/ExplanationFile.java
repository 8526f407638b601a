package it.cabina.warehouse.published;

import java.util.List;

/**
 * {@code data/spiegazioni/<year>/AMBITO/<code>.csv}: the records behind every numerator and denominator of an Ambito's
 * cruscotto for a year (the explanation of its figures), one CSV line per record and part, as {@code cabina explain}
 * prints it. The portal serves the lines of one indicator and part to the users whose scope covers the Ambito.
 */
public final class ExplanationFile {
    /** The header, exactly: a contract with whoever reads the files. */
    public static final String HEADER = "indicator,year,level,territory,part,unit,contribution,sender,record_type,record_id,delivery,file,line";
    public static final List<String> COLUMNS = List.of(HEADER.split(","));
    /** The parts a line belongs to. */
    public static final String NUMERATOR = "numerator", DENOMINATOR = "denominator";
    /** Only Ambiti have explanations: above the Ambito no record is listed. */
    public static final String LEVEL = "AMBITO";

    private ExplanationFile() {}

    /** Where the explanation of an Ambito and year is, relative to the reports folder. */
    public static String path(int year, String ambito) {
        return "data/spiegazioni/" + year + "/" + LEVEL + "/" + ambito + ".csv";
    }
}
