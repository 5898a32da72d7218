package io.writeback.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.catalog.CamelCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.ComponentModel.EndpointOptionModel;
import org.junit.jupiter.api.Test;

/** The writeback: component as Camel's tooling reads it: its generated descriptor, through the catalog API. */
class ComponentDescriptorTest {

    static final String DESCRIPTOR = "META-INF/io/writeback/component/writeback.json";

    @Test
    void theCatalogFindsEveryStageWithEveryParameterAndItsDescription() throws IOException {
        ComponentModel model = catalogModel(resource(DESCRIPTOR));

        assertThat(model.getScheme()).isEqualTo("writeback");
        EndpointOptionModel stage = model.getEndpointPathOptions().get(0);
        assertThat(stage.getEnums()).containsExactlyElementsOf(
                Arrays.stream(StageKind.values()).map(StageKind::stageName).toList());
        for (StageKind kind : StageKind.values()) {
            List<EndpointOptionModel> options = optionsOf(model, kind);
            assertThat(options).extracting(EndpointOptionModel::getName).as(kind.uri())
                    .containsExactlyInAnyOrderElementsOf(kind.parameters());
            assertThat(options).as(kind.uri()).allSatisfy(option ->
                    assertThat(option.getDescription()).as(option.getName()).isNotBlank());
        }
        assertThat(optionsOf(model, StageKind.SOURCE)).filteredOn(EndpointOptionModel::isRequired)
                .extracting(EndpointOptionModel::getName).containsExactlyInAnyOrder("query", "key");
    }

    @Test
    void theReadmeTablesListEachStagesParametersAsTheDescriptorDoes() throws IOException {
        ComponentModel model = catalogModel(resource(DESCRIPTOR));
        String readme = Files.readString(Path.of("README.md"));

        for (StageKind kind : List.of(StageKind.SOURCE, StageKind.MAP, StageKind.TRANSFORM, StageKind.DELIVER)) {
            Set<String> documented = readmeParameters(readme, kind);
            Set<String> described = optionsOf(model, kind).stream().map(EndpointOptionModel::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(documented).as("README table of " + kind.uri()).isEqualTo(described);
        }
    }

    static ComponentModel catalogModel(String json) {
        CamelCatalog catalog = new DefaultCamelCatalog();
        catalog.addComponent("writeback", WritebackComponent.class.getName(), json);
        return catalog.componentModel("writeback");
    }

    private static List<EndpointOptionModel> optionsOf(ComponentModel model, StageKind kind) {
        return model.getEndpointParameterOptions().stream().filter(option -> option.getGroup().equals(kind.stageName()))
                .toList();
    }

    /** The parameter names in the first column of the table under the stage's heading (**`writeback:x`**). */
    private static Set<String> readmeParameters(String readme, StageKind kind) {
        int heading = readme.indexOf("**`" + kind.uri() + "`**");
        assertThat(heading).as("README heading of " + kind.uri()).isNotNegative();
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : readme.substring(heading).split("\n")) {
            if (line.startsWith("|")) {
                inTable = true;
                rows.add(line);
            } else if (inTable) {
                break;
            }
        }
        Set<String> names = new TreeSet<>();
        Pattern name = Pattern.compile("`([A-Za-z]+)`");
        for (String row : rows.subList(Math.min(2, rows.size()), rows.size())) {
            Matcher cell = name.matcher(row.split("\\|")[1]);
            while (cell.find()) {
                names.add(cell.group(1));
            }
        }
        return names;
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ComponentDescriptorTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
