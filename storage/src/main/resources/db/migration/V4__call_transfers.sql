-- S8: the chain of transfers of a call (who handed the caller on to whom), in order.
CREATE TABLE call_transfers (
    call_id        VARCHAR(255) NOT NULL,
    transferred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    by_party       VARCHAR(255) NOT NULL,
    target         VARCHAR(255) NOT NULL,
    attended       BOOLEAN      NOT NULL
);
CREATE INDEX call_transfers_call ON call_transfers (call_id, transferred_at);
