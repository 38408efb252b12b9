package dev.mcpauth.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/** The one Jackson mapper every module shares, built on first use so commands start cheaply. */
public final class Json {

    private Json() {}

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** Serializes a value that is known to be serializable (records of this package). */
    public static String write(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Holder {
        static final ObjectMapper MAPPER =
                JsonMapper.builder()
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .serializationInclusion(JsonInclude.Include.NON_NULL)
                        .build();
    }
}
