package ai.buywhere.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Structural checks of the deploy artefacts. No Docker engine or Kubernetes API runs here, so
 * instead of {@code docker compose config} / {@code kubectl apply --dry-run} these tests parse
 * every file and check what those tools would reject or what the runbooks require: resource kinds
 * and required fields, kustomize references, probes, HPA behaviour, compose service references, the
 * ECS task definition and the Dockerfile's stages, user and health check.
 */
class DeployArtefactsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path K8S = Path.of("deploy/k8s");

  private static JsonNode yaml(Path p) throws Exception {
    return YAML.readTree(p.toFile());
  }

  @Test
  void kustomizeBaseAndOverlaysReferenceExistingFiles() throws Exception {
    for (Path dir :
        List.of(
            K8S.resolve("base"),
            K8S.resolve("overlays/staging"),
            K8S.resolve("overlays/production"))) {
      JsonNode k = yaml(dir.resolve("kustomization.yaml"));
      assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
      for (JsonNode r : k.path("resources")) {
        assertThat(dir.resolve(r.asText())).as(dir + " resource " + r).exists();
      }
      for (JsonNode p : k.path("patches")) {
        Path patch = dir.resolve(p.path("path").asText());
        assertThat(patch).exists();
        JsonNode doc = yaml(patch);
        // a patch must target a resource the base defines
        assertThat(baseResources())
            .contains(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText());
      }
      for (JsonNode g : k.path("configMapGenerator")) {
        for (JsonNode f : g.path("files")) {
          assertThat(dir.resolve(f.asText())).exists();
        }
      }
    }
    assertThat(
            yaml(K8S.resolve("overlays/production/kustomization.yaml")).path("namespace").asText())
        .isEqualTo("production");
    assertThat(yaml(K8S.resolve("overlays/staging/kustomization.yaml")).path("namespace").asText())
        .isEqualTo("staging");
  }

  private static Set<String> baseResources() throws Exception {
    Set<String> out = new HashSet<>();
    for (JsonNode r : yaml(K8S.resolve("base/kustomization.yaml")).path("resources")) {
      JsonNode doc = yaml(K8S.resolve("base").resolve(r.asText()));
      assertThat(doc.path("apiVersion").asText()).as(r + " apiVersion").isNotBlank();
      assertThat(doc.path("metadata").path("name").asText()).as(r + " name").isNotBlank();
      out.add(doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText());
    }
    return out;
  }

  @Test
  void deploymentProbesShutdownHpaAndPdbFollowTheRunbooks() throws Exception {
    JsonNode d = yaml(K8S.resolve("base/deployment.yaml"));
    JsonNode pod = d.path("spec").path("template").path("spec");
    JsonNode c = pod.path("containers").get(0);
    assertThat(c.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/ready");
    assertThat(c.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
    assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThanOrEqualTo(30);
    assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(d.path("spec").path("selector").path("matchLabels").path("app").asText())
        .isEqualTo(
            d.path("spec").path("template").path("metadata").path("labels").path("app").asText());
    List<String> env = new ArrayList<>();
    c.path("env").forEach(e -> env.add(e.path("name").asText()));
    assertThat(env).contains("DATABASE_URL", "ADMIN_TOKEN", "FEATURE_FLAGS_FILE");
    String flagsFile = "";
    for (JsonNode e : c.path("env")) {
      if (e.path("name").asText().equals("FEATURE_FLAGS_FILE")) {
        flagsFile = e.path("value").asText();
      }
    }
    String mountPath = "";
    for (JsonNode m : c.path("volumeMounts")) {
      if (m.path("name").asText().equals("feature-flags")) {
        mountPath = m.path("mountPath").asText();
      }
    }
    assertThat(flagsFile).startsWith(mountPath + "/").endsWith("feature-flags.yaml");

    JsonNode hpa = yaml(K8S.resolve("base/hpa.yaml"));
    assertThat(
            hpa.path("spec")
                .path("metrics")
                .get(0)
                .path("resource")
                .path("target")
                .path("averageUtilization")
                .asInt())
        .isEqualTo(70);
    assertThat(
            hpa.path("spec")
                .path("behavior")
                .path("scaleUp")
                .path("stabilizationWindowSeconds")
                .asInt())
        .isEqualTo(60);
    assertThat(
            hpa.path("spec")
                .path("behavior")
                .path("scaleDown")
                .path("stabilizationWindowSeconds")
                .asInt())
        .isEqualTo(300);
    assertThat(yaml(K8S.resolve("base/pdb.yaml")).path("kind").asText())
        .isEqualTo("PodDisruptionBudget");

    JsonNode flags = yaml(K8S.resolve("base/feature-flags.yaml"));
    flags
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getKey().startsWith("feature_") && !f.getKey().equals("feature_mcp_server")) {
                assertThat(f.getValue().asBoolean())
                    .as("new feature %s defaults off", f.getKey())
                    .isFalse();
              }
            });
    assertThat(flags.path("us_market_enabled").asBoolean()).isTrue();
  }

  @Test
  void composeStackHasTheRunbookServicesAndConsistentReferences() throws Exception {
    JsonNode compose = yaml(Path.of("deploy/docker-compose.prod.yml"));
    JsonNode services = compose.path("services");
    for (String s :
        List.of(
            "api",
            "db",
            "db_replica",
            "pgbouncer",
            "redis",
            "prometheus",
            "alertmanager",
            "grafana",
            "backup-cron")) {
      assertThat(services.has(s)).as("service " + s).isTrue();
      assertThat(services.path(s).has("image") || services.path(s).has("build"))
          .as(s + " image/build")
          .isTrue();
    }
    Set<String> volumes = new HashSet<>();
    compose.path("volumes").fieldNames().forEachRemaining(volumes::add);
    services
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode deps = e.getValue().path("depends_on");
              if (deps.isArray()) {
                deps.forEach(
                    dep ->
                        assertThat(services.has(dep.asText()))
                            .as(e.getKey() + " depends on " + dep)
                            .isTrue());
              } else {
                deps.fieldNames()
                    .forEachRemaining(
                        dep ->
                            assertThat(services.has(dep))
                                .as(e.getKey() + " depends on " + dep)
                                .isTrue());
              }
              for (JsonNode v : e.getValue().path("volumes")) {
                String src = v.asText().split(":")[0];
                if (!src.startsWith(".") && !src.startsWith("/")) {
                  assertThat(volumes).as(e.getKey() + " named volume " + src).contains(src);
                } else if (src.startsWith("./")) {
                  assertThat(Path.of("deploy").resolve(src))
                      .as(e.getKey() + " bind mount " + src)
                      .exists();
                }
              }
            });
    assertThat(services.path("pgbouncer").path("environment").path("POOL_MODE").asText())
        .isEqualTo("transaction");
  }

  @Test
  void ecsTaskDefinitionAndDockerfileAreWellFormed() throws Exception {
    JsonNode task =
        new ObjectMapper()
            .readTree(Path.of("deploy/ecs/buywhere-api-task-definition.json").toFile());
    assertThat(task.path("family").asText()).isEqualTo("buywhere-api");
    JsonNode c = task.path("containerDefinitions").get(0);
    assertThat(c.path("portMappings").get(0).path("containerPort").asInt()).isEqualTo(8000);
    assertThat(c.path("healthCheck").path("command").toString()).contains("/ready");

    List<String> docker = Files.readAllLines(Path.of("deploy/Dockerfile"));
    assertThat(docker.stream().filter(l -> l.startsWith("FROM ")).count())
        .as("multi-stage")
        .isGreaterThanOrEqualTo(2);
    assertThat(docker).anyMatch(l -> l.startsWith("USER ") && !l.contains("root"));
    assertThat(docker).anyMatch(l -> l.startsWith("HEALTHCHECK"));
    String script = Files.readString(Path.of("scripts/ecs-autoscaling.sh"));
    assertThat(script)
        .contains("CPU_TARGET:-70")
        .contains("SCALE_OUT_COOLDOWN:-60")
        .contains("SCALE_IN_COOLDOWN:-300");
  }
}
