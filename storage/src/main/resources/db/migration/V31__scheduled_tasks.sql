-- db-scheduler's table (crawler area): source schedules run through com.github.kagkarlsson:db-scheduler
-- on the central database, so two `markwatch scheduler` (or `serve`) instances never run the same
-- crawl at once (the library picks an execution with an optimistic version check). The columns are
-- the library's PostgreSQL schema, with VARCHAR for its TEXT keys so the same SQL runs on H2.
CREATE TABLE scheduled_tasks (
  task_name             VARCHAR(100)  NOT NULL,
  task_instance         VARCHAR(200)  NOT NULL,
  task_data             BYTEA,
  execution_time        TIMESTAMP WITH TIME ZONE NOT NULL,
  picked                BOOLEAN       NOT NULL,
  picked_by             VARCHAR(200),
  last_success          TIMESTAMP WITH TIME ZONE,
  last_failure          TIMESTAMP WITH TIME ZONE,
  consecutive_failures  INTEGER,
  last_heartbeat        TIMESTAMP WITH TIME ZONE,
  version               BIGINT        NOT NULL,
  priority              SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
