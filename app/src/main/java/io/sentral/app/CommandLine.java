package io.sentral.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Sentral's command line: {@code [--config FILE] [--data-dir DIR] [--help]}. Without
 * {@code --config} the shipped demo deployment starts; {@code --data-dir} overrides the
 * configuration's {@code node.dataDir} (the demo's is {@code ./sentral-data}).
 */
public record CommandLine(Optional<Path> config, Optional<Path> dataDir, boolean help) {

    public static final String USAGE = """
            Usage: java -jar sentral.jar [--config FILE] [--data-dir DIR]
              --config FILE    start from this YAML file (default: the built-in demo deployment)
              --data-dir DIR   where the embedded database lives (default: node.dataDir, demo ./sentral-data)
              --help           show this text
            """;

    public static CommandLine parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, arg)));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new CommandLine(config, dataDir, help);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }
}
