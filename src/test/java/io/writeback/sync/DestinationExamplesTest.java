package io.writeback.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example of each destination's page ({@code docs/destinations/examples/<name>}: a connection and its syncs)
 * passes {@code --validate}, its secrets' placeholders set as a deployment sets them.
 */
class DestinationExamplesTest {

    private static final Path EXAMPLES = Path.of("docs/destinations/examples");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    static Stream<Path> examples() throws IOException {
        return Files.list(EXAMPLES).filter(Files::isDirectory).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void theExampleConnectionAndSyncsAreValid(Path example) throws IOException {
        assertThat(ValidateCommand.run(arguments(example).toArray(String[]::new))).isZero();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void aSecretLeftUnsetIsFound(Path example) throws IOException {
        List<String> arguments = arguments(example);
        arguments.removeIf(argument -> !argument.startsWith("--spring.") && !argument.startsWith("--writeback."));

        assertThat(ValidateCommand.run(arguments.toArray(String[]::new))).isEqualTo(1);
    }

    private static List<String> arguments(Path example) throws IOException {
        Path connection = example.resolve("connection.yml");
        List<String> arguments = new ArrayList<>(List.of("--spring.config.additional-location=file:" + connection,
                "--writeback.routes-dir=" + example.resolve("routes"), "--writeback.demo.enabled=false"));
        Matcher placeholder = PLACEHOLDER.matcher(Files.readString(connection));
        while (placeholder.find()) {
            arguments.add("--" + placeholder.group(1) + "=set-by-the-deployment");
        }
        return arguments;
    }
}
