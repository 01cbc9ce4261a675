-- 2026-11-23 — the first schema: the book of contacts, their groups, tags and custom
-- fields, a search index, and settings. Orders, interactions and reminders come in later
-- migrations; nothing here anticipates their columns.

-- A person in the book. Phones, e-mails and addresses are small labelled lists that are
-- always read and written with their contact, so they live in JSON columns; anything that
-- is filtered on (groups, tags, custom fields) gets its own table.
CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
    salutation        TEXT NOT NULL DEFAULT '',
    company           TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL DEFAULT '',
    phones            TEXT NOT NULL DEFAULT '[]',
    emails            TEXT NOT NULL DEFAULT '[]',
    addresses         TEXT NOT NULL DEFAULT '[]',
    -- 'YYYY-MM-DD' or '--MM-DD' (no year); month/day are lunar when birthday_calendar = 'lunar'
    birthday          TEXT,
    birthday_calendar TEXT CHECK (birthday_calendar IN ('solar', 'lunar')),
    birthday_leap     INTEGER NOT NULL DEFAULT 0,
    note              TEXT NOT NULL DEFAULT '',
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('prospect', 'active', 'lost')),
    -- pinyin/latin keys so lists sort 张三 under Z, next to "Zhang"
    name_key          TEXT NOT NULL,
    company_key       TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    -- set when moved to the trash; the row is restorable until purged
    deleted_at        TEXT
);
CREATE INDEX contacts_by_name ON contacts (name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_company ON contacts (company_key, name_key, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_created ON contacts (created_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_by_updated ON contacts (updated_at, id) WHERE deleted_at IS NULL;
CREATE INDEX contacts_trashed ON contacts (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    color      TEXT NOT NULL DEFAULT '#3b82f6',
    created_at TEXT NOT NULL,
    -- live (not trashed) members; maintained by the group_count_* triggers below
    live_count INTEGER NOT NULL DEFAULT 0
);
-- names compare case-insensitively for Latin letters ("VIP" = "vip")
CREATE UNIQUE INDEX groups_by_name ON groups (name COLLATE NOCASE);

CREATE TABLE contact_groups (
    group_id   INTEGER NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, contact_id)
) WITHOUT ROWID;
CREATE INDEX contact_groups_by_contact ON contact_groups (contact_id, group_id);

CREATE TABLE contact_tags (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    PRIMARY KEY (contact_id, tag)
) WITHOUT ROWID;
CREATE INDEX contact_tags_by_tag ON contact_tags (tag, contact_id);

-- Fields the user defines for his industry (e.g. 开户行, 车型, 会员等级).
CREATE TABLE custom_fields (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind     TEXT NOT NULL CHECK (kind IN ('text', 'number', 'date', 'choice')),
    choices  TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX custom_fields_by_name ON custom_fields (name COLLATE NOCASE);

CREATE TABLE contact_field_values (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    field_id   INTEGER NOT NULL REFERENCES custom_fields (id) ON DELETE CASCADE,
    value      TEXT NOT NULL,
    PRIMARY KEY (contact_id, field_id)
) WITHOUT ROWID;
CREATE INDEX contact_field_values_by_field ON contact_field_values (field_id);

-- What search looks through, one row per contact, rewritten on every write of the contact:
-- folded (simplified, lower-case) text, phone digits and pinyin spellings. Computing pinyin
-- is the costly part, so it is done once here; queries scan an in-memory copy (search.rs).
CREATE TABLE contact_search (
    contact_id INTEGER PRIMARY KEY REFERENCES contacts (id) ON DELETE CASCADE,
    -- the folded name and its pinyin spellings: a hit here ranks first
    name_text  TEXT NOT NULL,
    -- everything searchable, name_text included
    haystack   TEXT NOT NULL
);

-- Which contacts' searchable state changed, in order, so an in-memory search index can
-- catch up (also with writes from another process, e.g. the CLI) without a full reload.
CREATE TABLE search_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    contact_id INTEGER NOT NULL
);
CREATE TRIGGER search_log_ai AFTER INSERT ON contact_search BEGIN
    INSERT INTO search_log (contact_id) VALUES (new.contact_id);
END;
CREATE TRIGGER search_log_au AFTER UPDATE ON contact_search BEGIN
    INSERT INTO search_log (contact_id) VALUES (new.contact_id);
END;
CREATE TRIGGER search_log_ad AFTER DELETE ON contact_search BEGIN
    INSERT INTO search_log (contact_id) VALUES (old.contact_id);
END;
CREATE TRIGGER search_log_trash AFTER UPDATE OF deleted_at ON contacts
WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
    INSERT INTO search_log (contact_id) VALUES (new.id);
END;

-- groups.live_count is kept by triggers so the sidebar never counts 100k rows.
CREATE TRIGGER group_count_join AFTER INSERT ON contact_groups BEGIN
    UPDATE groups SET live_count = live_count
        + COALESCE((SELECT deleted_at IS NULL FROM contacts WHERE id = new.contact_id), 0)
    WHERE id = new.group_id;
END;
CREATE TRIGGER group_count_leave AFTER DELETE ON contact_groups BEGIN
    UPDATE groups SET live_count = live_count
        - COALESCE((SELECT deleted_at IS NULL FROM contacts WHERE id = old.contact_id), 0)
    WHERE id = old.group_id;
END;
CREATE TRIGGER group_count_trash AFTER UPDATE OF deleted_at ON contacts
WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
    UPDATE groups SET live_count = live_count + CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END
    WHERE id IN (SELECT group_id FROM contact_groups WHERE contact_id = new.id);
END;

-- How many contacts are live and in the trash, kept by triggers: the list shows its total
-- on every page, and counting 100k rows each time would cost more than the page itself.
CREATE TABLE contact_counts (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    live    INTEGER NOT NULL,
    trashed INTEGER NOT NULL
);
INSERT INTO contact_counts (id, live, trashed) VALUES (1, 0, 0);
CREATE TRIGGER contact_counts_ai AFTER INSERT ON contacts BEGIN
    UPDATE contact_counts SET live = live + (new.deleted_at IS NULL),
                              trashed = trashed + (new.deleted_at IS NOT NULL);
END;
CREATE TRIGGER contact_counts_ad AFTER DELETE ON contacts BEGIN
    UPDATE contact_counts SET live = live - (old.deleted_at IS NULL),
                              trashed = trashed - (old.deleted_at IS NOT NULL);
END;
CREATE TRIGGER contact_counts_au AFTER UPDATE OF deleted_at ON contacts
WHEN (old.deleted_at IS NULL) != (new.deleted_at IS NULL) BEGIN
    UPDATE contact_counts SET live = live + CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END,
                              trashed = trashed + CASE WHEN new.deleted_at IS NULL THEN -1 ELSE 1 END;
END;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
