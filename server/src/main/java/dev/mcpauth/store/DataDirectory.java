package dev.mcpauth.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The directory that holds a server's store, locked while the server runs: two servers on one store
 * would each trust their own token cache and miss the other's revocations.
 */
public final class DataDirectory implements AutoCloseable {

    public static final String DATABASE_FILE = "mcpauth.db";
    private static final String LOCK_FILE = "server.lock";

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** The user's state directory for mcpauth, following each platform's convention. */
    public static Path defaultPath() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return Path.of(local != null ? local : home, "mcpauth");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "mcpauth");
        }
        String state = System.getenv("XDG_STATE_HOME");
        Path base =
                state != null && !state.isBlank()
                        ? Path.of(state)
                        : Path.of(home, ".local", "state");
        return base.resolve("mcpauth");
    }

    public static DataDirectory lock(Path path) {
        try {
            Files.createDirectories(path);
            FileChannel channel =
                    FileChannel.open(
                            path.resolve(LOCK_FILE),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new StoreException(
                        "another mcpauth server is using the data directory "
                                + path
                                + "; stop it, or give this one another --data-dir");
            }
            return new DataDirectory(path, channel, lock);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(
                    "the data directory "
                            + path
                            + " is a file, not a directory; pass --data-dir"
                            + " with a directory",
                    e);
        } catch (IOException e) {
            throw new StoreException(
                    "cannot use the data directory "
                            + path
                            + ": "
                            + describe(e)
                            + "; check that it exists and is writable, or pass --data-dir",
                    e);
        }
    }

    /** The operating system's reason and the file it concerns, not a Java class name. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied (" + denied.getFile() + ")";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return e.getMessage();
    }

    public Path path() {
        return path;
    }

    public Path database() {
        return path.resolve(DATABASE_FILE);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the lock on " + path + ": " + e, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }
}
