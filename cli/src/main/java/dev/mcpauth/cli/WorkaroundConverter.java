package dev.mcpauth.cli;

import dev.mcpauth.server.Workaround;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads workaround names as written on the command line: {@code dynamic-scope}. */
final class WorkaroundConverter implements ITypeConverter<Workaround> {

    @Override
    public Workaround convert(String value) {
        try {
            return Workaround.fromCliName(value.strip());
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
