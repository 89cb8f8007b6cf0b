-- Every change to an apps or releases row, cascades included (a purged app's releases, a deleted
-- tenant's apps), tells each store's read cache on the channel paas_cache which row went stale:
-- '<table>:<id>'. pg_notify inside the writing transaction is delivered on commit and dropped on
-- rollback, so a listener never hears of a change that did not happen. A trigger rather than a
-- NOTIFY in the store's code covers every writer, whatever its own cache setting.
CREATE FUNCTION paas_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- OLD is set for both UPDATE and DELETE, and an update never changes the id.
    PERFORM pg_notify('paas_cache', TG_TABLE_NAME || ':' || OLD.id);
    RETURN NULL;
END
$$;

-- A new row cannot be cached anywhere yet (misses are not cached), so only changes count.
CREATE TRIGGER apps_cache_notify AFTER UPDATE OR DELETE ON apps
    FOR EACH ROW EXECUTE FUNCTION paas_cache_notify();
CREATE TRIGGER releases_cache_notify AFTER UPDATE OR DELETE ON releases
    FOR EACH ROW EXECUTE FUNCTION paas_cache_notify();
