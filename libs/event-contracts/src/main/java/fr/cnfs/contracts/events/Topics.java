package fr.cnfs.contracts.events;

/** One topic per owning aggregate (DESIGN §4). */
public final class Topics {

    public static final String APPLICATIONS = "cnfs.applications";
    public static final String PLACEMENTS = "cnfs.placements";
    public static final String FUNDING = "cnfs.funding";

    private Topics() {
    }

    /** The dead-letter topic of a consuming service, e.g. {@code cnfs.funding-service.dead-letter}. */
    public static String deadLetterOf(String consumerName) {
        return "cnfs." + consumerName + ".dead-letter";
    }
}
