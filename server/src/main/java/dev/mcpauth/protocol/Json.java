package dev.mcpauth.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
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

    /** As {@link #write}, as UTF-8 bytes: what an HTTP response sends, without a String between. */
    public static byte[] writeBytes(Object value) {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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
        // Jackson keeps its parse and write buffers per thread by default. The server runs each
        // request on a new virtual thread, so every request allocated fresh buffers (the largest
        // allocation per tools/call, and young-GC pauses at the tail); a shared pool reuses them.
        static final ObjectMapper MAPPER =
                JsonMapper.builder(
                                JsonFactory.builder()
                                        .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                                        .build())
                        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .serializationInclusion(JsonInclude.Include.NON_NULL)
                        .build();
    }
}
