using System.Text.Json;
using ErpConnectors.Sandbox.Weavy.Http;
using ErpConnectors.Sandbox.Weavy.Schema;

namespace ErpConnectors.Sandbox.Weavy.Writes;

/// <summary>
/// The rows of one entity in an import, each read with its code (imports match on &lt;entity&gt;_ID). Every row is
/// read before anything is written, so one bad row refuses the whole call. A code given twice in one array is
/// 400 (chosen: a SQL MERGE refuses to touch a row twice, and the outcome would depend on order).
/// </summary>
internal static class RowBatch
{
    /// <param name="where">The array's place in the body ("rows", "customer", "data.customer").</param>
    public static List<(RowInput Row, string Where)> Read(IReadOnlyList<JsonElement> rows, EntityDefinition entity, string where)
    {
        var read = new List<(RowInput, string)>(rows.Count);
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            var at = WeavyBody.Index(where, i);
            var row = RowInput.Read(rows[i], entity, at, requireCode: true);
            if (!seen.TryAdd(row.Code!, at))
            {
                throw WeavyErrors.InvalidValue(WeavyBody.Path(at, entity.KeyName), $"the code '{row.Code}' is already given by {seen[row.Code!]}");
            }

            read.Add((row, at));
        }

        return read;
    }
}
