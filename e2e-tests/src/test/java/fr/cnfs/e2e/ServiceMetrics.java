package fr.cnfs.e2e;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

import fr.cnfs.devstack.ServiceProcess;

/** Reads a service's Prometheus counters from {@code /q/metrics}, as a monitoring system would. */
final class ServiceMetrics {

    static final String PUBLISHED = "cnfs_events_published_total";
    static final String CONSUMED = "cnfs_events_consumed_total";

    private ServiceMetrics() {
    }

    /** The sum of the samples of {@code metric} whose labels contain every one of {@code labels} (e.g. outcome="duplicate"). */
    static long sum(ServiceProcess service, String metric, String... labels) {
        String text = given().baseUri(service.baseUrl()).when().get("/q/metrics").then().statusCode(200)
                .extract().asString();
        double total = 0;
        for (String line : text.split("\n")) {
            if (!line.startsWith(metric + "{") && !line.startsWith(metric + " ")) {
                continue;
            }
            // "name{labels} value", possibly followed by an exemplar and its timestamp.
            int labelsEnd = line.indexOf('}') + 1;
            String series = line.substring(0, labelsEnd);
            if (Arrays.stream(labels).allMatch(series::contains)) {
                total += Double.parseDouble(line.substring(labelsEnd).trim().split(" ")[0]);
            }
        }
        return Math.round(total);
    }

    static long published(ServiceProcess service) {
        return sum(service, PUBLISHED);
    }

    static long consumed(ServiceProcess service, String outcome) {
        return sum(service, CONSUMED, "outcome=\"" + outcome + "\"");
    }
}
