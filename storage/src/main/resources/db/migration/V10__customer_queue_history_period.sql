-- S13: each customer's queue history is kept for its own period (days); 90 until it says otherwise.
ALTER TABLE customers ADD COLUMN queue_history_days INTEGER DEFAULT 90 NOT NULL;
