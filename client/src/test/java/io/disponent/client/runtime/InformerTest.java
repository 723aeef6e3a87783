package io.disponent.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.disponent.client.DeleteOptions;
import io.disponent.client.Gvr;
import io.disponent.client.MemoryApi;
import io.disponent.client.PatchType;
import io.disponent.crds.model.Models;
import io.disponent.crds.model.Task;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InformerTest {

  @Test
  void decodesEachObjectOnceWhenItArrivesAndAnswersTypedValuesWithTheirJson() {
    MemoryApi api = new MemoryApi();
    api.create(Gvr.TASKS, "ns", MemoryApi.task("ns", "t1", "n1"));
    AtomicInteger decodes = new AtomicInteger();
    List<String> seen = new CopyOnWriteArrayList<>();
    try (Informer<Task> tasks = new Informer<>(api, Gvr.TASKS, null, null, null, j -> {
      decodes.incrementAndGet();
      return Models.read(j, Task.class);
    })) {
      tasks.addIndex("node", Indexers.byField("spec.nodeName")).addHandler(new CachedHandler<Task>() {
        @Override
        public void onAdd(Cached<Task> t) {
          seen.add("add " + t.value().metadata().getName());
        }

        @Override
        public void onUpdate(Cached<Task> previous, Cached<Task> t) {
          seen.add("update " + previous.value().spec().nodeName() + "->" + t.value().spec().nodeName());
        }

        @Override
        public void onDelete(Cached<Task> t) {
          seen.add("delete " + t.value().metadata().getName());
        }
      }).start();
      await().atMost(Duration.ofSeconds(5)).until(tasks::hasSynced);
      api.patch(Gvr.TASKS, "ns", "t1", PatchType.MERGE, Models.MAPPER.createObjectNode().set("spec",
          Models.MAPPER.createObjectNode().put("nodeName", "n2")));
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);

      for (int pass = 0; pass < 3; pass++) {
        assertThat(tasks.get("ns", "t1")).get().extracting(t -> t.spec().nodeName()).isEqualTo("n2");
        assertThat(tasks.byIndex("node", "n2")).hasSize(1);
        assertThat(tasks.byIndex("node", "n1")).isEmpty();
        Cached<Task> c = tasks.getCached("ns", "t1").orElseThrow();
        assertThat(c.json().path("spec").path("nodeName").asText()).isEqualTo(c.value().spec().nodeName());
        assertThat(tasks.listCached()).containsExactly(c);
        assertThat(tasks.byIndexCached("node", "n2")).containsExactly(c);
      }
      assertThat(decodes).as("one decode per arrival, none per read").hasValue(2);

      api.delete(Gvr.TASKS, "ns", "t1", DeleteOptions.DEFAULT);
      await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
      assertThat(seen).containsExactly("add t1", "update n1->n2", "delete t1");
      assertThat(tasks.listCached()).isEmpty();
    }
  }

  @Test
  void anObjectThatCannotBeDecodedIsSkippedNotFatal() {
    MemoryApi api = new MemoryApi();
    api.create(Gvr.TASKS, "ns", MemoryApi.task("ns", "good", null));
    api.create(Gvr.TASKS, "ns", MemoryApi.task("ns", "bad", null).put("spec", "not an object"));
    try (Informer<Task> tasks = Informer.of(api, Gvr.TASKS, Task.class).start()) {
      await().atMost(Duration.ofSeconds(5)).until(tasks::hasSynced);
      assertThat(tasks.list()).extracting(t -> t.metadata().getName()).containsExactly("good");
    }
  }
}
