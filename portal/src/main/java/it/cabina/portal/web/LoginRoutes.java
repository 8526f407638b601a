package it.cabina.portal.web;

import it.cabina.portal.Passwords;
import it.cabina.portal.Sessions;
import it.cabina.portal.Tokens;
import it.cabina.portal.User;
import org.eclipse.jetty.http.HttpCookie;

import java.time.Duration;

/** The login form, login (token, slow-down, password, new session) and logout. */
final class LoginRoutes {
    /** Before login there is no session: the login form's token is paired with this cookie instead. */
    static final String LOGIN_COOKIE = "cabina_accesso";

    private final PortalServer.Setup setup;
    private final Pages pages;

    LoginRoutes(PortalServer.Setup setup, Pages pages) {
        this.setup = setup;
        this.pages = pages;
    }

    void form(Exchange x) {
        if (x.viewer() != null) {
            x.redirect(302, "/");
            return;
        }
        renderLogin(x, null, "");
    }

    /**
     * The login form, with a token in a hidden field and in a cookie that a cross-site form cannot send. The token of an
     * earlier form is kept: another tab (or the browser's own requests) must not make an open form stale.
     */
    private void renderLogin(Exchange x, String message, String username) {
        String token = x.cookie(LOGIN_COOKIE).filter(t -> t.matches("[A-Za-z0-9_-]{43}")).orElseGet(Tokens::random);
        x.addCookie(HttpCookie.build(LOGIN_COOKIE, token).path("/login").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure()).build());
        pages.render(x, "login.jte", new Views.Login(new Views.PageContext("Accesso", null, null, token), message, username));
    }

    void login(Exchange x) throws Exception {
        String username = trimmed(x.form("username"));
        String password = x.form("password");
        String from = x.ip();
        String token = x.form("_csrf");
        if (!Tokens.matches(x.cookie(LOGIN_COOKIE).orElse(null), token)) {
            setup.audit().record("LOGIN_REFUSED", username, from, null, 403);
            x.status(403);
            renderLogin(x, "La pagina di accesso era scaduta: inserisci di nuovo le credenziali.", username);
            return;
        }
        Duration wait = setup.throttle().waitFor(username, from);
        if (!wait.isZero()) {
            setup.audit().record("LOGIN_THROTTLED", username, from, null, 429);
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            x.status(429).header("Retry-After", String.valueOf(seconds));
            renderLogin(x, "Troppi tentativi non riusciti: riprova tra " + seconds + " secondi.", username);
            return;
        }
        User user = username.isEmpty() ? null : setup.users().find(username).orElse(null);
        if (!Passwords.matches(password, user == null ? null : user.passwordHash())) {
            setup.throttle().failed(username, from);
            setup.audit().record("LOGIN_FAILED", username, from, null, 401);
            x.status(401);
            renderLogin(x, "Nome utente o password non corretti.", username);
            return;
        }
        setup.throttle().succeeded(username);
        x.addCookie(HttpCookie.build(LOGIN_COOKIE, "").path("/login").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure()).maxAge(0).build());
        x.cookie(PortalServer.SESSION_COOKIE).ifPresent(previous -> setup.sessions().close(previous));
        Sessions.Session session = setup.sessions().open(user.username());
        x.addCookie(HttpCookie.build(PortalServer.SESSION_COOKIE, session.id())
                .path("/")
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure())
                .maxAge(setup.sessions().lifetime().toSeconds())
                .build());
        setup.audit().record("LOGIN", user.username(), from, null, 303);
        x.redirect(303, "/");
    }

    void logout(Exchange x, Viewer viewer) throws Exception {
        if (!Tokens.matches(viewer.session().csrfToken(), x.form("_csrf"))) {
            setup.audit().record("LOGOUT_REFUSED", viewer.user().username(), x.ip(), null, 403);
            throw new Refusal(403, "Richiesta non valida", "La richiesta non proviene da una pagina del portale.");
        }
        setup.sessions().close(viewer.session().id());
        x.addCookie(HttpCookie.build(PortalServer.SESSION_COOKIE, "").path("/").httpOnly(true).sameSite(HttpCookie.SameSite.STRICT)
                .secure(x.secure()).maxAge(0).build());
        setup.audit().record("LOGOUT", viewer.user().username(), x.ip(), null, 303);
        x.redirect(303, "/login");
    }

    private static String trimmed(String s) {
        if (s == null) return "";
        String t = s.strip();
        return t.length() > 64 ? t.substring(0, 64) : t;
    }
}
