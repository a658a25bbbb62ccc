-- Catalog: products keyed by (sku, source), their price history, derived categories, and the
-- change sequence that orders every catalog write. Timestamps are epoch milliseconds (BIGINT)
-- in both dialects so that one set of repository code serves both.

CREATE TABLE catalog_sequence (
    id     INTEGER PRIMARY KEY CHECK (id = 1),
    value  BIGINT  NOT NULL,
    epoch  TEXT    NOT NULL
);
INSERT INTO catalog_sequence (id, value, epoch) VALUES (1, 0, md5(random()::text || clock_timestamp()::text));

CREATE TABLE products (
    id                    TEXT PRIMARY KEY,
    sku                   TEXT NOT NULL,
    source                TEXT NOT NULL,
    merchant_id           TEXT NOT NULL,
    domain                TEXT NOT NULL,
    title                 TEXT NOT NULL,
    description           TEXT,
    brand                 TEXT,
    url                   TEXT,
    image_url             TEXT,
    price                 NUMERIC(18, 4),
    original_price        NUMERIC(18, 4),
    discount_pct          NUMERIC(6, 2),
    currency              TEXT NOT NULL,
    normalized_price_usd  NUMERIC(18, 4),
    country_code          TEXT NOT NULL,
    region                TEXT NOT NULL,
    rating                NUMERIC(4, 2),
    review_count          INTEGER,
    category_path         TEXT,
    category_slug         TEXT,
    structured_specs      TEXT,
    comparison_attributes TEXT,
    availability          TEXT NOT NULL,
    gtin                  TEXT,
    model                 TEXT,
    is_active             BOOLEAN NOT NULL DEFAULT TRUE,
    content_hash          TEXT NOT NULL,
    change_seq            BIGINT NOT NULL,
    first_seen            BIGINT NOT NULL,
    last_seen             BIGINT NOT NULL,
    created_at            BIGINT NOT NULL,
    updated_at            BIGINT NOT NULL,
    CONSTRAINT products_sku_source UNIQUE (sku, source)
);
CREATE INDEX products_change_seq ON products (change_seq);
CREATE INDEX products_source ON products (source);
CREATE INDEX products_country ON products (country_code);

CREATE TABLE price_history (
    id          BIGSERIAL PRIMARY KEY,
    product_id  TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    price       NUMERIC(18, 4) NOT NULL,
    currency    TEXT NOT NULL,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX price_history_product_time ON price_history (product_id, recorded_at);

CREATE TABLE categories (
    slug        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    parent_slug TEXT,
    depth       INTEGER NOT NULL
);
