-- Page budgets of crawl runs (crawler area, issue 10): a source's maxPages counts the pages fetched
-- in one run by all the worker processes of that run (same run id), not by each worker. A worker
-- claims one page at a time with one conditional UPDATE (claimed < max_pages), which the database
-- serialises per row, so the total never exceeds max_pages. Used by
-- org.markwatch.storage.frontier.FrontierStore.claimPage / returnPage.
-- No foreign key to crawl_runs: the budget belongs to the frontier's tables, and a run re-executed
-- under the same id (a scheduled run taken over after its instance died) goes on with what is left.
CREATE TABLE crawl_run_budgets (
  run_id     VARCHAR(64) NOT NULL,
  source_id  VARCHAR(64) NOT NULL,
  max_pages  INTEGER     NOT NULL,   -- from the first worker that opened the budget
  claimed    INTEGER     NOT NULL,   -- pages handed out so far (retries and put-backs returned)
  PRIMARY KEY (run_id, source_id)
);
