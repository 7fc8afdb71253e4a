package org.disclosuredesk.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Clients registering applications as fast as the node answers, each with a name of its own, and what
 * each registration was answered: the cases answered 201 are those the API has acknowledged.
 */
final class RegistrationLoad {

  /** A case the API acknowledged (201): its number and the applicant named in the request. */
  record Acknowledged(String caseNumber, String applicantName) {}

  /** One answer: when it came (ms since the load started), its status and how long it took. */
  record Outcome(long atMillis, int status, long tookMillis, String body) {}

  private final Supplier<NodeClient> node;
  private final String receivedOn;
  private final String email;
  private final AtomicBoolean running = new AtomicBoolean();
  private final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
  private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private long startedAt;

  /** @param node the node to send to (asked anew for each request, so that a restarted node is found) */
  RegistrationLoad(Supplier<NodeClient> node, String receivedOnOrNull, String emailOrNull) {
    this.node = node;
    this.receivedOn = receivedOnOrNull;
    this.email = emailOrNull;
  }

  void start(int clients) {
    running.set(true);
    startedAt = System.nanoTime();
    for (int c = 1; c <= clients; c++) {
      int client = c;
      Thread t = new Thread(() -> run(client), "registration-client-" + client);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  private void run(int client) {
    for (int i = 1; running.get(); i++) {
      String name = "测试申请人" + client + "号" + i;
      NodeClient.Answer a = node.get().post("reception", "/api/requests", body(name));
      outcomes.add(new Outcome(sinceStart(), a.status(), a.millis(), a.status() == 201 ? "" : a.body()));
      if (a.status() == 201) {
        acknowledged.add(new Acknowledged(a.json().path("caseNumber").asText(), name));
      } else {
        pause(200); // the node is away or busy: do not spin
      }
    }
  }

  String body(String name) {
    return body(name, email);
  }

  String body(String name, String email) {
    return """
        {"channel":"IN_PERSON",%s
         "applicant":{"type":"NATURAL_PERSON","name":"%s","idType":"RESIDENT_ID","idNumber":"11010519491231002X",
                      "phone":"13800000000"%s,"address":"示例市人民路1号"},
         "description":"2025年城市总体规划修编的批复文件","purpose":"研究","format":"PAPER","delivery":"PICKUP"}"""
        .formatted(receivedOn == null ? ""
                : "\"receivedOn\":\"" + receivedOn + "\",\"lateRegistrationReason\":\"信函早已签收，今日补登\",", name,
            email == null ? "" : ",\"email\":\"" + email + "\"");
  }

  /** Waits until this many cases were acknowledged (fails after the timeout). */
  void awaitAcknowledged(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (acknowledged.size() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + acknowledged.size() + " of " + count + " registrations acknowledged within "
            + timeout + "; answers: " + statusCounts() + " last: " + last());
      }
      pause(50);
    }
  }

  /** Stops the clients and waits for the requests in flight. */
  void stop() throws InterruptedException {
    running.set(false);
    for (Thread t : threads) {
      t.join(60_000);
    }
  }

  List<Acknowledged> acknowledged() {
    synchronized (acknowledged) {
      return List.copyOf(acknowledged);
    }
  }

  List<Outcome> outcomes() {
    synchronized (outcomes) {
      return List.copyOf(outcomes);
    }
  }

  long sinceStart() {
    return (System.nanoTime() - startedAt) / 1_000_000;
  }

  /** How many answers had each status (-1: no answer, e.g. the node was killed). */
  Map<Integer, Long> statusCounts() {
    Map<Integer, Long> counts = new TreeMap<>();
    outcomes().forEach(o -> counts.merge(o.status(), 1L, Long::sum));
    return counts;
  }

  private Outcome last() {
    List<Outcome> all = outcomes();
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
