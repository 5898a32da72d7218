-- Demo warehouse: companies and their contacts, stamped with _sdc_batched_at the way an ELT loader does.
CREATE SCHEMA IF NOT EXISTS warehouse;

CREATE TABLE IF NOT EXISTS warehouse.companies (
    id              integer PRIMARY KEY,
    name            text        NOT NULL,
    domain          text        NOT NULL,
    industry        text,
    country_code    char(2),
    employees       integer,
    _sdc_batched_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS warehouse.contacts (
    id              integer PRIMARY KEY,
    firstname       text NOT NULL,
    lastname        text NOT NULL,
    email           text NOT NULL,
    phone           text,
    country_code    char(2),
    lifecycle_stage text,
    company_id      integer REFERENCES warehouse.companies (id),
    _sdc_batched_at timestamptz NOT NULL DEFAULT now()
);

-- Any UPDATE restamps the row, as a reload by the ELT pipeline would.
CREATE OR REPLACE FUNCTION warehouse.stamp_batched_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW._sdc_batched_at := clock_timestamp();
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS companies_batched_at ON warehouse.companies;
CREATE TRIGGER companies_batched_at BEFORE UPDATE ON warehouse.companies
    FOR EACH ROW EXECUTE FUNCTION warehouse.stamp_batched_at();
DROP TRIGGER IF EXISTS contacts_batched_at ON warehouse.contacts;
CREATE TRIGGER contacts_batched_at BEFORE UPDATE ON warehouse.contacts
    FOR EACH ROW EXECUTE FUNCTION warehouse.stamp_batched_at();

INSERT INTO warehouse.companies (id, name, domain, industry, country_code, employees, _sdc_batched_at)
SELECT g,
       prefix || ' ' || suffix,
       lower(prefix || '-' || suffix) || '.example',
       (ARRAY['Software', 'Manufacturing', 'Retail', 'Logistics', 'Finance', 'Healthcare'])[1 + g % 6],
       (ARRAY['US', 'GB', 'DE', 'FR', 'NL', 'BE', 'ES', 'SE', 'CA', 'AU'])[1 + g % 10],
       5 + (g * 397) % 4800,
       now() - (61 - g) * interval '1 hour'
FROM generate_series(1, 60) AS g
CROSS JOIN LATERAL (SELECT (ARRAY['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay',
                            'Soylent'])[1 + (g - 1) % 10] AS prefix,
                     (ARRAY['Labs', 'Industries', 'Logistics', 'Foods', 'Systems', 'Partners'])[1 + (g - 1) / 10] AS suffix) AS n
WHERE NOT EXISTS (SELECT 1 FROM warehouse.companies);

INSERT INTO warehouse.contacts (id, firstname, lastname, email, phone, country_code, lifecycle_stage, company_id,
                                _sdc_batched_at)
SELECT g,
       first,
       last,
       lower(first || '.' || last || g) || '@' || c.domain,
       '+1-555-' || lpad((g * 7919 % 10000)::text, 4, '0'),
       c.country_code,
       (ARRAY['subscriber', 'lead', 'opportunity', 'customer'])[1 + g % 4],
       c.id,
       now() - (301 - g) * interval '1 minute'
FROM generate_series(1, 300) AS g
CROSS JOIN LATERAL (SELECT (ARRAY['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Margaret', 'Linus', 'Frances',
                            'Ken', 'Radia', 'Dennis', 'Sophie', 'Tim', 'Hedy'])[1 + g % 15] AS first,
                     (ARRAY['Lovelace', 'Hopper', 'Turing', 'Dijkstra', 'Liskov', 'Knuth', 'Hamilton', 'Torvalds',
                            'Allen', 'Thompson', 'Perlman', 'Ritchie', 'Wilson', 'Berners-Lee', 'Lamarr',
                            'Kay', 'Wirth'])[1 + g % 17] AS last) AS n
JOIN warehouse.companies AS c ON c.id = 1 + g % 60
WHERE NOT EXISTS (SELECT 1 FROM warehouse.contacts);

-- Used by the example syncs under routes/examples/ (custom transforms, enum mapping, JSON columns).
CREATE TABLE IF NOT EXISTS warehouse.company_addresses (
    company_id integer PRIMARY KEY REFERENCES warehouse.companies (id),
    street     text NOT NULL,
    city       text NOT NULL,
    postcode   text NOT NULL
);

-- The target's picklist for industries, as a loader copies it from the target into the warehouse.
CREATE TABLE IF NOT EXISTS warehouse.industry_options (
    label     text PRIMARY KEY,
    option_id text NOT NULL
);

-- Where the accounts example writes back each company's id in the sandbox.
CREATE TABLE IF NOT EXISTS warehouse.account_ids (
    company_id integer PRIMARY KEY REFERENCES warehouse.companies (id),
    account_id text        NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS warehouse.invoices (
    id              integer PRIMARY KEY,
    number          text        NOT NULL,
    company_id      integer     NOT NULL REFERENCES warehouse.companies (id),
    issued_on       date        NOT NULL,
    lines           jsonb       NOT NULL,
    _sdc_batched_at timestamptz NOT NULL DEFAULT now()
);
DROP TRIGGER IF EXISTS invoices_batched_at ON warehouse.invoices;
CREATE TRIGGER invoices_batched_at BEFORE UPDATE ON warehouse.invoices
    FOR EACH ROW EXECUTE FUNCTION warehouse.stamp_batched_at();

INSERT INTO warehouse.company_addresses (company_id, street, city, postcode)
SELECT id, (10 + id * 7 % 90) || ' ' || (ARRAY['Market Street', 'Station Road', 'Harbour Way', 'Mill Lane'])[1 + id % 4],
       (ARRAY['Springfield', 'Rivertown', 'Lakeside', 'Hillview', 'Bayport'])[1 + id % 5],
       lpad((id * 211 % 99999)::text, 5, '0')
FROM warehouse.companies
WHERE NOT EXISTS (SELECT 1 FROM warehouse.company_addresses);

INSERT INTO warehouse.industry_options (label, option_id)
VALUES ('Software', 'opt_101'), ('Manufacturing', 'opt_102'), ('Retail', 'opt_103'), ('Logistics', 'opt_104'),
       ('Finance', 'opt_105'), ('Healthcare', 'opt_106')
ON CONFLICT (label) DO NOTHING;

-- Two invoices per company, with one to three lines each.
INSERT INTO warehouse.invoices (id, number, company_id, issued_on, lines, _sdc_batched_at)
SELECT g,
       'INV-' || lpad(g::text, 5, '0'),
       1 + g % 60,
       date '2026-01-01' + g,
       (SELECT jsonb_agg(jsonb_build_object('sku', 'SKU-' || (g * 13 + l) % 40, 'quantity', 1 + (g + l) % 5,
                                            'unit_price', 10 + (g * l) % 90))
        FROM generate_series(1, 1 + g % 3) AS l),
       now() - (121 - g) * interval '1 minute'
FROM generate_series(1, 120) AS g
WHERE NOT EXISTS (SELECT 1 FROM warehouse.invoices);
