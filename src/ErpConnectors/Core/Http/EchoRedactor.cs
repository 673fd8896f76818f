using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Some gateways answer an error with the request they received: its headers, its body. Before an error body
/// reaches a message, every secret the request carried is masked by value (a pattern cannot find a password
/// echoed inside an escaped JSON string, its value can), and a credential call's answer is redacted by names too.
/// </summary>
internal static class EchoRedactor
{
    // Shorter values are not worth masking (and would mask ordinary words): no real secret is this short.
    private const int ShortestSecret = 4;

    /// <summary>The secret values a request carries: secret headers and, for credential calls, the body's secret fields.</summary>
    public static IReadOnlyList<string> SecretsOf(HttpRequestMessage message, byte[]? body, bool sensitiveBody)
    {
        var secrets = new List<string>();
        foreach (var header in message.Headers)
        {
            if (!Redactor.IsSecretHeader(header.Key))
            {
                continue;
            }

            foreach (string value in header.Value)
            {
                secrets.Add(value);
                int space = value.IndexOf(' ');
                if (space > 0)
                {
                    secrets.Add(value.Substring(space + 1)); // "Bearer xyz": the token alone, too
                }

                foreach (string pair in value.Split(';'))
                {
                    int equals = pair.IndexOf('=');
                    if (equals > 0)
                    {
                        secrets.Add(pair.Substring(equals + 1).Trim()); // cookies: each value
                    }
                }
            }
        }

        if (sensitiveBody && body is { Length: > 0 })
        {
            AddBodySecrets(body, secrets);
        }

        return secrets.Where(s => s.Length >= ShortestSecret).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length).ToList();
    }

    /// <summary>The error body with every secret value masked (raw, JSON-escaped and URL-encoded forms).</summary>
    public static string Redact(string body, IReadOnlyList<string> secrets, bool sensitiveBody)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var text = new StringBuilder(body);
        foreach (string secret in secrets)
        {
            foreach (string form in Forms(secret))
            {
                text.Replace(form, Redactor.Mask);
            }
        }

        string masked = text.ToString();
        return sensitiveBody ? Redactor.Form(Redactor.Json(masked)) : masked;
    }

    // As sent, and as an echo may write it: JSON-escaped (by either encoder, once or twice: an echo of a JSON body
    // inside a JSON string), URL-encoded.
    private static IEnumerable<string> Forms(string secret)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { secret };
        foreach (string once in new[] { secret, Escape(secret, strict: true), Escape(secret, strict: false) })
        {
            forms.Add(once);
            forms.Add(Escape(once, strict: true));
            forms.Add(Escape(once, strict: false));
            forms.Add(Uri.EscapeDataString(once));
        }

        return forms.OrderByDescending(f => f.Length);
    }

    private static string Escape(string text, bool strict) =>
        JsonEncodedText.Encode(text, strict ? null : System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString();

    // A JSON object's secret-named string fields, a bare JSON string (Severa's refresh token), or a form's secret pairs.
    private static void AddBodySecrets(byte[] body, List<string> secrets)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            AddJsonSecrets(document.RootElement, null, secrets);
            return;
        }
        catch (JsonException)
        {
            // Not JSON: a url-encoded form.
        }

        foreach (string pair in Encoding.UTF8.GetString(body).Split('&'))
        {
            int equals = pair.IndexOf('=');
            if (equals > 0 && Redactor.IsSecretName(Uri.UnescapeDataString(pair.Substring(0, equals))))
            {
                string value = pair.Substring(equals + 1);
                secrets.Add(value);
                secrets.Add(Uri.UnescapeDataString(value.Replace('+', ' ')));
            }
        }
    }

    private static void AddJsonSecrets(JsonElement element, string? name, List<string> secrets)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String when name is null || Redactor.IsSecretName(name):
                secrets.Add(element.GetString() ?? string.Empty);
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    AddJsonSecrets(property.Value, property.Name, secrets);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    AddJsonSecrets(item, name, secrets);
                }

                break;
        }
    }
}
