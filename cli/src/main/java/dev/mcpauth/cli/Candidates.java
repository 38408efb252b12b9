package dev.mcpauth.cli;

import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.util.Arrays;
import java.util.Iterator;

/** Values TAB offers for options, spelled as the command line accepts them. */
final class Candidates {

    private Candidates() {}

    static final class Stores implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(StoreKind.values()).map(StoreKind::cliName).iterator();
        }
    }

    static final class TokenFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(TokenFormat.values()).map(TokenFormat::cliName).iterator();
        }
    }

    static final class Workarounds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Workaround.values()).map(Workaround::cliName).iterator();
        }
    }

    /** {@code --format} of the commands whose format enum is spelled in capitals. */
    static final class OutputFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(OutputOptions.Format.values()).map(Enum::name).iterator();
        }
    }

    static final class Profiles implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return dev.mcpauth.client.profile.Profiles.names().iterator();
        }
    }
}
