package fr.cnfs.plumbing.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Instant writer against the JDK's own {@link Instant#toString()}, which it must match character for character. */
class IsoInstantJsonTest {

    private static final long YEAR_0 = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long YEAR_10000 = LocalDateTime.of(10_000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

    @Test
    void writesWhatInstantToStringWritesAtTheEdges() {
        List<Instant> edges = List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.ofEpochSecond(YEAR_0), Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999),
                Instant.parse("2000-02-29T23:59:59.5Z"), Instant.parse("1900-03-01T00:00:00Z"),
                Instant.parse("2024-12-31T12:00:00.000001Z"), Instant.parse("2026-11-28T18:35:14.123456789Z"),
                Instant.parse("1969-12-31T00:00:00.010Z"), Instant.parse("2100-02-28T23:59:59.999Z"));
        for (Instant instant : edges) {
            assertEquals(instant.toString(), written(instant));
        }
    }

    @Test
    void writesWhatInstantToStringWritesOverTheYears0000To9999() {
        SplittableRandom random = new SplittableRandom(42);
        int[] granularities = { 1_000_000_000, 1_000_000, 1_000, 1 };
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(YEAR_0, YEAR_10000);
            int granularity = granularities[i % granularities.length];
            int nanos = granularity == 1_000_000_000 ? 0 : random.nextInt(1_000_000_000 / granularity) * granularity;
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertEquals(instant.toString(), written(instant));
        }
    }

    @Test
    void leavesYearsThatNeedASignOrAFifthDigitToTheJdk() {
        for (Instant instant : List.of(Instant.ofEpochSecond(YEAR_0 - 1), Instant.ofEpochSecond(YEAR_10000),
                Instant.MIN, Instant.MAX)) {
            assertEquals(-1, IsoInstantJson.format(instant, new char[IsoInstantJson.MAX_LENGTH]));
        }
    }

    @Test
    void jsonIsTheSameAsJacksonsOwnInEveryCase() throws Exception {
        ObjectMapper ours = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new IsoInstantJson().customize(ours);
        ObjectMapper jacksons = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        for (Object value : List.of(new At(Instant.parse("2026-11-28T18:35:14.120Z")), new At(Instant.MAX),
                new At(null), new Formatted(Instant.parse("2026-11-28T18:35:14Z")))) {
            assertEquals(jacksons.writeValueAsString(value), ours.writeValueAsString(value));
        }
        assertEquals("{\"at\":\"2026-11-28T18:35:14.120Z\"}",
                ours.writeValueAsString(new At(Instant.parse("2026-11-28T18:35:14.120Z"))));
        ours.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        jacksons.enable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        At at = new At(Instant.parse("2026-11-28T18:35:14.120Z"));
        assertEquals(jacksons.writeValueAsString(at), ours.writeValueAsString(at));
    }

    private static String written(Instant instant) {
        char[] out = new char[IsoInstantJson.MAX_LENGTH];
        return new String(out, 0, IsoInstantJson.format(instant, out));
    }

    record At(Instant at) {
    }

    record Formatted(@JsonFormat(pattern = "yyyy-MM-dd HH:mm", timezone = "Europe/Paris") Instant at) {
    }
}
