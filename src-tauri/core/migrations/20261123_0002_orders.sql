-- 2026-11-23 — orders: the sales that the 80/20 ranking measures. Money is the canonical
-- decimal string of rust_decimal (never REAL), so sums are exact.
CREATE TABLE orders (
    id         INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    -- the day of the sale, YYYY-MM-DD
    date       TEXT NOT NULL,
    amount     TEXT NOT NULL,
    -- gross profit; NULL when not known (counts as 0 for the profit measure)
    profit     TEXT,
    -- won counts as a sale, open is pipeline, cancelled is kept for the cancellation rate
    status     TEXT NOT NULL DEFAULT 'won' CHECK (status IN ('won', 'open', 'cancelled')),
    product    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- the ranking reads won orders in a date window, grouped by contact
CREATE INDEX orders_by_status_date ON orders (status, date, contact_id);
CREATE INDEX orders_by_contact ON orders (contact_id, date);
