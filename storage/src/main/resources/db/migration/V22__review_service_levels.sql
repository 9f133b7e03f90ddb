-- Central database v2 (issue 14): review service levels. reviews.due_at is set when a listing
-- enters a state, by the policy of org.markwatch.storage.ServiceLevels (documented in the storage
-- README): new 8 h (score >= 0.9) or 48 h from queued_at; in_review 72 h from review_started_at;
-- escalated 120 h and confirmed 168 h from decided_at; dismissed and actioned are closed.
-- Reviews stored before get their due time here, from the same policy.
UPDATE reviews SET due_at = queued_at + CASE
    WHEN (SELECT v.score FROM verdicts v WHERE v.listing_id = reviews.listing_id) >= 0.9
      THEN INTERVAL '8' HOUR ELSE INTERVAL '48' HOUR END
  WHERE state = 'new';
UPDATE reviews SET due_at = COALESCE(review_started_at, queued_at) + INTERVAL '72' HOUR
  WHERE state = 'in_review';
UPDATE reviews SET due_at = COALESCE(decided_at, queued_at) + INTERVAL '120' HOUR
  WHERE state = 'escalated';
UPDATE reviews SET due_at = COALESCE(decided_at, queued_at) + INTERVAL '168' HOUR
  WHERE state = 'confirmed';
UPDATE reviews SET due_at = NULL WHERE state IN ('dismissed', 'actioned');
-- The overdue filter of the queue: open states by due time.
CREATE INDEX reviews_due ON reviews (due_at, state);
