using System.Collections.Generic;
using System.Collections.Specialized;

namespace ErpConnectors.Core.Json;

/// <summary>
/// Builds RFC 6902 JSON Patch documents of "replace" operations only: the one operation the vendors that take
/// JSON Patch accept, and one that is idempotent, so a replay after a lost answer changes nothing twice.
/// </summary>
internal sealed class JsonPatch
{
    private readonly List<OrderedDictionary> _operations = new();

    public int Count => _operations.Count;

    public JsonPatch Replace(string property, object? value)
    {
        _operations.Add(new OrderedDictionary { ["op"] = "replace", ["path"] = "/" + property.TrimStart('/'), ["value"] = value });
        return this;
    }

    public byte[] ToJson() => JsonBody.Serialize(_operations);
}
