package it.cabina.reports.data;

/** A territory at one level, with its name and the ASST and ATS above it (null where not applicable). */
public record TerritoryInfo(String level, String code, String name, String asst, String ats) {

    public String levelLabel() {
        return switch (level) {
            case "AMBITO" -> "Ambito territoriale";
            case "ASST" -> "ASST";
            case "ATS" -> "ATS";
            default -> "Regione";
        };
    }

    /** Whether this territory lies within {@code other} (or is it). */
    public boolean within(TerritoryInfo other) {
        return switch (other.level()) {
            case "REGIONE" -> true;
            case "ATS" -> other.code().equals(ats);
            case "ASST" -> !level.equals("ATS") && other.code().equals(asst);
            default -> other.code().equals(code) && level.equals("AMBITO");
        };
    }
}
