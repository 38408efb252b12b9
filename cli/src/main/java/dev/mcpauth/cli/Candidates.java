package dev.mcpauth.cli;

import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.Model.ArgSpec;

/** Values TAB offers for options, spelled as the command line accepts them. */
final class Candidates {

    private Candidates() {}

    /** True when {@code arg} takes a file or files (Path or File), so TAB offers file names. */
    static boolean takesFiles(ArgSpec arg) {
        Class<?> type =
                arg.typeInfo().isMultiValue() ? arg.typeInfo().getAuxiliaryTypes()[0] : arg.type();
        return type == Path.class || type == File.class;
    }

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
