package it.cabina.generator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What a defect needs to know about the sender whose file is being written, and about the delivery.
 *
 * @param otherAmbito   an Ambito code of the reference other than the sender
 * @param freshCopy     a copy of a valid row that nothing refers to (a new id; a new person for persone), so that
 *                      setting it aside cannot make another row fail
 * @param unknownId     an id of the given file that no record of the sender has
 * @param caseOpening   {@code data_apertura} of a case of the sender (null when unknown)
 * @param unknownComuni ISTAT codes the territory reference does not have
 * @param semester      the FLUSSO semester of the delivery (null for CSI)
 * @param laterCodes    for a column, the codes of its code list that a later contract version added (from conf:
 *                      {@code since} in conf/codelists)
 * @param spec          the contract version of the delivery being written (null until {@link #in} names it)
 * @param extractedOn   the day the delivery was extracted (null until {@link #in} names it)
 */
record DefectContext(String otherAmbito, UnaryOperator<Row> freshCopy, Function<Layout, String> unknownId,
                     Function<String, LocalDate> caseOpening, List<String> unknownComuni, Semester semester,
                     Map<String, List<String>> laterCodes, SpecVersion spec, LocalDate extractedOn) {

    /** The same sender, writing a delivery of that version extracted on that day. */
    DefectContext in(SpecVersion version, LocalDate extracted) {
        return new DefectContext(otherAmbito, freshCopy, unknownId, caseOpening, unknownComuni, semester, laterCodes,
                version, extracted);
    }
}
