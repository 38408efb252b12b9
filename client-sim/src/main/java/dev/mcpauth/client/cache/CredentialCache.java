package dev.mcpauth.client.cache;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mcpauth.client.ClientSimException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated clients' secret storage: one JSON file, readable by its owner only (0600), with an
 * entry per profile and cache key, the key built as the real client builds it. Every change is
 * written to a temporary file and moved over the old one, so the file is always whole.
 */
public final class CredentialCache {

    public static final String FILE = "client-sim-credentials.json";

    private final Path file;
    private final Map<String, Map<String, CachedCredentials>> entries;

    private CredentialCache(Path file, Map<String, Map<String, CachedCredentials>> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** A cache that lives only as long as this object, for scenarios and tests. */
    public static CredentialCache inMemory() {
        return new CredentialCache(null, new TreeMap<>());
    }

    /** Reads the cache file in {@code dir}, or starts an empty one. */
    public static CredentialCache open(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ClientSimException(
                    ClientSimException.Kind.CACHE,
                    "the cache directory "
                            + dir
                            + " is a file, not a directory; pass --cache-dir with a directory");
        }
        Path file = dir.resolve(FILE);
        if (Files.isDirectory(file)) {
            throw new ClientSimException(
                    ClientSimException.Kind.CACHE,
                    "the credential cache "
                            + file
                            + " is a directory, not a file; move it away or pass --cache-dir");
        }
        if (!Files.exists(file)) {
            return new CredentialCache(file, new TreeMap<>());
        }
        try {
            Map<String, Map<String, CachedCredentials>> read =
                    mapper().readValue(file.toFile(), new TypeReference<>() {});
            return new CredentialCache(file, new TreeMap<>(read == null ? Map.of() : read));
        } catch (IOException e) {
            throw new ClientSimException(
                    ClientSimException.Kind.CACHE,
                    "the credential cache "
                            + file
                            + " is not readable JSON; move it away or delete it (the simulated"
                            + " clients then register and log in again), or pass --cache-dir");
        }
    }

    public Path file() {
        return file;
    }

    public synchronized CachedCredentials get(String profile, String key) {
        if (key == null) {
            return CachedCredentials.empty();
        }
        return entries.getOrDefault(profile, Map.of()).getOrDefault(key, CachedCredentials.empty());
    }

    public synchronized void put(String profile, String key, CachedCredentials value) {
        if (key == null) {
            return;
        }
        Map<String, CachedCredentials> byKey =
                entries.computeIfAbsent(profile, p -> new TreeMap<>());
        if (value.isEmpty()) {
            byKey.remove(key);
        } else {
            byKey.put(key, value);
        }
        if (byKey.isEmpty()) {
            entries.remove(profile);
        }
        save();
    }

    public synchronized List<String> keys(String profile) {
        return List.copyOf(entries.getOrDefault(profile, Map.of()).keySet());
    }

    /** Drops every entry of a profile, or of all profiles when null; returns how many. */
    public synchronized int forget(String profile) {
        int count = 0;
        if (profile == null) {
            count = entries.values().stream().mapToInt(Map::size).sum();
            entries.clear();
        } else {
            Map<String, CachedCredentials> removed = entries.remove(profile);
            count = removed == null ? 0 : removed.size();
        }
        save();
        return count;
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(
                        tmp,
                        PosixFilePermissions.asFileAttribute(
                                PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(tmp, mapper().writeValueAsString(entries));
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new ClientSimException(
                    ClientSimException.Kind.CACHE,
                    "cannot write the credential cache " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER =
                dev.mcpauth.protocol.Json.mapper()
                        .copy()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
