package fr.cnfs.plumbing.http;

import java.time.LocalDate;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A body is one JSON document: {@code {"a": 1}}} with its stray brace is malformed, not {@code {"a": 1}} (Jackson
 * ignores trailing tokens by default, so a truncated or concatenated request would be half-applied). A date is an
 * ISO-8601 string: Jackson would otherwise read the number 42 as the 42nd day after 1970-01-01.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper objectMapper) {
        objectMapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        objectMapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
    }
}
