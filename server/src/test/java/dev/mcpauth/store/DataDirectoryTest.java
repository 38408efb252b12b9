package dev.mcpauth.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** A data directory the server cannot use is explained in the operating system's words. */
class DataDirectoryTest {

    @Test
    void aReadOnlyFileSystemIsNamedWithoutAJavaClassName() {
        String why =
                DataDirectory.describe(
                        new FileSystemException(
                                "/mnt/ro/d/server.lock", null, "Read-only file system"));

        assertEquals("Read-only file system (/mnt/ro/d/server.lock)", why);
    }

    @Test
    void aDirectoryWithoutWritePermissionSaysSo() {
        String why = DataDirectory.describe(new AccessDeniedException("/srv/mcpauth/server.lock"));

        assertEquals("permission denied (/srv/mcpauth/server.lock)", why);
    }
}
