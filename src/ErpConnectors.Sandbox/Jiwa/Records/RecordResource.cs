using ErpConnectors.Sandbox.Jiwa.Http;

namespace ErpConnectors.Sandbox.Jiwa.Records;

/// <summary>
/// One kind of record as the routes reach it, statefully or not. Without the jiwa-stateful header a read sees
/// the saved record and a change is saved at once. With it, the caller works on its own cached copy (loaded on
/// first use): reads see it, changes touch only it, a create puts a new record there, and only Save makes the
/// copy what everybody sees, unless the saved record moved on since the copy was read (409).
/// </summary>
internal sealed class RecordResource<T>(string what, string keyName, RecordStore<T> store, Func<T, string> idOf, Func<T, DateTime, T> stamp, Func<DateTime> now)
    where T : class
{
    public StatefulCache<T> Cache { get; } = new();

    public RecordStore<T> Store => store;

    public string What => what;

    public string KeyName => keyName;

    public JiwaApiException NotFound(string id) => JiwaErrors.RecordNotFound(what, keyName, id);

    public T Read(JiwaCall call, string id) => call.Stateful
        ? Cache.GetOrLoad(call.Caller, id, () => Load(id)).Record
        : (store.Get(id) ?? throw NotFound(id)).Record;

    /// <summary>Applies <paramref name="change"/> (which validates and may throw) to the caller's copy or the saved record.</summary>
    public T Change(JiwaCall call, string id, Func<T, T> change) => call.Stateful
        ? Cache.Change(call.Caller, id, () => Load(id), change)
        : store.Update(id, record => stamp(change(record), now())) ?? throw NotFound(id);

    public T Create(JiwaCall call, T record)
    {
        if (!call.Stateful)
        {
            return store.Add(record);
        }

        Cache.Put(call.Caller, idOf(record), new StatefulCopy<T>(record, ReadRevision: null));
        return record;
    }

    /// <summary>Commits the caller's copy and forgets it; a conflict keeps the copy, so the caller may Abandon it.</summary>
    public T Save(string caller, string id)
    {
        var copy = Cache.Find(caller, id) ?? throw JiwaErrors.NotHeld(what, keyName, id);
        var saved = stamp(copy.Record, now());
        if (copy.ReadRevision is not { } readRevision)
        {
            store.Add(saved);
        }
        else
        {
            switch (store.TrySave(id, readRevision, saved))
            {
                case null:
                    Cache.Remove(caller, id);
                    throw NotFound(id);
                case false:
                    throw JiwaErrors.Concurrency();
            }
        }

        Cache.Remove(caller, id);
        return saved;
    }

    public void Abandon(string caller, string id)
    {
        if (!Cache.Remove(caller, id))
        {
            throw JiwaErrors.NotHeld(what, keyName, id);
        }
    }

    private StatefulCopy<T> Load(string id)
    {
        var saved = store.Get(id) ?? throw NotFound(id);
        return new StatefulCopy<T>(saved.Record, saved.Revision);
    }
}
