package fr.cnfs.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** One row of the access matrix: an operation, the roles allowed on it and how, and how to build its objects. */
public final class AccessRow {

    /** Builds a fresh object the caller of {@code role} owns, and the request on it. */
    @FunctionalInterface
    public interface Fixture {
        Call prepare(String role);
    }

    private final String method;
    private final String path;
    private final Map<String, Access> access = new LinkedHashMap<>();
    private boolean open;
    private Fixture fixture;

    private AccessRow(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public static AccessRow of(String method, String path) {
        return new AccessRow(method, path);
    }

    public AccessRow allow(Access how, String... roles) {
        for (String role : roles) {
            access.put(role, how);
        }
        return this;
    }

    /** No token needed (funding rules, simulations). */
    public AccessRow open() {
        this.open = true;
        return this;
    }

    public AccessRow fixture(Fixture fixture) {
        this.fixture = fixture;
        return this;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public String key() {
        return method + " " + path;
    }

    public boolean isOpen() {
        return open;
    }

    public Map<String, Access> access() {
        return access;
    }

    public Fixture fixture() {
        return fixture;
    }

    /** The role the denial checks use: the first allowed one. */
    public String primaryRole() {
        return access.isEmpty() ? Identities.ADMIN : access.keySet().iterator().next();
    }

    /** The cell of the documented table for that role. */
    public String cell(String role) {
        if (open) {
            return "yes";
        }
        Access how = access.get(role);
        return how == null ? "403" : how.label();
    }
}
