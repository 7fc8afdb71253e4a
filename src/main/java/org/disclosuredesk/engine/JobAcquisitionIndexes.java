package org.disclosuredesk.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's job table that its PostgreSQL schema lacks, so that finding the due jobs
 * costs the same with 100,000 waiting timers as with 100. Every open case keeps several deadline timers
 * (reminders, the reply deadline, the supplement limits), all of them in {@code ACT_RU_JOB}; without these
 * indexes each job acquisition scans that table twice (the due jobs, then the locked exclusive jobs of the
 * same instances), which took 3–5 ms per acquisition at 20,000 jobs and made the job table's size, not the
 * work, the limit of a deadline burst (README, "Performance").
 * <ul>
 *   <li>{@code dd_idx_job_due}: {@code DUEDATE_}, for {@code DUEDATE_ is null or DUEDATE_ <= now};</li>
 *   <li>{@code dd_idx_job_locked}: the process instance of the locked jobs only (partial), for the
 *       acquisition's "no other job of this instance is running" check.</li>
 * </ul>
 * Created after the engine has created or updated its schema and before the job executor starts;
 * {@code if not exists} makes every later start a no-op. On an installation that already has cases, the first
 * start after this change builds them, and writes to the job table wait while it does (a plain {@code create index}:
 * a concurrent build that failed would leave an invalid index that {@code if not exists} then never replaces).
 * H2 (the embedded demo) has no partial indexes and no such sizes: nothing is done there.
 */
@Component
class JobAcquisitionIndexes extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(JobAcquisitionIndexes.class);

  private static final List<String> STATEMENTS = List.of(
      "create index if not exists dd_idx_job_due on ACT_RU_JOB (DUEDATE_)",
      "create index if not exists dd_idx_job_locked on ACT_RU_JOB (PROCESS_INSTANCE_ID_) where LOCK_OWNER_ is not null");

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    create(configuration.getDataSource());
  }

  private static void create(DataSource dataSource) {
    for (String sql : STATEMENTS) {
      try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        s.execute(sql);
      } catch (SQLException e) {
        // two nodes starting at once: the other one created it a moment earlier; the engine works without
        // it, only slower, so a start is never refused for an index
        LOG.warn("Index on the engine's job table not created ({}): {}", sql, e.getMessage());
      }
    }
  }
}
