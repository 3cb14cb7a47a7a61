-- Sentral schema, version 2: trunk policy (issue 3). Plain SQL for H2 2.x and PostgreSQL 12+, as V1.

-- T8: the most a customer may spend on chargeable calls per calendar month, in its own currency
-- (NOK, SEK), to the øre/öre. NULL = no limit.
ALTER TABLE customers ADD COLUMN monthly_cost_limit NUMERIC(14, 2);

-- T9: numbers ported in to a customer, its own from ported_from on. A number is ported in once
-- (the primary key); that it is in no customer's ranges is checked by provisioning. Rows that do
-- not change keep their changed_by/changed_at; the rows go with the customer.
CREATE TABLE ported_in_numbers (
    phone_number VARCHAR(16)  NOT NULL PRIMARY KEY,
    tenant_id    VARCHAR(63)  NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    trunk_id     VARCHAR(63)  REFERENCES trunks (id),
    ported_from  TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(128) NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ported_in_numbers_tenant ON ported_in_numbers (tenant_id);

-- T9: the operator's numbers ported away: outbound calls carry the recipient's routing prefix
-- and/or go to the named gateway (a gateway of the node configuration, so no foreign key).
CREATE TABLE ported_out_numbers (
    phone_number   VARCHAR(16)  NOT NULL PRIMARY KEY,
    routing_prefix VARCHAR(10),
    gateway        VARCHAR(255),
    changed_by     VARCHAR(128) NOT NULL,
    changed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (routing_prefix IS NOT NULL OR gateway IS NOT NULL)
);
