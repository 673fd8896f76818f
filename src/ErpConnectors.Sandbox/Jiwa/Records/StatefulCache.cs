namespace ErpConnectors.Sandbox.Jiwa.Records;

/// <summary>
/// A caller's working copy of one record. <see cref="ReadRevision"/> is the saved revision it was loaded from;
/// null for a record created statefully, which exists nowhere else until saved.
/// </summary>
internal sealed record StatefulCopy<T>(T Record, long? ReadRevision);

/// <summary>
/// The stateful business-logic objects of one record kind, per caller: the vendor keeps them in the session's
/// ObjectDictionary, one per record, so two stateful requests for the same record by the same caller work on
/// one object and different callers never see each other's. A caller is a session id or an API key.
/// </summary>
internal sealed class StatefulCache<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Caller, string Id), StatefulCopy<T>> _copies = new(new KeyComparer());

    public int Count
    {
        get { lock (_gate) { return _copies.Count; } }
    }

    public StatefulCopy<T>? Find(string caller, string id)
    {
        lock (_gate) { return _copies.GetValueOrDefault((caller, id)); }
    }

    /// <summary>The caller's copy, loaded with <paramref name="load"/> when there is none yet.</summary>
    public StatefulCopy<T> GetOrLoad(string caller, string id, Func<StatefulCopy<T>> load)
    {
        lock (_gate)
        {
            if (!_copies.TryGetValue((caller, id), out var copy))
            {
                copy = load();
                _copies[(caller, id)] = copy;
            }

            return copy;
        }
    }

    /// <summary>Changes the caller's copy (loading it first when needed) atomically.</summary>
    public T Change(string caller, string id, Func<StatefulCopy<T>> load, Func<T, T> change)
    {
        lock (_gate)
        {
            var copy = _copies.TryGetValue((caller, id), out var held) ? held : load();
            var changed = change(copy.Record);
            _copies[(caller, id)] = copy with { Record = changed };
            return changed;
        }
    }

    public void Put(string caller, string id, StatefulCopy<T> copy)
    {
        lock (_gate) { _copies[(caller, id)] = copy; }
    }

    public bool Remove(string caller, string id)
    {
        lock (_gate) { return _copies.Remove((caller, id)); }
    }

    /// <summary>Drops every copy a caller holds (its session ended).</summary>
    public void RemoveCaller(string caller)
    {
        lock (_gate)
        {
            foreach (var key in _copies.Keys.Where(k => string.Equals(k.Caller, caller, StringComparison.Ordinal)).ToList())
            {
                _copies.Remove(key);
            }
        }
    }

    public void Clear()
    {
        lock (_gate) { _copies.Clear(); }
    }

    /// <summary>Callers exactly, record ids case-insensitively (as the store matches them).</summary>
    private sealed class KeyComparer : IEqualityComparer<(string Caller, string Id)>
    {
        public bool Equals((string Caller, string Id) x, (string Caller, string Id) y) =>
            string.Equals(x.Caller, y.Caller, StringComparison.Ordinal) && string.Equals(x.Id, y.Id, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Caller, string Id) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Caller), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Id));
    }
}
