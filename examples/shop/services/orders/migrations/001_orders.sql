CREATE TABLE IF NOT EXISTS orders (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id text        NOT NULL,
  email       text        NOT NULL,
  total_cents integer     NOT NULL CHECK (total_cents >= 0),
  status      text        NOT NULL DEFAULT 'placed',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS order_lines (
  order_id    uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
  sku         text    NOT NULL,
  qty         integer NOT NULL CHECK (qty > 0),
  price_cents integer NOT NULL,
  PRIMARY KEY (order_id, sku)
);

CREATE INDEX IF NOT EXISTS orders_customer_idx ON orders (customer_id, created_at DESC);
