package io.disponent.apiserver.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fabric8 kubernetes-client, a controller author's ordinary tooling, against the server. */
@org.junit.jupiter.api.Timeout(60)
class Fabric8IT {

  @TempDir static Path dir;
  static ServerFixture fixture;
  static KubernetesClient client;

  @BeforeAll
  static void start() {
    fixture = ServerFixture.start(dir);
    client = new KubernetesClientBuilder()
        .withConfig(new ConfigBuilder().withMasterUrl(fixture.api().url()).withNamespace("default").build())
        .build();
  }

  @AfterAll
  static void stop() {
    if (client != null) {
      client.close();
    }
    if (fixture != null) {
      fixture.close();
    }
  }

  static MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
      services() {
    return client.genericKubernetesResources("disponent.io/v1", "Service");
  }

  static GenericKubernetesResource service(String ns, String name, int instances) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("disponent.io/v1")
        .withKind("Service")
        .withNewMetadata().withName(name).withNamespace(ns).addToLabels("app", name).endMetadata()
        .withAdditionalProperties(Map.of("spec", Map.of(
            "instances", instances,
            "template", Map.of("spec", Map.of("command", List.of("sleep", "3600"))))))
        .build();
  }

  static void namespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  @SuppressWarnings("unchecked")
  static int instances(GenericKubernetesResource r) {
    return ((Number) ((Map<String, Object>) r.getAdditionalProperties().get("spec")).get("instances")).intValue();
  }

  @Test
  void versionAndDiscovery() {
    assertThat(client.getKubernetesVersion().getMajor()).isEqualTo("1");
    assertThat(client.supports("disponent.io/v1", "Service")).isTrue();
    assertThat(client.getApiGroups().getGroups()).anySatisfy(g -> assertThat(g.getName()).isEqualTo("disponent.io"));
  }

  @Test
  void crudOfGenericResources() {
    namespace("f8crud");
    GenericKubernetesResource created = services().inNamespace("f8crud").resource(service("f8crud", "web", 2)).create();
    assertThat(created.getMetadata().getUid()).isNotEmpty();
    assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);

    GenericKubernetesResource got = services().inNamespace("f8crud").withName("web").get();
    assertThat(instances(got)).isEqualTo(2);

    GenericKubernetesResource edited = services().inNamespace("f8crud").withName("web").edit(r -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
      spec.put("instances", 4);
      return r;
    });
    assertThat(instances(edited)).isEqualTo(4);
    assertThat(edited.getMetadata().getGeneration()).isEqualTo(2L);

    // A replace with a stale resourceVersion is a 409.
    GenericKubernetesResource stale = service("f8crud", "web", 5);
    stale.getMetadata().setResourceVersion(created.getMetadata().getResourceVersion());
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(KubernetesClientException.class,
        () -> services().inNamespace("f8crud").resource(stale).update()).getCode()).isEqualTo(409);

    services().inNamespace("f8crud").resource(service("f8crud", "db", 1)).create();
    assertThat(services().inNamespace("f8crud").list().getItems()).hasSize(2);
    assertThat(services().inNamespace("f8crud").withLabel("app", "db").list().getItems())
        .extracting(r -> r.getMetadata().getName()).containsExactly("db");

    // Server-side apply.
    GenericKubernetesResource applied = services().inNamespace("f8crud").resource(service("f8crud", "applied", 3))
        .fieldManager("f8").forceConflicts().serverSideApply();
    assertThat(instances(applied)).isEqualTo(3);

    // Scale subresource.
    services().inNamespace("f8crud").withName("db").scale(3);
    assertThat(instances(services().inNamespace("f8crud").withName("db").get())).isEqualTo(3);

    assertThat(services().inNamespace("f8crud").withName("web").delete()).hasSize(1);
    await().atMost(Duration.ofSeconds(5))
        .until(() -> services().inNamespace("f8crud").withName("web").get() == null);
  }

  @Test
  void watchReceivesEvents() throws Exception {
    namespace("f8watch");
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    try (Watch w = services().inNamespace("f8watch").watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, GenericKubernetesResource r) {
        events.add(action + " " + r.getMetadata().getName());
      }

      @Override
      public void onClose(WatcherException cause) {
      }
    })) {
      services().inNamespace("f8watch").resource(service("f8watch", "a", 1)).create();
      assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("ADDED a");
      services().inNamespace("f8watch").withName("a").edit(r -> {
        r.getMetadata().getLabels().put("changed", "yes");
        return r;
      });
      assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("MODIFIED a");
      services().inNamespace("f8watch").withName("a").delete();
      assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("DELETED a");
    }
  }

  @Test
  void informerCacheConverges() {
    namespace("f8inf");
    services().inNamespace("f8inf").resource(service("f8inf", "pre", 1)).create();
    List<String> seen = new CopyOnWriteArrayList<>();
    SharedIndexInformer<GenericKubernetesResource> informer = services().inNamespace("f8inf").inform(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(GenericKubernetesResource r) {
            seen.add("add " + r.getMetadata().getName());
          }

          @Override
          public void onUpdate(GenericKubernetesResource old, GenericKubernetesResource r) {
            if (!old.getMetadata().getResourceVersion().equals(r.getMetadata().getResourceVersion())) {
              seen.add("update " + r.getMetadata().getName());
            }
          }

          @Override
          public void onDelete(GenericKubernetesResource r, boolean unknownFinalState) {
            seen.add("delete " + r.getMetadata().getName());
          }
        });
    try {
      assertThat(informer.hasSynced()).isTrue();
      assertThat(cacheNames(informer)).containsExactly("pre");

      services().inNamespace("f8inf").resource(service("f8inf", "a", 1)).create();
      services().inNamespace("f8inf").resource(service("f8inf", "b", 1)).create();
      services().inNamespace("f8inf").withName("a").edit(r -> {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) r.getAdditionalProperties().get("spec");
        spec.put("instances", 7);
        return r;
      });
      services().inNamespace("f8inf").withName("pre").delete();

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        assertThat(cacheNames(informer)).containsExactlyInAnyOrder("a", "b");
        assertThat(instances(informer.getStore().getByKey("f8inf/a"))).isEqualTo(7);
      });
      assertThat(seen).contains("add pre", "add a", "add b", "update a", "delete pre");
    } finally {
      informer.close();
    }
  }

  @Test
  void eventsV1AndTheReviewsWorkThroughTheClient() {
    client.events().v1().events().inNamespace("default").resource(new EventBuilder()
        .withNewMetadata().withName("recorded").endMetadata()
        .withEventTime(new MicroTime("2026-12-06T03:00:00.000001Z"))
        .withReportingController("disponent.io/test").withReportingInstance("test-1").withAction("Testing")
        .withReason("Recorded").withType("Normal").withNote("through events.k8s.io/v1")
        .withNewRegarding().withKind("Task").withName("web-1").withNamespace("default").endRegarding()
        .build()).create();
    assertThat(client.v1().events().inNamespace("default").withName("recorded").get().getMessage())
        .isEqualTo("through events.k8s.io/v1");
    assertThat(client.events().v1().events().inNamespace("default").withName("recorded").get().getRegarding().getName())
        .isEqualTo("web-1");

    GenericKubernetesResource rules = client.genericKubernetesResources("authorization.k8s.io/v1", "SelfSubjectRulesReview")
        .resource(new GenericKubernetesResourceBuilder().withApiVersion("authorization.k8s.io/v1")
            .withKind("SelfSubjectRulesReview").withAdditionalProperties(Map.of("spec", Map.of("namespace", "default")))
            .build())
        .create();
    assertThat(rules.get("status", "resourceRules").toString()).isEqualTo("[{verbs=[*], apiGroups=[*], resources=[*]}]");
  }

  static List<String> cacheNames(SharedIndexInformer<GenericKubernetesResource> informer) {
    return informer.getStore().list().stream().map(r -> r.getMetadata().getName()).sorted()
        .collect(Collectors.toList());
  }
}
