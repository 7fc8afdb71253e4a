package org.disclosuredesk.benchmark;

import org.disclosuredesk.agency.Agency;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.disclosuredesk.DisclosureDeskApplication;
import org.disclosuredesk.intake.CaseRegistration;
import org.disclosuredesk.route.RequestJson;
import org.disclosuredesk.route.RouteTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The performance benchmark of issue 11 — not part of the test suite; run it with {@code ./mvnw -Pbench verify}.
 * One run on one PostgreSQL server (own databases, created and dropped):
 * <ol>
 *   <li>the application's route driven in-process (our registration service, then TaskService/FormService);</li>
 *   <li>the application over HTTP as its users drive it: /api registration (HTTP Basic), Tasklist's own calls for the
 *       tasks (webapp session + XSRF: task query, claim, form variables, submit-form); then the portal path;</li>
 *   <li>the same route's BPMN stripped to no-ops ({@link StrippedRoute}), deployed into the application and driven over
 *       the same webapp path, and in-process on a plain engine (history full) through FormService; these four paths
 *       in turn, {@code bench.passes} (3) times, the last pass being the result ({@link #PASSES});</li>
 *   <li>query latency over a register of {@code bench.open} open + {@code bench.closed} closed cases, with Camunda's own
 *       queries for the same answers (over engine REST, on engine rows seeded alike) as the baseline;</li>
 *   <li>a timer burst: {@code bench.timers} reply deadlines due at once, time until every escalation task exists;</li>
 *   <li>footprint: start-up, heap after start and under load, database size per closed case.</li>
 * </ol>
 * Prints a table with the targets (PASS/MISS) and writes target/bench/results.json. Sizes: -Dbench.cases,
 * -Dbench.warmup, -Dbench.passes, -Dbench.clients, -Dbench.portal, -Dbench.open, -Dbench.closed, -Dbench.timers, -Dbench.queries.
 */
class DisclosureDeskBenchmark {

  static final int CASES = Integer.getInteger("bench.cases", 300);
  static final int WARMUP = Integer.getInteger("bench.warmup", 20);
  static final int CLIENTS = Integer.getInteger("bench.clients", 4);
  static final int PORTAL = Integer.getInteger("bench.portal", 100);
  static final int OPEN = Integer.getInteger("bench.open", 20_000);
  static final int CLOSED = Integer.getInteger("bench.closed", 200_000);
  static final int TIMERS = Integer.getInteger("bench.timers", 5_000);
  static final int QUERIES = Integer.getInteger("bench.queries", 100);
  static final int QUERY_WARMUP = Integer.getInteger("bench.queryWarmup", 20);
  static final long STATS_WAIT_MS = Long.getLong("bench.statsWaitMillis", 11_000);

  static final String A = "default";
  static final Map<String, List<String>> GROUPS = Map.of("reception", List.of("reception"),
      "officer-planning", List.of("dept-planning"), "reviewer", List.of("confidentiality"));

  /** One case driven from registration to CLOSED by one client. */
  interface CaseDriver {
    void drive(String tag, int n, Latencies latencies) throws Exception;
  }

  /** Per-operation latencies (ms) of a phase. */
  static final class Latencies {
    final List<Double> registration = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<Double> wholeCase = java.util.Collections.synchronizedList(new ArrayList<>());
  }

  record Phase(String name, boolean overHttp, int cases, double seconds, double casesPerSecond, double jvmCpuMsPerCase,
      double clientCpuMsPerCase, double pgCpuMsPerCase, double commitsPerCase, double registrationP95Ms,
      double caseP95Ms) {
    /** In-process the driving threads do the application's work; over HTTP they are the users' browsers. */
    double serverCpuMsPerCase() {
      return jvmCpuMsPerCase - (overHttp ? clientCpuMsPerCase : 0) + Math.max(0, pgCpuMsPerCase);
    }
  }

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final List<Phase> phases = new ArrayList<>();
  /** The phases of the passes before the last (see {@link #PASSES}). */
  private final List<List<Phase>> earlierPasses = new ArrayList<>();
  /** "" in the last pass, " pass 1" … before it: the suffix of a pass's figures. */
  private String passLabel = "";
  private final List<String[]> targetRows = new ArrayList<>();
  private final AtomicLong peakHeap = new AtomicLong();
  /** Cases driven per path in warm-up rounds (their number depends on the JIT, see {@link #warm}). */
  private final Map<String, Integer> warmedCases = new java.util.concurrent.ConcurrentHashMap<>();
  private BenchProbe probe;
  private ConfigurableApplicationContext app;
  private int port;
  private String today;

  @Test
  void run() throws Exception {
    long started = System.nanoTime();
    probe = new BenchProbe();
    String appDb = probe.createDatabase("app");
    String bareDb = probe.createDatabase("bare");
    Thread heapSampler = heapSampler();
    try {
      // (f) start-up and heap after start
      long t0 = System.nanoTime();
      app = new SpringApplicationBuilder(DisclosureDeskApplication.class).profiles("postgres").run(
          "--server.port=0", "--spring.datasource.url=" + BenchProbe.url(appDb),
          "--spring.datasource.username=" + BenchProbe.USER, "--spring.datasource.password=" + BenchProbe.PASSWORD,
          "--camunda.bpm.database.schema-update=true", "--logging.level.root=WARN",
          "--logging.level.org.disclosuredesk=WARN");
      double startup = (System.nanoTime() - t0) / 1e9;
      port = ((WebServerApplicationContext) app).getWebServer().getPort();
      today = LocalDate.now(app.getBean(java.time.Clock.class)).toString();
      figures.put("startupSeconds", startup);
      BenchProbe.awaitBackgroundStartWork();
      figures.put("heapAfterStartMB", BenchProbe.usedHeapAfterGc() / 1048576.0);
      heapSampler.start();
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      deployStripped(engine);

      // one warm-up round over every path of the application's JVM first, so that no measured path pays for
      // the JIT and the caches of the paths measured after it
      warmUp("application in-process", http -> appInProcess());
      warmUp("application over HTTP (API + Tasklist session)", this::appOverHttp);
      warmUp("stripped BPMN over HTTP (Tasklist session)", this::strippedOverHttp);
      ProcessEngine bare = bareEngine(bareDb);
      try {
        // the four paths in turn, PASSES times; the last pass is the result (see PASSES)
        for (int pass = 1; pass <= PASSES; pass++) {
          boolean first = pass == 1;
          boolean last = pass == PASSES;
          passLabel = last ? "" : " pass " + pass;
          List<Phase> ran = new ArrayList<>();
          long sizeBefore = probe.databaseBytes(appDb);
          long closedBefore = count(appDb, "select count(*) from dd_case where status = 'CLOSED'");
          ran.add(phase("application in-process", appDb, http -> appInProcess(), first));
          ran.add(phase("application over HTTP (API + Tasklist session)", appDb, this::appOverHttp, first));
          if (last) {
            long closedCases = count(appDb, "select count(*) from dd_case where status = 'CLOSED'") - closedBefore;
            figures.put("dbBytesPerClosedCase", (probe.databaseBytes(appDb) - sizeBefore) / (double) closedCases);
            figures.put("heapUnderLoadPeakMB", peakHeap.get() / 1048576.0);
            portal();
          }
          ran.add(phase("stripped BPMN over HTTP (Tasklist session)", appDb, this::strippedOverHttp, first));
          ran.add(phase("stripped BPMN in-process (plain engine)", bareDb, strippedInProcess(bare), first));
          if (last) {
            phases.addAll(ran);
          } else {
            earlierPasses.add(ran);
            ratios(ran, passLabel);
          }
        }
      } finally {
        bare.close();
      }
      verifyClosed(appDb);

      queries(appDb, engine);
      timerBurst(appDb, engine);
      figures.put("heapAfterLoadMB", BenchProbe.usedHeapAfterGc() / 1048576.0);
    } finally {
      heapSampler.interrupt();
      if (app != null) {
        app.close();
      }
      probe.dropDatabase(appDb);
      probe.dropDatabase(bareDb);
      probe.close();
    }
    figures.put("benchmarkMinutes", (System.nanoTime() - started) / 60e9);
    report();
  }

  // --- the route, four ways ---------------------------------------------------------------------

  private static final Map<String, Object> ACCEPT = Map.of("completeness", "COMPLETE", "department", "planning");
  private static final Map<String, Object> PROPOSE = Map.of("handlingAction", "PROPOSE_REPLY", "proposedOutcome", "DISCLOSE",
      "replyNote", "相关信息随答复书一并提供");
  private static final Map<String, Object> APPROVE = Map.of("reviewResult", "APPROVE");

  private Map<String, Object> delivered() {
    return Map.of("deliveredOn", today, "deliveryMethod", "PICKUP");
  }

  /** Per client: our registration service, then each task as Tasklist does it but through the Java API. */
  private CaseDriver appInProcess() {
    CaseRegistration registration = app.getBean(CaseRegistration.class);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    return (tag, n, lat) -> {
      long t = System.nanoTime();
      // as POST /api/requests does it: our service, no engine authentication (the route's own start)
      String caseNumber = registration.registerAndStart(Agency.DEFAULT, RouteTestSupport.walkIn("2025年城市总体规划修编的批复文件",
          LocalDate.parse(today)), null, "reception").caseNumber();
      lat.registration.add((System.nanoTime() - t) / 1e6);
      workInProcess(engine, caseNumber, "reception", "Task_CheckCompleteness", ACCEPT);
      workInProcess(engine, caseNumber, "officer-planning", "Task_HandleRequest", PROPOSE);
      workInProcess(engine, caseNumber, "reviewer", "Task_ConfidentialityReview", APPROVE);
      workInProcess(engine, caseNumber, "reception", "Task_RecordDelivery", delivered());
      lat.wholeCase.add((System.nanoTime() - t) / 1e6);
    };
  }

  private static void workInProcess(ProcessEngine engine, String businessKey, String user, String taskKey,
      Map<String, Object> values) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, GROUPS.get(user), List.of(Agency.DEFAULT)); // the agency is its tenant
    try {
      TaskService tasks = engine.getTaskService();
      FormService forms = engine.getFormService();
      Task task = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
      if (task == null) {
        throw new IllegalStateException("no task " + taskKey + " for " + businessKey);
      }
      tasks.claim(task.getId(), user);
      forms.getTaskFormVariables(task.getId());
      forms.submitTaskForm(task.getId(), new java.util.HashMap<>(values));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Per client: reception's desk software on /api, and three Tasklist users signed in once. */
  private CaseDriver appOverHttp(HttpClient http) throws Exception {
    String base = "http://127.0.0.1:" + port;
    BenchHttp.Api api = new BenchHttp.Api(http, base, "reception");
    Map<String, BenchHttp.TasklistSession> sessions = sessions(base);
    String body = RequestJson.WALK_IN.replace("2026-03-02", today);
    return (tag, n, lat) -> {
      long t = System.nanoTime();
      String caseNumber = api.post("/api/requests", body, 201).path("caseNumber").asText();
      lat.registration.add((System.nanoTime() - t) / 1e6);
      sessions.get("reception").work(caseNumber, "Task_CheckCompleteness", ACCEPT);
      sessions.get("officer-planning").work(caseNumber, "Task_HandleRequest", PROPOSE);
      sessions.get("reviewer").work(caseNumber, "Task_ConfidentialityReview", APPROVE);
      sessions.get("reception").work(caseNumber, "Task_RecordDelivery", delivered());
      lat.wholeCase.add((System.nanoTime() - t) / 1e6);
    };
  }

  private Map<String, BenchHttp.TasklistSession> sessions(String base) throws Exception {
    Map<String, BenchHttp.TasklistSession> sessions = new LinkedHashMap<>();
    for (String user : GROUPS.keySet()) {
      sessions.put(user, new BenchHttp.TasklistSession(BenchHttp.client(clientThreads, true), base, user));
    }
    return sessions;
  }

  private static final Map<String, Object> REGISTRATION_FORM = Map.ofEntries(Map.entry("channel", "IN_PERSON"),
      Map.entry("applicantType", "NATURAL_PERSON"), Map.entry("applicantName", "张三"), Map.entry("idType", "RESIDENT_ID"),
      Map.entry("idNumber", RouteTestSupport.VALID_RESIDENT_ID), Map.entry("phone", "13800000000"),
      Map.entry("description", "2025年城市总体规划修编的批复文件"), Map.entry("format", "PAPER"), Map.entry("delivery", "PICKUP"));
  /** The stripped route's gateways read the proposal itself (StrippedRoute): the same fields as the application's. */
  private static final Map<String, Object> PROPOSE_STRIPPED = Map.of("handlingAction", "PROPOSE_REPLY",
      "proposedOutcome", "DISCLOSE", "replyNote", "相关信息随答复书一并提供");

  /** The stripped route through the same webapp session calls (the start form stands for the registration). */
  private CaseDriver strippedOverHttp(HttpClient http) throws Exception {
    Map<String, BenchHttp.TasklistSession> sessions = sessions("http://127.0.0.1:" + port);
    return (tag, n, lat) -> {
      long t = System.nanoTime();
      String key = "ST-H-" + tag + "-" + n;
      sessions.get("reception").start(StrippedRoute.KEY, key, REGISTRATION_FORM);
      lat.registration.add((System.nanoTime() - t) / 1e6);
      sessions.get("reception").work(key, "Task_CheckCompleteness", ACCEPT);
      sessions.get("officer-planning").work(key, "Task_HandleRequest", PROPOSE_STRIPPED);
      sessions.get("reviewer").work(key, "Task_ConfidentialityReview", APPROVE);
      sessions.get("reception").work(key, "Task_RecordDelivery", delivered());
      lat.wholeCase.add((System.nanoTime() - t) / 1e6);
    };
  }

  private ClientFactory strippedInProcess(ProcessEngine bare) {
    String definitionId = bare.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(StrippedRoute.KEY)
        .latestVersion().singleResult().getId();
    return http -> (tag, n, lat) -> {
      long t = System.nanoTime();
      String key = "ST-I-" + tag + "-" + n;
      bare.getIdentityService().setAuthentication("reception", GROUPS.get("reception"));
      try {
        bare.getFormService().submitStartForm(definitionId, key, new java.util.HashMap<>(REGISTRATION_FORM));
      } finally {
        bare.getIdentityService().clearAuthentication();
      }
      lat.registration.add((System.nanoTime() - t) / 1e6);
      workInProcess(bare, key, "reception", "Task_CheckCompleteness", ACCEPT);
      workInProcess(bare, key, "officer-planning", "Task_HandleRequest", PROPOSE_STRIPPED);
      workInProcess(bare, key, "reviewer", "Task_ConfidentialityReview", APPROVE);
      workInProcess(bare, key, "reception", "Task_RecordDelivery", delivered());
      lat.wholeCase.add((System.nanoTime() - t) / 1e6);
    };
  }

  private void deployStripped(ProcessEngine engine) {
    engine.getRepositoryService().createDeployment().name("benchmark").addModelInstance("stripped-request.bpmn",
        StrippedRoute.generate()).deploy();
    AuthorizationService auth = engine.getAuthorizationService();
    Authorization a = auth.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    a.setGroupId("reception");
    a.setResource(Resources.PROCESS_DEFINITION);
    a.setResourceId(StrippedRoute.KEY);
    a.addPermission(ProcessDefinitionPermissions.READ);
    a.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    auth.saveAuthorization(a);
  }

  private static ProcessEngine bareEngine(String db) {
    ProcessEngine bare = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
        .setJdbcUrl(BenchProbe.url(db)).setJdbcUsername(BenchProbe.USER).setJdbcPassword(BenchProbe.PASSWORD)
        .setJdbcDriver("org.postgresql.Driver").setJdbcMaxActiveConnections(20)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
        .setProcessEngineName("benchmark-bare").buildProcessEngine();
    bare.getRepositoryService().createDeployment().addModelInstance("stripped-request.bpmn", StrippedRoute.generate())
        .deploy();
    return bare;
  }

  // --- running a phase ----------------------------------------------------------------------------

  interface ClientFactory {
    CaseDriver create(HttpClient http) throws Exception;
  }

  private ExecutorService clientThreads;

  /**
   * How many times the four paths are measured in turn ({@code bench.passes}, 3); the last pass is the result, the
   * earlier ones are printed beside it. In one pass the application's in-process path was measured first, its code
   * still being compiled, and the plain engine last, on engine classes that the application's paths had long made
   * hot (it shares them): the JIT's time per case, printed for each phase, was 100 ms for the application in-process
   * against 25 ms for the plain engine. Over passes every path runs after all the others have run; in a trial of
   * four passes the application's in-process JVM CPU per case fell from 96 to 82, 63 and 50 ms while the plain
   * engine's went from 43 to 38, 25 and 24 ms: a server that has run for an hour is at the last figures.
   */
  static final int PASSES = Integer.getInteger("bench.passes", 3);

  private Phase phase(String name, String db, ClientFactory factory, boolean warmFirst) throws Exception {
    clientThreads = Executors.newFixedThreadPool(CLIENTS * 4, named("bench-http-"));
    ExecutorService workers = Executors.newFixedThreadPool(CLIENTS, named("bench-client-"));
    try {
      List<CaseDriver> drivers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        drivers.add(factory.create(BenchHttp.client(clientThreads, false)));
      }
      if (warmFirst) {
        warm(name, workers, drivers, "w");
      }
      long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      long commits0 = probe.commits(db, STATS_WAIT_MS);
      Map<Integer, Long> pg0 = probe.backendTicks(db);
      probe.resetStatements();
      long cpu0 = BenchProbe.processCpuNanos();
      long client0 = BenchProbe.clientCpuNanos();
      long t0 = System.nanoTime();
      java.time.Instant from = java.time.Instant.now();
      Latencies lat = new Latencies();
      runAll(workers, drivers, "m", CASES, lat);
      double seconds = (System.nanoTime() - t0) / 1e9;
      long cpu = BenchProbe.processCpuNanos() - cpu0;
      long client = BenchProbe.clientCpuNanos() - client0;
      long pg = BenchProbe.backendNanos(pg0, probe.backendTicks(db));
      long commits = probe.commits(db, STATS_WAIT_MS) - commits0;
      probe.printStatements(db, name, CASES);
      figures.put("jitMsPerCase " + name + passLabel, (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0)
          / (double) CASES);
      Phase p = new Phase(name, name.contains("HTTP"), CASES, seconds, CASES / seconds, cpu / 1e6 / CASES, client / 1e6 / CASES,
          pg < 0 ? -1 : pg / 1e6 / CASES, commits / (double) CASES, p95(lat.registration), p95(lat.wholeCase));
      System.out.printf(Locale.ROOT, "[bench] %s: %.1f cases/s, %.0f ms JVM CPU/case, %.0f ms PostgreSQL CPU/case, %.1f commits/case"
          + " (measured %s – %s, for matching a profile)%n", name, p.casesPerSecond(), p.jvmCpuMsPerCase(), p.pgCpuMsPerCase(),
          p.commitsPerCase(), from, from.plusNanos((long) (seconds * 1e9)));
      return p;
    } finally {
      workers.shutdownNow();
      clientThreads.shutdownNow();
    }
  }

  private void warmUp(String path, ClientFactory factory) throws Exception {
    clientThreads = Executors.newFixedThreadPool(CLIENTS * 4, named("bench-http-"));
    ExecutorService workers = Executors.newFixedThreadPool(CLIENTS, named("bench-client-"));
    try {
      List<CaseDriver> drivers = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        drivers.add(factory.create(BenchHttp.client(clientThreads, false)));
      }
      warm(path, workers, drivers, "g");
    } finally {
      workers.shutdownNow();
      clientThreads.shutdownNow();
    }
  }

  /**
   * Warm-up rounds of {@code bench.warmup} cases until the JIT is quiet: its compiler threads busy for less than a
   * tenth of a round (at most {@code bench.maxWarmupRounds}, 3, rounds). The application's paths run more code than
   * the stripped route, so one round left the JIT compiling through their measured phases (JFR: 113 ms of
   * compilation per case while the application in-process was measured, 39 ms while the plain engine was), which
   * counted against them in CPU and throughput. Each phase records the compilation time it still saw
   * ({@code jitMsPerCase}): on 2 cores the JIT did not fall quiet within 6 rounds in a trial run, so this evens the
   * paths out rather than removing the JIT from the figures.
   */
  private void warm(String path, ExecutorService workers, List<CaseDriver> drivers, String tag) throws Exception {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    for (int round = 0; round < MAX_WARMUP_ROUNDS; round++) {
      long compiled0 = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      runAll(workers, drivers, tag + round, WARMUP, new Latencies());
      warmedCases.merge(path, WARMUP, Integer::sum);
      double wallMs = (System.nanoTime() - t0) / 1e6;
      if (jit.getTotalCompilationTime() - compiled0 < 0.1 * wallMs) {
        return;
      }
    }
  }

  static final int MAX_WARMUP_ROUNDS = Integer.getInteger("bench.maxWarmupRounds", 3);

  private static void runAll(ExecutorService workers, List<CaseDriver> drivers, String tag, int cases, Latencies lat)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(drivers.size());
    for (CaseDriver d : drivers) {
      workers.submit(() -> {
        try {
          for (int n = next.getAndIncrement(); n < cases && failure.get() == null; n = next.getAndIncrement()) {
            d.drive(tag + System.identityHashCode(lat), n, lat);
          }
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private void portal() throws Exception {
    clientThreads = Executors.newFixedThreadPool(CLIENTS * 2, named("bench-http-"));
    ExecutorService workers = Executors.newFixedThreadPool(CLIENTS, named("bench-client-"));
    try {
      String base = "http://127.0.0.1:" + port;
      List<CaseDriver> drivers = new ArrayList<>();
      String body = RequestJson.WALK_IN.replace("2026-03-02", today).replace("IN_PERSON", "ONLINE")
          .replace("\"PAPER\"", "\"ELECTRONIC\"").replace("\"PICKUP\"", "\"EMAIL\"");
      for (int c = 0; c < CLIENTS; c++) {
        BenchHttp.Api portal = new BenchHttp.Api(BenchHttp.client(clientThreads, false), base, "portal");
        drivers.add((tag, n, lat) -> {
          long t = System.nanoTime();
          String caseNumber = portal.post("/api/requests", body, 201).path("caseNumber").asText();
          lat.registration.add((System.nanoTime() - t) / 1e6);
          portal.getText("/api/requests/" + caseNumber + "/receipt");
          lat.wholeCase.add((System.nanoTime() - t) / 1e6);
        });
      }
      runAll(workers, drivers, "pw", Math.min(WARMUP, PORTAL), new Latencies());
      Latencies lat = new Latencies();
      long t0 = System.nanoTime();
      runAll(workers, drivers, "p", PORTAL, lat);
      figures.put("portalRegistrationsPerSecond", PORTAL / ((System.nanoTime() - t0) / 1e9));
      figures.put("portalRegistrationP95Ms", p95(lat.registration));
      figures.put("portalRegistrationAndReceiptP95Ms", p95(lat.wholeCase));
    } finally {
      workers.shutdownNow();
      clientThreads.shutdownNow();
    }
  }

  private void verifyClosed(String appDb) throws Exception {
    long appClosed = count(appDb, "select count(*) from dd_case where status = 'CLOSED'");
    long strippedEnded = count(appDb, "select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ like 'ST-H-%'"
        + " and END_TIME_ is not null");
    figures.put("casesVerifiedClosed", appClosed + strippedEnded);
    int expected = 2 * CASES * PASSES + warmedCases.getOrDefault("application in-process", 0)
        + warmedCases.getOrDefault("application over HTTP (API + Tasklist session)", 0);
    int strippedExpected = CASES * PASSES + warmedCases.getOrDefault("stripped BPMN over HTTP (Tasklist session)", 0);
    if (appClosed != expected || strippedEnded != strippedExpected) {
      throw new AssertionError("not every case closed: application " + appClosed + "/" + expected + ", stripped "
          + strippedEnded + "/" + strippedExpected);
    }
    figures.put("warmupCases", new java.util.TreeMap<>(warmedCases).toString());
  }

  // --- (d) queries over a large register --------------------------------------------------------

  private void queries(String appDb, ProcessEngine engine) throws Exception {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("disclosureRequest").latestVersion().singleResult().getId();
    long t0 = System.nanoTime();
    int total = OPEN + CLOSED;
    try (Connection c = DriverManager.getConnection(BenchProbe.url(appDb), BenchProbe.USER, BenchProbe.PASSWORD);
        Statement s = c.createStatement()) {
      // the register: open cases received in the last 30 days (about 1 in 30 overdue), closed ones over 20 months
      s.execute("insert into dd_case (agency_code, case_number, channel, received_on, clock_start_on, regime, due_on,"
          + " applicant_type, applicant_name, description, department, status, outcome, withholding_ground, replied_on,"
          + " closed_on, process_instance_id, current_task, created_at, updated_at)"
          + " select 'default', 'BQ-' || lpad(g::text, 7, '0'), (array['IN_PERSON','LETTER','ONLINE','EMAIL'])[1 + g % 4],"
          + " d, d, 'R2019', d + 28, (array['NATURAL_PERSON','COMMERCIAL_ENTERPRISE'])[1 + g % 2], '申请人' || g, '政府信息' || g,"
          + " (array['planning','finance','office'])[1 + g % 3],"
          + " case when g <= " + OPEN + " then (array['IN_HANDLING','REGISTERED','IN_REVIEW'])[1 + g % 3] else 'CLOSED' end,"
          + " case when g <= " + OPEN + " then null else (array['DISCLOSE','PARTIAL','WITHHOLD','NOT_EXIST','NOT_THIS_AGENCY',"
          + "'ALREADY_PUBLIC','PETITION','REPEAT'])[1 + g % 8] end,"
          + " case when g > " + OPEN + " and g % 8 = 2 then 'THIRD_PARTY_RIGHTS' end,"
          + " case when g > " + OPEN + " then d + g % 40 end, case when g > " + OPEN + " then d + g % 40 end,"
          + " 'bq-' || g, case when g <= " + OPEN + " then '办理申请并拟定答复' end, now(), now()"
          + " from (select g, case when g <= " + OPEN + " then current_date - (g % 30)"
          + " else date '2025-01-02' + (g % 600) end as d from generate_series(1, " + total + ") g) x");
      // the same cases as the engine keeps them: history per instance with its outcome, an open task per open case
      s.execute("insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
          + " END_TIME_, STATE_, ROOT_PROC_INST_ID_) select process_instance_id, process_instance_id, case_number,"
          + " 'disclosureRequest', '" + definitionId + "', received_on + time '09:00', closed_on + time '17:00',"
          + " case when closed_on is null then 'ACTIVE' else 'COMPLETED' end, process_instance_id from dd_case"
          + " where case_number like 'BQ-%'");
      s.execute("insert into ACT_HI_VARINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,"
          + " EXECUTION_ID_, ACT_INST_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, TEXT_, STATE_) select 'bqv-' || case_number,"
          + " 'disclosureRequest', '" + definitionId + "', process_instance_id, process_instance_id, process_instance_id,"
          + " process_instance_id, 'outcome', 'string', closed_on + time '17:00', 0, outcome, 'CREATED' from dd_case"
          + " where case_number like 'BQ-%' and outcome is not null");
      s.execute("insert into ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_,"
          + " ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, CACHED_ENT_STATE_,"
          + " SEQUENCE_COUNTER_, PROC_DEF_KEY_) select process_instance_id, 1, process_instance_id, process_instance_id,"
          + " case_number, '" + definitionId + "', 'Task_HandleRequest', true, false, true, false, 1, 0, 1,"
          + " 'disclosureRequest' from dd_case where case_number like 'BQ-%' and status <> 'CLOSED'");
      s.execute("insert into ACT_RU_TASK (ID_, REV_, PROC_INST_ID_, EXECUTION_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_,"
          + " PRIORITY_, CREATE_TIME_, LAST_UPDATED_, DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_) select 'bqt-' || case_number, 1,"
          + " process_instance_id, process_instance_id, '" + definitionId + "', current_task, 'Task_HandleRequest', 50,"
          + " received_on + time '09:00', now(), due_on + time '18:00', 1, 'Created' from dd_case"
          + " where case_number like 'BQ-%' and status <> 'CLOSED'");
      s.execute("insert into ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_) select 'bqi-' || case_number, 1,"
          + " 'dept-' || department, 'candidate', 'bqt-' || case_number from dd_case where case_number like 'BQ-%'"
          + " and status <> 'CLOSED'");
      s.execute("analyze");
    }
    figures.put("seedSeconds", (System.nanoTime() - t0) / 1e9);
    String base = "http://127.0.0.1:" + port;
    clientThreads = Executors.newFixedThreadPool(2, named("bench-http-"));
    try {
      BenchHttp.Api supervisor = new BenchHttp.Api(BenchHttp.client(clientThreads, false), base, "supervisor");
      BenchHttp.Api admin = new BenchHttp.Api(BenchHttp.client(clientThreads, false), base, "admin");
      String overdueBefore = LocalDate.parse(today).atStartOfDay().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          + ".000+0800";
      int overdue = BenchHttp.JSON.readTree(supervisor.getText("/api/supervision/cases?filter=overdue")).size();
      figures.put("overdueCasesListed", overdue);
      figures.put("supervisionOverdueListP95Ms", p95(time(QUERIES, () -> supervisor.getText("/api/supervision/cases?filter=overdue"))));
      figures.put("supervisionDueSoonListP95Ms", p95(time(QUERIES, () -> supervisor.getText("/api/supervision/cases?filter=due-soon"))));
      figures.put("camundaOverdueTaskQueryP95Ms", p95(time(QUERIES, () -> admin.getText(
          "/engine-rest/task?dueBefore=" + enc(overdueBefore) + "&sortBy=dueDate&sortOrder=asc"))));
      figures.put("annualReportP95Ms", p95(time(Math.max(5, QUERIES / 10), () -> supervisor.getText("/api/reports/annual/2025"))));
      List<String> outcomes = List.of("DISCLOSE", "PARTIAL", "WITHHOLD", "NOT_EXIST", "NOT_THIS_AGENCY", "ALREADY_PUBLIC",
          "PETITION", "REPEAT");
      figures.put("camundaAnnualCountsP95Ms", p95(time(1, Math.max(5, QUERIES / 10), () -> {
        for (String o : outcomes) {
          admin.post("/engine-rest/history/process-instance/count", "{\"processDefinitionKey\":\"disclosureRequest\","
              + "\"finishedAfter\":\"2025-01-01T00:00:00.000+0800\",\"finishedBefore\":\"2026-01-01T00:00:00.000+0800\","
              + "\"variables\":[{\"name\":\"outcome\",\"operator\":\"eq\",\"value\":\"" + o + "\"}]}", 200);
        }
        return null;
      })));
      AtomicInteger n = new AtomicInteger(OPEN + 1);
      figures.put("casePageP95Ms", p95(time(QUERIES, () -> supervisor.getText("/supervision/cases/BQ-"
          + String.format("%07d", OPEN + 1 + (n.getAndAdd(997) - OPEN) % CLOSED)))));
      figures.put("caseApiP95Ms", p95(time(QUERIES, () -> supervisor.getText("/api/requests/BQ-"
          + String.format("%07d", OPEN + 1 + (n.getAndAdd(997) - OPEN) % CLOSED)))));
      figures.put("camundaCaseHistoryP95Ms", p95(time(QUERIES, () -> {
        String key = "BQ-" + String.format("%07d", OPEN + 1 + (n.getAndAdd(997) - OPEN) % CLOSED);
        String pi = BenchHttp.JSON.readTree(admin.getText("/engine-rest/history/process-instance?processInstanceBusinessKey="
            + key)).get(0).path("id").asText();
        admin.getText("/engine-rest/history/variable-instance?processInstanceId=" + pi);
        return null;
      })));
    } finally {
      clientThreads.shutdownNow();
    }
  }

  // --- (e) timer burst ----------------------------------------------------------------------------

  private void timerBurst(String appDb, ProcessEngine engine) throws Exception {
    // the engine alone first: the stripped route (no listeners, no computed dates) through the same job executor
    burst(appDb, engine, StrippedRoute.KEY, "SB-", "timerBurstStripped");
    LocalDate due = LocalDate.parse(today).plusDays(60);
    try (Connection c = DriverManager.getConnection(BenchProbe.url(appDb), BenchProbe.USER, BenchProbe.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("insert into dd_case (agency_code, case_number, channel, received_on, clock_start_on, regime, due_on,"
          + " applicant_type, applicant_name, description, department, status, created_at, updated_at)"
          + " select 'default', 'TB-' || lpad(g::text, 6, '0'), 'IN_PERSON', current_date, current_date, 'R2019', date '" + due
          + "', 'NATURAL_PERSON', '申请人' || g, '政府信息' || g, 'planning', 'IN_HANDLING', now(), now()"
          + " from generate_series(1, " + TIMERS + ") g");
    }
    burst(appDb, engine, "disclosureRequest", "TB-", "timerBurst");
  }

  /**
   * {@code TIMERS} instances of {@code processKey} waiting at the handling step (their deadline timers set as the
   * route sets them; not measured), their reply deadlines then made due at once: the time until every escalation
   * task exists, and the CPU per escalation of this JVM (the benchmark's own polling is negligible) and of the
   * database's backends.
   */
  private void burst(String appDb, ProcessEngine engine, String processKey, String keyPrefix, String figure)
      throws Exception {
    long t0 = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(CLIENTS, named("bench-client-"));
    try {
      AtomicInteger next = new AtomicInteger(1);
      List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < CLIENTS; w++) {
        futures.add(workers.submit(() -> {
          for (int i = next.getAndIncrement(); i <= TIMERS; i = next.getAndIncrement()) {
            String key = keyPrefix + String.format("%06d", i);
            engine.getRuntimeService().createProcessInstanceByKey(processKey).businessKey(key)
                .setVariable("caseNumber", key).setVariable("department", "planning")
                .startBeforeActivity("Task_HandleRequest").execute();
          }
          return null;
        }));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      workers.shutdownNow();
    }
    figures.put(figure + "SetupSeconds", (System.nanoTime() - t0) / 1e9);
    // the setup makes in seconds what arrives over weeks, after which autovacuum has long analysed the tables; without
    // it, PostgreSQL planned the burst's statements for the tables as they were before the setup (the engine's
    // lookup of a task's group authorization averaged 0.49 ms instead of 0.06 ms, the costliest statement of a burst)
    try (Connection c = DriverManager.getConnection(BenchProbe.url(appDb), BenchProbe.USER, BenchProbe.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("analyze");
    }
    String escalations = "select count(*) from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
        + " where t.TASK_DEF_KEY_ = 'Task_SuperviseOverdueCase' and d.KEY_ = '" + processKey + "'";
    long before = count(appDb, escalations);
    Map<Integer, Long> pg0 = probe.backendTicks(appDb);
    long cpu0 = BenchProbe.processCpuNanos();
    long t1;
    try (Connection c = DriverManager.getConnection(BenchProbe.url(appDb), BenchProbe.USER, BenchProbe.PASSWORD);
        Statement s = c.createStatement()) {
      int made = s.executeUpdate("update ACT_RU_JOB set DUEDATE_ = now() - interval '1 second'"
          + " where JOB_DEF_ID_ in (select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'Timer_ReplyDeadline') and PROCESS_INSTANCE_ID_ in"
          + " (select ID_ from ACT_RU_EXECUTION where BUSINESS_KEY_ like '" + keyPrefix + "%')");
      t1 = System.nanoTime();
      figures.put(figure + "TimersMadeDue", made);
    }
    long deadline = t1 + 8L * 60 * 1_000_000_000;
    long first = -1;
    long escalated = 0;
    while (System.nanoTime() < deadline) {
      escalated = count(appDb, escalations) - before;
      if (escalated > 0 && first < 0) {
        first = System.nanoTime();
      }
      if (escalated >= TIMERS) {
        break;
      }
      Thread.sleep(200);
    }
    long end = System.nanoTime();
    long pg = BenchProbe.backendNanos(pg0, probe.backendTicks(appDb));
    long cpu = BenchProbe.processCpuNanos() - cpu0;
    figures.put(figure + "Escalations", escalated);
    figures.put(figure + "FirstEscalationSeconds", first < 0 ? -1 : (first - t1) / 1e9);
    figures.put(figure + "AllEscalationsSeconds", escalated >= TIMERS ? (end - t1) / 1e9 : -1);
    figures.put(figure + "JvmCpuMsPerEscalation", cpu / 1e6 / Math.max(1, escalated));
    figures.put(figure + "PgCpuMsPerEscalation", pg < 0 ? -1 : pg / 1e6 / Math.max(1, escalated));
    System.out.printf(Locale.ROOT, "[bench] %s: %d escalations in %.1f s, %.1f ms JVM CPU and %.1f ms PostgreSQL CPU each%n",
        processKey, escalated, (end - t1) / 1e9, cpu / 1e6 / Math.max(1, escalated), pg / 1e6 / Math.max(1, escalated));
  }

  // --- report ---------------------------------------------------------------------------------------

  private void report() throws Exception {
    ratios(phases, "");
    Phase appHttp = find(phases, "application over HTTP");
    double httpRatio = num("ratioHttpAppOverStripped");
    double inRatio = num("ratioInProcessAppOverStripped");

    // targets: the issue's, never looser than 2× what was measured when they were set (README, Performance; full run
    // of 2026-11-30 on 2 cores: overdue list 9.5 ms, annual report 152 ms, heap after start 84 MB, 6.2 minutes)
    target("application over HTTP ÷ stripped over HTTP (cases/s)", httpRatio, "≥", 0.8);
    target("application in-process ÷ stripped in-process (cases/s)", inRatio, "≥", 0.6);
    target("registration p95 with " + CLIENTS + " clients (ms)", appHttp.registrationP95Ms(), "≤", 150);
    target("supervision overdue list p95 over HTTP (ms)", num("supervisionOverdueListP95Ms"), "≤", 18);
    target("annual report p95 (ms)", num("annualReportP95Ms"), "≤", 300);
    target(TIMERS + " escalations after their deadlines, one node (s)", num("timerBurstAllEscalationsSeconds") < 0
        ? Double.POSITIVE_INFINITY : num("timerBurstAllEscalationsSeconds"), "≤", 15 * TIMERS / 5000.0);
    target("start-up (s)", num("startupSeconds"), "≤", 15);
    target("heap after start (MB)", num("heapAfterStartMB"), "≤", 160);
    // the 20 minutes: with three passes the run measured 12.9 minutes (2026-12-01), one pass 6.2 (2026-11-30)
    target("benchmark duration (min)", num("benchmarkMinutes"), "≤", 20);

    StringBuilder out = new StringBuilder("\n=== Disclosure Desk benchmark (" + Runtime.getRuntime().availableProcessors()
        + " cores, PostgreSQL, " + CASES + " cases per path and pass after " + WARMUP + " warm-up, " + PASSES + " passes, "
        + CLIENTS + " clients) ===\n");
    out.append(String.format(Locale.ROOT, "%-60s %8s %10s %10s %10s %10s %9s %9s%n", "path", "cases/s", "JVM ms", "client ms",
        "PG ms", "server ms", "commits", "reg p95"));
    for (int i = 0; i < earlierPasses.size(); i++) {
      for (Phase p : earlierPasses.get(i)) {
        out.append(row("pass " + (i + 1) + ": " + p.name(), p));
      }
    }
    for (Phase p : phases) {
      out.append(row((PASSES > 1 ? "pass " + PASSES + ": " : "") + p.name(), p));
    }
    out.append("(CPU ms per case; server = JVM (over HTTP: minus the benchmark's client threads) + PostgreSQL backends"
        + " of the database; reg p95 = registration / start-form latency)\n\n");
    out.append(String.format(Locale.ROOT, "%-62s %12s %14s %6s%n", "figure", "measured", "target", ""));
    for (String[] r : targetRows) {
      out.append(String.format(Locale.ROOT, "%-62s %12s %14s %6s%n", (Object[]) r));
    }
    out.append("\nother figures:\n");
    figures.forEach((k, v) -> out.append(String.format(Locale.ROOT, "  %-40s %s%n", k,
        v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d) : v)));
    System.out.println(out);

    ObjectNode json = BenchHttp.JSON.createObjectNode();
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("cases", CASES).put("warmup", WARMUP).put("clients", CLIENTS).put("open", OPEN).put("closed", CLOSED)
        .put("timers", TIMERS);
    json.put("passes", PASSES);
    ArrayNode ps = json.putArray("paths");
    for (Phase p : phases) {
      ps.add(BenchHttp.JSON.valueToTree(p));
    }
    ArrayNode earlier = json.putArray("earlierPasses");
    for (List<Phase> pass : earlierPasses) {
      ArrayNode e = earlier.addArray();
      pass.forEach(p -> e.add(BenchHttp.JSON.valueToTree(p)));
    }
    json.set("figures", BenchHttp.JSON.valueToTree(figures));
    ArrayNode ts = json.putArray("targets");
    for (String[] r : targetRows) {
      ts.addObject().put("figure", r[0]).put("measured", r[1]).put("target", r[2]).put("result", r[3]);
    }
    Path file = Path.of("target", "bench", "results.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, BenchHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    System.out.println("written " + file.toAbsolutePath());
  }

  private static String row(String label, Phase p) {
    return String.format(Locale.ROOT, "%-60s %8.1f %10.0f %10.0f %10.0f %10.0f %9.1f %9.0f%n", label,
        p.casesPerSecond(), p.jvmCpuMsPerCase(), p.clientCpuMsPerCase(), p.pgCpuMsPerCase(), p.serverCpuMsPerCase(),
        p.commitsPerCase(), p.registrationP95Ms());
  }

  private void target(String figure, double measured, String op, double limit) {
    boolean pass = op.equals("≥") ? measured >= limit : measured <= limit;
    targetRows.add(new String[] {figure, String.format(Locale.ROOT, "%.2f", measured),
        op + " " + String.format(Locale.ROOT, "%.2f", limit), pass ? "PASS" : "MISS"});
  }

  private double num(String key) {
    return ((Number) figures.get(key)).doubleValue();
  }

  private static Phase find(List<Phase> pass, String prefix) {
    return pass.stream().filter(p -> p.name().startsWith(prefix)).findFirst().orElseThrow();
  }

  /** A pass's ratios application ÷ stripped (cases/s and CPU) and the shares of an application case's CPU. */
  private void ratios(List<Phase> pass, String suffix) {
    Phase appHttp = find(pass, "application over HTTP");
    Phase appIn = find(pass, "application in-process");
    Phase strippedHttp = find(pass, "stripped BPMN over HTTP");
    Phase strippedIn = find(pass, "stripped BPMN in-process");
    figures.put("ratioHttpAppOverStripped" + suffix, appHttp.casesPerSecond() / strippedHttp.casesPerSecond());
    figures.put("ratioInProcessAppOverStripped" + suffix, appIn.casesPerSecond() / strippedIn.casesPerSecond());
    figures.put("ratioCpuHttpAppOverStripped" + suffix, appHttp.serverCpuMsPerCase() / strippedHttp.serverCpuMsPerCase());
    figures.put("ratioCpuInProcessAppOverStripped" + suffix, appIn.serverCpuMsPerCase() / strippedIn.serverCpuMsPerCase());
    // where an application case's CPU goes: HTTP layer (over HTTP − in-process), application (in-process − stripped in-process), engine
    double httpLayer = appHttp.serverCpuMsPerCase() - appIn.serverCpuMsPerCase();
    double application = appIn.serverCpuMsPerCase() - strippedIn.serverCpuMsPerCase();
    figures.put("cpuShareHttpLayer" + suffix, httpLayer / appHttp.serverCpuMsPerCase());
    figures.put("cpuShareApplication" + suffix, application / appHttp.serverCpuMsPerCase());
    figures.put("cpuShareEngine" + suffix, strippedIn.serverCpuMsPerCase() / appHttp.serverCpuMsPerCase());
  }

  // --- helpers --------------------------------------------------------------------------------------

  interface Call {
    Object call() throws Exception;
  }

  /**
   * {@code times} timed calls after 20 untimed ones (after one where a call takes seconds: Camunda's history counts): the first calls of a path compile its code (JIT) on the same two
   * cores, which a server that has been answering for a while no longer pays (the city benchmark warms the same way).
   */
  private static List<Double> time(int times, Call call) throws Exception {
    return time(QUERY_WARMUP, times, call);
  }

  private static List<Double> time(int warm, int times, Call call) throws Exception {
    for (int i = 0; i < Math.max(1, warm); i++) {
      call.call();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long t = System.nanoTime();
      call.call();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return ms;
  }

  private static double p95(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(0.95 * sorted.length) - 1)];
  }

  private static long count(String db, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(BenchProbe.url(db), BenchProbe.USER, BenchProbe.PASSWORD);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  private Thread heapSampler() {
    Thread t = new Thread(() -> {
      var memory = java.lang.management.ManagementFactory.getMemoryMXBean();
      while (!Thread.currentThread().isInterrupted()) {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-heap");
    t.setDaemon(true);
    return t;
  }
}
