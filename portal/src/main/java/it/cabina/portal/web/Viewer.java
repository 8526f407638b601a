package it.cabina.portal.web;

import it.cabina.portal.Level;
import it.cabina.portal.Scope;
import it.cabina.portal.Sessions;
import it.cabina.portal.TerritoryAccess;
import it.cabina.portal.User;
import it.cabina.warehouse.published.ReportEntry;

import java.util.stream.Collectors;

/** The logged-in user of a request, with their session, and what they may see. */
record Viewer(User user, Sessions.Session session, TerritoryAccess access) {

    boolean sees(Level level, String code) {
        if (level == null || code == null) return false;
        return user.admin() || access.covers(user.scopes(), level, code);
    }

    boolean sees(ReportEntry entry) {
        return sees(Level.parse(entry.level()), entry.territory());
    }

    /** A missing delivery is shown when its Ambito is visible; one without an Ambito (AFAM) only to the whole region. */
    boolean seesAmbito(String ambito) {
        if (ambito != null && !ambito.isBlank()) return sees(Level.AMBITO, ambito);
        return user.admin() || user.scopes().stream().anyMatch(s -> s.level() == Level.REGIONE);
    }

    Views.PageContext page(String title) {
        String scopes = user.admin() ? "amministratore: tutti i territori"
                : user.scopes().stream().map(this::scopeName).collect(Collectors.joining(", "));
        return new Views.PageContext(title, user.username(), scopes, session.csrfToken());
    }

    private String scopeName(Scope s) {
        return access.name(s.level(), s.code());
    }
}
