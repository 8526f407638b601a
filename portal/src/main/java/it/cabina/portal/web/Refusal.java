package it.cabina.portal.web;

/** A request the portal refuses, with the status and the Italian message of the error page. */
public final class Refusal extends RuntimeException {
    private final int status;
    private final String title;

    public Refusal(int status, String title, String message) {
        super(message, null, false, false);
        this.status = status;
        this.title = title;
    }

    public int status() { return status; }

    public String title() { return title; }

    static Refusal notFound() {
        return new Refusal(404, "Pagina non trovata", "La pagina o il report richiesto non esiste.");
    }

    static Refusal forbidden() {
        return new Refusal(403, "Accesso non consentito", "Questo report riguarda un territorio che il tuo profilo non comprende.");
    }

    static Refusal badPath() {
        return new Refusal(400, "Indirizzo non valido", "L'indirizzo richiesto non è valido.");
    }
}
