package fr.cnfs.funding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/** The invariants of a grant statement, checked exactly (BigDecimal) on every post and on the total. */
public final class StatementInvariants {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private StatementInvariants() {
    }

    public static void check(JsonPath statement) {
        JsonNode root;
        try {
            root = JSON.readTree(statement.prettify());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        BigDecimal[] sums = new BigDecimal[9];
        java.util.Arrays.fill(sums, BigDecimal.ZERO);
        String[] fields = { "awarded", "earned", "planned", "due", "paid", "cancelled", "adjustment", "recovered", "settled" };
        for (JsonNode post : root.get("posts")) {
            JsonNode amounts = post.get("amounts");
            BigDecimal awarded = amounts.get("awarded").decimalValue();
            BigDecimal earned = amounts.get("earned").decimalValue();
            BigDecimal planned = amounts.get("planned").decimalValue();
            BigDecimal due = amounts.get("due").decimalValue();
            BigDecimal paid = amounts.get("paid").decimalValue();
            BigDecimal cancelled = amounts.get("cancelled").decimalValue();
            BigDecimal adjustment = amounts.get("adjustment").decimalValue();
            BigDecimal recovered = amounts.get("recovered").decimalValue();
            assertEquals(0, paid.add(due).add(planned).add(cancelled).compareTo(awarded.add(adjustment)),
                    "paid + due + planned + cancelled = awarded + adjustment: " + post);
            assertTrue(earned.compareTo(awarded) <= 0, "earned ≤ awarded: " + post);
            assertTrue(paid.subtract(recovered).compareTo(awarded) <= 0, "paid − recovered ≤ awarded: " + post);
            String status = post.get("status").asText();
            if ("CLOSED".equals(status) || "COMPLETED".equals(status)) {
                assertEquals(0, planned.signum(), "nothing planned once final: " + post);
                assertEquals(0, paid.add(due).subtract(recovered).compareTo(earned), "paid + due − recovered = earned: " + post);
            }
            if ("COMPLETED".equals(status)) {
                assertEquals(0, earned.compareTo(awarded), "a completed post earned everything: " + post);
            }
            for (int i = 0; i < fields.length; i++) {
                sums[i] = sums[i].add(amounts.get(fields[i]).decimalValue());
            }
        }
        JsonNode total = root.get("total");
        for (int i = 0; i < fields.length; i++) {
            assertEquals(0, sums[i].compareTo(total.get(fields[i]).decimalValue()), "total " + fields[i] + " is the sum of the posts");
        }
    }
}
