package it.cabina.portal;

import it.cabina.warehouse.config.CabinaConfig;
import it.cabina.warehouse.reference.Territory;

import java.util.Collection;

/**
 * Whether a scope covers a territory, following the hierarchy Ambito → ASST → ATS → Regione: a scope covers its own
 * territory and every territory below it. The Region covers everything, even territories missing from the reference
 * (such as Ambiti known only by their AFAM name); an ATS or ASST scope covers only territories the reference places under it.
 */
public final class TerritoryAccess {
    private final Territory territory;

    public TerritoryAccess(Territory territory) {
        this.territory = territory;
    }

    /** The hierarchy of conf/territory. */
    public static TerritoryAccess of(CabinaConfig config) {
        return new TerritoryAccess(Territory.load(config.comuniFile(), config.atsAsstFile(), config.ambitiFile(), config.regionCode()));
    }

    public boolean covers(Collection<Scope> scopes, Level level, String code) {
        return scopes.stream().anyMatch(s -> covers(s, level, code));
    }

    public boolean covers(Scope scope, Level level, String code) {
        if (level == null || code == null || !exists(scope.level(), scope.code())) return false;
        if (scope.level() == Level.REGIONE) return true;
        if (!exists(level, code)) return false;
        if (scope.level() == level) return scope.code().equals(code);
        return switch (scope.level()) {
            case REGIONE -> true; // handled above
            case ATS -> switch (level) {
                case ASST -> scope.code().equals(territory.authority(code).codicePadre());
                case AMBITO -> scope.code().equals(territory.ambito(code).codiceAts());
                default -> false;
            };
            case ASST -> level == Level.AMBITO && scope.code().equals(territory.ambito(code).codiceAsst());
            case AMBITO -> false;
        };
    }

    /** Whether the territory is in the reference (used to check scopes given to users). */
    public boolean exists(Level level, String code) {
        return switch (level) {
            case REGIONE -> territory.regionCode().equals(code);
            case ATS, ASST -> territory.authority(code) != null && territory.authority(code).livello().equals(level.name());
            case AMBITO -> territory.ambito(code) != null;
        };
    }

    /** The name of a territory in the reference, or the code itself. */
    public String name(Level level, String code) {
        if (!exists(level, code)) return code;
        return switch (level) {
            case REGIONE -> "Regione Lombardia";
            case ATS, ASST -> territory.authority(code).denominazione();
            case AMBITO -> "Ambito " + territory.ambito(code).denominazione();
        };
    }
}
