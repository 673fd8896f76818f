using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa;

/// <summary>
/// A sales document's lines live in its histories: the line routes are
/// /{Resource}/{id}/Historys/{historyId}/Lines[/{lineId}] (SalesOrderLinePOST/PATCH/DELETERequest and the quote ones,
/// exercised by JiwaFinancials/JiwaAPITests). When the caller gives no history id, the document is read once to
/// find it: the history holding the line, or for a new line the last history (chosen: the one still being
/// entered; the vendor's tests use Histories[0] of a one-history document, which is the same one).
/// </summary>
internal static class JiwaHistories
{
    public static string Lines(JiwaSalesDocument document, string id, string historyId) =>
        $"{document.Resource.One(id)}/Historys/{JiwaApi.Escape(historyId)}/Lines";

    public static string Line(JiwaSalesDocument document, string id, string historyId, string lineId) =>
        $"{Lines(document, id, historyId)}/{JiwaApi.Escape(lineId)}";

    public static async Task<string> FindAsync(ConnectionRuntime runtime, JiwaSalesDocument document, string id, string? lineId, ICallOutput output, CancellationToken token)
    {
        using HttpResponseMessage response = await runtime.SendAsync(ApiRequest.Get(document.Resource.One(id)), output, token).ConfigureAwait(false);
        byte[] body = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        JsonElement[] histories = Array.Empty<JsonElement>();
        if (body.Length > 0)
        {
            using JsonDocument json = JsonDocument.Parse(body);
            if (Property(json.RootElement, "Histories") is { ValueKind: JsonValueKind.Array } list)
            {
                histories = list.EnumerateArray().Select(h => h.Clone()).ToArray();
            }
        }

        JsonElement? chosen = lineId is null
            ? histories.LastOrDefault(h => Text(h, document.HistoryIdField) is not null)
            : histories.FirstOrDefault(h => Property(h, "Lines") is { ValueKind: JsonValueKind.Array } lines
                && lines.EnumerateArray().Any(l => string.Equals(Text(l, document.LineIdField), lineId, StringComparison.OrdinalIgnoreCase)));
        if (chosen is { } history && Text(history, document.HistoryIdField) is { } historyId)
        {
            return historyId;
        }

        string what = lineId is null ? "no history to add lines to" : $"no history holding line {lineId}";
        throw new ApiException(
            JiwaApi.SystemName,
            $"The {document.Resource.Noun} '{id}' has {what}: give -{document.HistoryIdField} (from the document's Histories).",
            System.Management.Automation.ErrorCategory.ObjectNotFound,
            "Jiwa.HistoryNotFound")
        {
            Target = lineId ?? id,
        };
    }

    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;
}
