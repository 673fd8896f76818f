using System.Linq;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Jiwa;

/// <summary>
/// ServiceStack's error shape: {"ResponseStatus":{"ErrorCode","Message","Errors":[{"ErrorCode","FieldName","Message"}]}}.
/// A 409 is Jiwa's business logic or an optimistic-concurrency conflict: the message says which, and the
/// recommended action says what to do about it.
/// </summary>
internal sealed class JiwaErrorParser : IErrorParser
{
    private readonly bool _apiKey;

    public JiwaErrorParser(bool apiKey) => _apiKey = apiKey;

    public VendorError? Parse(HttpStatusCode status, string body, HttpResponseHeaders headers)
    {
        string? message = null;
        string? code = null;
        string text = body.Trim();
        if (text.StartsWith("{", System.StringComparison.Ordinal))
        {
            using var document = JsonDocument.Parse(text);
            if (Property(document.RootElement, "ResponseStatus") is { ValueKind: JsonValueKind.Object } responseStatus)
            {
                code = String(responseStatus, "ErrorCode");
                message = String(responseStatus, "Message");
                if (Property(responseStatus, "Errors") is { ValueKind: JsonValueKind.Array } errors)
                {
                    message = VendorMessage.Join(message, errors.EnumerateArray().Select(e => (String(e, "FieldName"), String(e, "Message") ?? String(e, "ErrorCode"))));
                }
            }
        }

        string? action = (int)status switch
        {
            401 when _apiKey => "The API key was refused: it may be expired or revoked (Jiwa: Staff or Debtor Maintenance > API Keys). Connect-Jiwa again with a valid key.",
            401 => "Check the Jiwa user name and password, then run Connect-Jiwa again.",
            409 => "Jiwa refused the change (a business rule, or the record changed since it was read): read the record again and retry the change if it still applies.",
            _ => null,
        };
        if (string.IsNullOrEmpty(message) && action is null)
        {
            return null;
        }

        return new VendorError(message ?? string.Empty, code, action);
    }

    // ServiceStack serializers accept any casing; a server configured for camelCase answers that way.
    private static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, System.StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}
