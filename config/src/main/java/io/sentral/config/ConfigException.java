package io.sentral.config;

import java.util.Objects;

/**
 * A configuration problem, reported as {@code <file>: <where>: <problem>}, where {@code where} is
 * the YAML path ({@code customers[0].trunks[0].callerIdPolicy}) or, for syntax errors, the line
 * and column. The node refuses to start with it; the message is meant for the operator.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final String location;
    private final String problem;

    public ConfigException(String source, String location, String problem) {
        super(Objects.requireNonNull(source, "source") + ": " + Objects.requireNonNull(location, "location")
                + ": " + Objects.requireNonNull(problem, "problem"));
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** The file, resource or environment the problem is in. */
    public String source() {
        return source;
    }

    /** The YAML path or {@code line L, column C}. */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
