package dev.mcpauth.cli;

import dev.mcpauth.server.Workaround;
import dev.mcpauth.store.StoreKind;
import dev.mcpauth.token.TokenFormat;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an enum as the command line spells it ({@code sqlite}, any case) and, for anything else,
 * lists the choices spelled that way too, not as Java constants ({@code [SQLITE, MEMORY]}).
 */
class CliNameConverter<E extends Enum<E>> implements ITypeConverter<E> {

    /** {@code --store}. */
    static final class Stores extends CliNameConverter<StoreKind> {
        Stores() {
            super(StoreKind.class, StoreKind::cliName);
        }
    }

    /** {@code --workaround}. */
    static final class Workarounds extends CliNameConverter<Workaround> {
        Workarounds() {
            super(Workaround.class, Workaround::cliName);
        }
    }

    /** {@code --token-format}. */
    static final class TokenFormats extends CliNameConverter<TokenFormat> {
        TokenFormats() {
            super(TokenFormat.class, TokenFormat::cliName);
        }
    }

    private final Class<E> type;
    private final Function<E, String> cliName;

    CliNameConverter(Class<E> type, Function<E, String> cliName) {
        this.type = type;
        this.cliName = cliName;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (cliName.apply(constant).equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        throw new TypeConversionException(
                "'"
                        + value
                        + "' is not one of "
                        + Arrays.stream(type.getEnumConstants())
                                .map(cliName)
                                .collect(Collectors.joining(", ")));
    }
}
