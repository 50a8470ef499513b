package io.cutover.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials of a description file (a source's or a target's): written {@code ${env:NAME}}, so that the secret
 * itself is never in the file, they are read from the environment; written otherwise, they are taken as they are.
 */
public final class Secrets {

    private static final Pattern ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

    private Secrets() {
    }

    /** The process environment, where secrets come from. */
    public static Function<String, String> processEnvironment() {
        Map<String, String> environment = System.getenv();
        return environment::get;
    }

    /**
     * The secret {@code written} stands for; empty, with the problem given to {@code problem}, when it names an
     * environment variable that is not set (or blank).
     */
    public static Optional<String> resolve(String written, Function<String, String> environment, Consumer<String> problem) {
        Matcher variable = ENV.matcher(written);
        if (!variable.matches()) {
            return Optional.of(written);
        }
        String resolved = environment.apply(variable.group(1));
        if (resolved == null || resolved.isBlank()) {
            problem.accept("the environment variable " + variable.group(1) + " is not set");
            return Optional.empty();
        }
        return Optional.of(resolved);
    }
}
