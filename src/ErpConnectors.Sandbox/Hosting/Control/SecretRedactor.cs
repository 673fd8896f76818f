using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Hosting.Control;

/// <summary>
/// Takes the secrets out of what the control endpoint hands back: the request log is read by tests and their
/// reports, which must not carry the passwords, client secrets and tokens a runbook signed in with (even demo ones:
/// a runbook under test may be pointed at the sandbox with its real credentials).
/// </summary>
internal static partial class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>A field that holds a secret: passwords, secrets, tokens, API keys, an OAuth code or its verifier.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>
    /// A body with its secret fields masked: in a JSON object (at any depth) or a form; a bare JSON string (a
    /// refresh token is sent that way) entirely. Other bodies are kept as they came.
    /// </summary>
    public static string? Body(string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return body;
        }

        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] is '{' or '[' or '"')
        {
            try
            {
                var node = JsonNode.Parse(body);
                if (node is JsonValue)
                {
                    return JsonSerializer.Serialize(Mask);
                }

                MaskSecrets(node);
                return node?.ToJsonString() ?? body;
            }
            catch (JsonException)
            {
                return body;
            }
        }

        return LooksLikeForm(body) ? Pairs(body) : body;
    }

    /// <summary>A query string ("?a=1&amp;password=x") with the values of secret names masked; the rest unchanged.</summary>
    public static string Query(string query) =>
        query.Length > 1 && query[0] == '?' ? "?" + Pairs(query[1..]) : query;

    private static string Pairs(string pairs) => string.Join('&', pairs.Split('&').Select(pair =>
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
        return equals >= 0 && IsSecretName(name) ? pair[..(equals + 1)] + Mask : pair;
    }));

    private static bool LooksLikeForm(string body) => FormBody().IsMatch(body);

    private static void MaskSecrets(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    if (IsSecretName(name) && obj[name] is not (JsonObject or JsonArray))
                    {
                        obj[name] = Mask;
                    }
                    else
                    {
                        MaskSecrets(obj[name]);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    MaskSecrets(item);
                }

                break;
        }
    }

    [GeneratedRegex(@"password|passwd|secret|token|api[-_]?key|credential|authorization|^code$|code_verifier", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^[^=&\s{}\[\]""]+=[^&\s]*(&[^=&\s]+=[^&\s]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FormBody();
}
