package it.cabina.portal;

import java.util.List;

/** A portal user: the bcrypt hash of the password (never the password), the territories they may see, admin or not. */
public record User(String username, String passwordHash, List<Scope> scopes, boolean admin) {
    public User {
        scopes = List.copyOf(scopes);
    }
}
