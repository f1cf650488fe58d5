package io.faultline.core.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One option of a system under test, as {@code faultline test --NAME VALUE} takes it: its type,
 * default, help text, and the values it allows. Values travel as strings (command line, state file,
 * {@code test.json}); {@link #check} validates one and names the option in its message.
 *
 * @param name         without dashes, e.g. {@code nodes}
 * @param type         how the value is read
 * @param defaultValue the value when the option is not given; {@code ""} for none (a {@link Type#PATH}
 *                     only)
 * @param help         one line for {@code faultline systems} and {@code --help}
 * @param choices      the allowed values of a {@link Type#CHOICE}; empty otherwise
 * @param min          the least value of an {@link Type#INT} or {@link Type#MILLIS}
 */
public record SystemOption(String name, Type type, String defaultValue, String help, List<String> choices, long min) {

    /** How an option's value is read. */
    public enum Type {
        /** A whole number, at least {@code min}. */
        INT,
        /** A duration in milliseconds, at least {@code min}. */
        MILLIS,
        /** One of {@code choices}. */
        CHOICE,
        /** A file; {@code ""} for none. */
        PATH,
        /** Any one-line text (the system checks its form in {@link TestSystem#validate}). */
        TEXT
    }

    public SystemOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(help, "help");
        choices = List.copyOf(choices);
        if (name.isBlank() || name.startsWith("-")) throw new IllegalArgumentException("an option name has no dashes, was '" + name + "'");
        if (type == Type.CHOICE && choices.isEmpty()) throw new IllegalArgumentException("--" + name + ": a choice needs choices");
        if (!((type == Type.PATH || type == Type.TEXT) && defaultValue.isEmpty())) check(name, type, choices, min, defaultValue);
    }

    /** A whole number of at least {@code min}. */
    public static SystemOption integer(String name, int defaultValue, int min, String help) {
        return new SystemOption(name, Type.INT, Integer.toString(defaultValue), help, List.of(), min);
    }

    /** A duration in milliseconds of at least {@code min}. */
    public static SystemOption millis(String name, long defaultValue, long min, String help) {
        return new SystemOption(name, Type.MILLIS, Long.toString(defaultValue), help, List.of(), min);
    }

    /** One of {@code choices}; the first is the default. */
    public static SystemOption choice(String name, List<String> choices, String help) {
        return new SystemOption(name, Type.CHOICE, choices.get(0), help, choices, 0);
    }

    /** A one-line text, e.g. an address range; the system checks its form. An empty default means none by default. */
    public static SystemOption text(String name, String defaultValue, String help) {
        return new SystemOption(name, Type.TEXT, defaultValue, help, List.of(), 0);
    }

    /** A file, none by default. */
    public static SystemOption path(String name, String help) {
        return new SystemOption(name, Type.PATH, "", help, List.of(), 0);
    }

    /**
     * Checks a value.
     *
     * @return the value
     * @throws IllegalArgumentException one line naming {@code --name}, the rule and the value
     */
    public String check(String value) {
        return check(name, type, choices, min, value);
    }

    private static String check(String name, Type type, List<String> choices, long min, String value) {
        if (value == null) throw new IllegalArgumentException("--" + name + " needs a value");
        switch (type) {
            case INT, MILLIS -> {
                long n;
                try {
                    n = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--" + name + " must be a whole number" + (type == Type.MILLIS ? " of ms" : "")
                            + ", was '" + value + "'");
                }
                if (n < min) throw new IllegalArgumentException("--" + name + " must be >= " + min + ", was " + n);
                if (type == Type.INT && n > Integer.MAX_VALUE) throw new IllegalArgumentException("--" + name + " is too large: " + n);
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw new IllegalArgumentException("--" + name + " must be one of " + String.join(", ", choices) + ", was '" + value + "'");
                }
            }
            case PATH -> Path.of(value);
            case TEXT -> {
                if (value.isBlank() || value.contains("\n")) throw new IllegalArgumentException("--" + name + " needs a one-line value");
            }
        }
        return value;
    }

    /** The help line with the default, e.g. {@code --nodes N  Redis nodes (default 5)}. */
    public String usage() {
        String arg = switch (type) {
            case INT -> "N";
            case MILLIS -> "MS";
            case CHOICE -> String.join("|", choices);
            case PATH -> "FILE";
            case TEXT -> "TEXT";
        };
        return "--" + name + " " + arg + "  " + help + (defaultValue.isEmpty() ? "" : " (default " + defaultValue + ")");
    }
}
