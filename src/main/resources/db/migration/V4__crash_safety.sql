-- The key an insert was (or is about to be) sent with: a crash between the destination's answer and
-- the link write leaves the link 'pending' with it, and the next run re-sends under the same key.
ALTER TABLE writeback.links ADD COLUMN intent_key text;

-- Records whose insert was sent but whose answer was never recorded, when nothing can tell what happened.
ALTER TABLE writeback.runs ADD COLUMN unknown bigint NOT NULL DEFAULT 0;

-- The sandbox remembers the Idempotency-Key of every create, so that a repeated create returns the first record.
CREATE TABLE sandbox.idempotency_keys (
    object    text   NOT NULL,
    key       text   NOT NULL,
    record_id bigint NOT NULL,
    PRIMARY KEY (object, key)
);
