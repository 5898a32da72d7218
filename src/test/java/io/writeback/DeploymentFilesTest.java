package io.writeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.writeback.sync.SyncFileValidator;
import io.writeback.sync.ValidationReport;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files: the Kubernetes manifests read into Kubernetes's own object model (a field it does not know
 * fails the test), and the cluster's Compose file.
 */
class DeploymentFilesTest {

    private static final Path KUBERNETES = Path.of("deploy/kubernetes");
    private static final YAMLMapper YAML = YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static <T> T read(String file, Class<T> type) throws IOException {
        T object = YAML.readValue(KUBERNETES.resolve(file).toFile(), type);
        List<String> unknown = new ArrayList<>();
        unknownFields(object, type.getSimpleName(), unknown);
        assertThat(unknown).as(file + ": fields Kubernetes does not know").isEmpty();
        return object;
    }

    /** Every field of the model that holds what it could not place (a misspelt key lands there). */
    private static void unknownFields(Object object, String path, List<String> unknown) {
        if (object == null || !object.getClass().getPackageName().startsWith("io.fabric8")) {
            if (object instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    unknownFields(item, path + "[" + i++ + "]", unknown);
                }
            }
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = getter.invoke(object);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) value).keySet().forEach(key -> unknown.add(path + "." + key));
                } else {
                    unknownFields(value, path + "." + getter.getName().substring(3), unknown);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String env(Container container, String name) {
        EnvVar variable = container.getEnv().stream().filter(env -> env.getName().equals(name)).findFirst().orElseThrow();
        return variable.getValue() != null ? variable.getValue()
                : variable.getValueFrom().getSecretKeyRef() != null ? "secret:" + variable.getValueFrom().getSecretKeyRef().getKey()
                : "field:" + variable.getValueFrom().getFieldRef().getFieldPath();
    }

    @Test
    void theDeploymentRunsThreeNodesWithProbesGracefulShutdownRoutesFromTheConfigMapAndSecretsFromTheSecret()
            throws IOException {
        Deployment deployment = read("deployment.yaml", Deployment.class);
        Secret secret = read("secret.yaml", Secret.class);
        ConfigMap routes = read("configmap-routes.yaml", ConfigMap.class);
        Service service = read("service.yaml", Service.class);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        Container writeback = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(writeback.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(writeback.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(60);
        assertThat(env(writeback, "WRITEBACK_CLUSTER_NODE_ID")).isEqualTo("field:metadata.name");
        assertThat(env(writeback, "WRITEBACK_DB_PASSWORD")).isEqualTo("secret:db-password");
        assertThat(env(writeback, "WRITEBACK_CONNECTIONS_CRM_AUTH_TOKEN")).isEqualTo("secret:crm-token");
        assertThat(writeback.getEnv().stream().filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .map(env -> env.getValueFrom().getSecretKeyRef().getKey()).collect(Collectors.toSet()))
                .isSubsetOf(secret.getStringData().keySet());
        assertThat(writeback.getVolumeMounts().get(0).getMountPath()).isEqualTo(env(writeback, "WRITEBACK_ROUTES_DIR"));
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getName())
                .isEqualTo(routes.getMetadata().getName());
        assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theConfigMapsSyncFilesPassTheChecksWithTheConnectionTheDeploymentConfigures(@TempDir Path dir) throws IOException {
        ConfigMap routes = read("configmap-routes.yaml", ConfigMap.class);
        for (Map.Entry<String, String> file : routes.getData().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }

        ValidationReport report = new SyncFileValidator(name -> name.equals("crm") ? List.of() : List.of("no " + name),
                name -> List.of()).validate(dir);

        assertThat(report.syncs()).extracting(sync -> sync.deliver().getConnection()).containsOnly("crm");
    }

    @Test
    void theClustersComposeFileRunsThreeNodesOnOnePostgres() throws IOException {
        JsonNode compose = YAML.readTree(Path.of("docker/compose-cluster.yml").toFile());

        JsonNode writeback = compose.at("/services/writeback");
        assertThat(writeback.at("/deploy/replicas").asInt()).isEqualTo(3);
        assertThat(writeback.at("/environment/WRITEBACK_DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/writeback");
        assertThat(compose.at("/services/postgres/image").asText()).startsWith("postgres:");
        assertThat(writeback.at("/ports/0").asText()).isEqualTo("8080-8082:8080");
    }
}
