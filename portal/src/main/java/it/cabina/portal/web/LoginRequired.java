package it.cabina.portal.web;

/** A page asked without a valid session: the answer is the login form. */
final class LoginRequired extends RuntimeException {
    LoginRequired() {
        super("login required", null, false, false);
    }
}
