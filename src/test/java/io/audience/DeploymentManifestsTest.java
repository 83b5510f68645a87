package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in deploy/ agree with the image and the service: the user, port and
 * writable paths of the image, the probes the service answers, labels that select the pods, and
 * configuration the README documents.
 */
class DeploymentManifestsTest {

    private static final Path DIR = Path.of("deploy", "kubernetes");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(DIR.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer i
                    ? ((List<Object>) current).get(i)
                    : ((Map<String, Object>) current).get(step);
            assertThat(current).as("no " + step).isNotNull();
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, Object... path) {
        return (Map<String, Object>) at(node, path);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node, Object... path) {
        return (List<Object>) at(node, path);
    }

    private static String text(Object node, Object... path) {
        return at(node, path).toString();
    }

    @Test
    void theDeploymentRunsTheImageAsItsUserWithAReadOnlyRootAndTheProbesTheServiceAnswers() throws IOException {
        Map<String, Object> deployment = yaml("deployment.yaml");
        Map<String, Object> pod = map(deployment, "spec", "template", "spec");
        Map<String, Object> container = map(pod, "containers", 0);
        assertThat(text(pod, "securityContext", "runAsUser")).isEqualTo("65532");
        assertThat(text(pod, "securityContext", "runAsNonRoot")).isEqualTo("true");
        assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem"))
                .isTrue();
        assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation"))
                .isFalse();
        assertThat(text(container, "ports", 0, "containerPort")).isEqualTo("8080");
        assertThat(text(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(text(container, "startupProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat(text(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        List<Object> mounts = list(container, "volumeMounts");
        assertThat(mounts.stream().map(m -> text(m, "mountPath")))
                .as("the two paths the image writes")
                .containsExactlyInAnyOrder("/data", "/tmp");

        Map<String, Object> labels = map(deployment, "spec", "template", "metadata", "labels");
        Map<String, Object> deploymentSelector = map(deployment, "spec", "selector", "matchLabels");
        Map<String, Object> serviceSelector = map(yaml("service.yaml"), "spec", "selector");
        Map<String, Object> budgetSelector = map(yaml("poddisruptionbudget.yaml"), "spec", "selector", "matchLabels");
        assertThat(deploymentSelector).isEqualTo(labels);
        assertThat(serviceSelector).isEqualTo(labels);
        assertThat(budgetSelector).isEqualTo(labels);
    }

    @Test
    void theKustomizationNamesItsFilesAndTheImageOfThisVersion() throws IOException {
        Map<String, Object> kustomization = yaml("kustomization.yaml");
        for (Object resource : list(kustomization, "resources")) {
            assertThat(DIR.resolve(resource.toString())).exists();
        }
        Matcher version = Pattern.compile("<artifactId>audience</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        assertThat(text(kustomization, "images", 0, "newTag")).isEqualTo(version.group(1));
        assertThat(text(kustomization, "images", 0, "name"))
                .isEqualTo(text(yaml("deployment.yaml"), "spec", "template", "spec", "containers", 0, "image"));
        assertThat(Files.readString(Path.of(".gitignore"))).contains("deploy/kubernetes/secrets.env");
    }

    @Test
    void everySettingTheManifestsGiveIsOneTheReadmeDocuments() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String file : List.of("config.env", "secrets.env.example")) {
            for (String line : Files.readAllLines(DIR.resolve(file))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String name = line.substring(0, line.indexOf('='));
                assertThat(readme).as(file + ": " + name).contains("`" + name + "`");
            }
        }
    }
}
