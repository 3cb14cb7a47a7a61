-- S4/S5: per queue, what happens when nobody can be rung, and after how many missed offers in a
-- row an agent is paused (0 = never). Existing queues keep the demo's rule.
ALTER TABLE queues ADD COLUMN when_no_agent VARCHAR(32) DEFAULT 'OVERFLOW_WHEN_NONE_AVAILABLE' NOT NULL;
ALTER TABLE queues ADD COLUMN autopause_after_misses INTEGER DEFAULT 0 NOT NULL;
