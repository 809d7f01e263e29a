package fr.cnfs.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One concrete request of a matrix row, prepared for one role: the path with its parameters filled, the body, and
 * the tokens of the object's owner and of a stranger with the same role (a structure of another SIRET, the prefect
 * of another département, another adviser).
 */
public final class Call {

    private final String path;
    private Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> query = new LinkedHashMap<>();
    private String owner;
    private String stranger;
    private String ownedId;
    private int strangerStatus = 404;

    private Call(String path) {
        this.path = path;
    }

    public static Call to(String path) {
        return new Call(path);
    }

    public Call body(Object body) {
        this.body = body;
        return this;
    }

    public Call header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Call query(String name, Object value) {
        query.put(name, value);
        return this;
    }

    /** The token of the caller the object belongs to (or simply of the role, when the role is enough). */
    public Call as(String ownerToken) {
        this.owner = ownerToken;
        return this;
    }

    /** The token of a caller with the same role whom the object does not belong to. */
    public Call stranger(String strangerToken) {
        this.stranger = strangerToken;
        return this;
    }

    /**
     * What the stranger gets when not 404: a creation naming another's object answers as if it did not exist (422
     * unknown structure), a structure registering another SIRET is refused by rule (403).
     */
    public Call strangerGets(int status) {
        this.strangerStatus = status;
        return this;
    }

    public int strangerStatus() {
        return strangerStatus;
    }

    /** For a list: the id of an object the owner sees and the stranger must not. */
    public Call listing(Object id) {
        this.ownedId = String.valueOf(id);
        return this;
    }

    public String path() {
        return path;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> query() {
        return query;
    }

    public String owner() {
        return owner;
    }

    public String stranger() {
        return stranger;
    }

    public String ownedId() {
        return ownedId;
    }
}
