-- The state store's tables. Ids are UUIDs (v7 for apps, so id order is creation order),
-- times are timestamptz, and constraint names are the ones SqlErrors turns into messages.

CREATE TABLE tenants (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CONSTRAINT tenants_name_key UNIQUE,
    created_at timestamptz NOT NULL
);

CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    tenant_id     uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    email         text        NOT NULL,
    password_hash text,
    created_at    timestamptz NOT NULL
);
-- Emails are unique whatever their case.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
CREATE INDEX users_tenant_id_idx ON users (tenant_id);

CREATE TABLE apps (
    id                 uuid        PRIMARY KEY,
    tenant_id          uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name               text        NOT NULL,
    region             text        NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    deleted_at         timestamptz,
    current_release_id uuid        -- no foreign key: releases reference apps already
);
-- A name is unique among the tenant's live apps only: a soft-deleted app frees it.
CREATE UNIQUE INDEX apps_live_name_key ON apps (tenant_id, name) WHERE deleted_at IS NULL;
-- Keyset pages of a tenant's apps.
CREATE INDEX apps_tenant_id_idx ON apps (tenant_id, id);
-- The purge job's scan.
CREATE INDEX apps_deleted_at_idx ON apps (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE releases (
    id            uuid        PRIMARY KEY,
    app_id        uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    version       integer     NOT NULL CHECK (version >= 1),
    status        text        NOT NULL
                              CHECK (status IN ('pending', 'running', 'succeeded', 'failed', 'superseded')),
    status_reason text,
    source_kind   text        NOT NULL,
    source        text        NOT NULL,
    processes     jsonb       NOT NULL, -- {"web": "command", ...}
    config        jsonb       NOT NULL, -- {"KEY": "value", ...}
    description   text,
    rollback_of   integer,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    CONSTRAINT releases_app_version_key UNIQUE (app_id, version)
);
CREATE INDEX releases_status_idx ON releases (status);

-- The highest release version each app ever had. Not tied to apps or releases, so a version is
-- never handed out twice even if release rows go away.
CREATE TABLE release_high_water (
    app_id      uuid    PRIMARY KEY,
    max_version integer NOT NULL
);

CREATE TABLE formations (
    app_id       uuid    NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    process_type text    NOT NULL,
    replicas     integer NOT NULL CHECK (replicas >= 0),
    size         text    NOT NULL,
    PRIMARY KEY (app_id, process_type)
);

CREATE TABLE config_vars (
    app_id uuid NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    name   text NOT NULL,
    value  text NOT NULL,
    PRIMARY KEY (app_id, name)
);

CREATE TABLE addons (
    id           uuid        PRIMARY KEY,
    tenant_id    uuid        NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    app_id       uuid        NOT NULL REFERENCES apps (id) ON DELETE CASCADE,
    kind         text        NOT NULL,
    name         text        NOT NULL,
    plan         text        NOT NULL,
    status       text        NOT NULL,
    config_var   text        NOT NULL,
    provider     text        NOT NULL,
    external_ref text        NOT NULL,
    credentials  text        NOT NULL, -- ciphertext made by the core
    created_at   timestamptz NOT NULL,
    CONSTRAINT addons_tenant_name_key UNIQUE (tenant_id, name)
);
CREATE INDEX addons_app_id_idx ON addons (app_id, created_at);

-- Append-only; no foreign keys, the trail outlives what it describes.
CREATE TABLE audit_events (
    seq           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- append order, for ties in time
    id            uuid        NOT NULL UNIQUE,
    tenant_id     uuid        NOT NULL,
    actor         text        NOT NULL,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   text        NOT NULL,
    request_id    text        NOT NULL,
    at            timestamptz NOT NULL,
    detail        text        NOT NULL
);
CREATE INDEX audit_events_tenant_at_idx ON audit_events (tenant_id, at DESC, seq DESC);

CREATE TABLE idempotent_responses (
    scope       text        NOT NULL,
    key         text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer     NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotent_responses_created_at_idx ON idempotent_responses (created_at);

CREATE TABLE signing_keys (
    key_id      text        PRIMARY KEY,
    private_jwk text        NOT NULL,
    created_at  timestamptz NOT NULL
);
