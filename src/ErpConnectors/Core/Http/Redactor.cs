using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace ErpConnectors.Core.Http;

/// <summary>
/// Removes secrets from what -Debug shows. Names are matched loosely on purpose: five vendors spell the same
/// secrets five ways (client_Secret, authToken, SessionId, api-key, ss-id), and a false positive costs nothing.
/// </summary>
internal static partial class Redactor
{
    public const string Mask = "[redacted]";

    private const string SecretWords = "password|passwd|secret|token|apikey|api_key|api-key|sessionid|session_id|ss-id|ss-pid|cookie|authorization|credential";

    // An OAuth authorization code is a secret in a query string; in a JSON record "code" is an ordinary field.
    private const string FormSecretWords = SecretWords + "|code";

    private static readonly Regex SecretName = new($"({SecretWords})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // "name": "value" | "name": 123 | "name": true, for any property name that looks secret.
    private static readonly Regex JsonSecretProperty = new(
        "(\"[^\"]*(?:" + SecretWords + ")[^\"]*\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|[^,}\\]\\s]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // name=value in url-encoded forms and query strings.
    private static readonly Regex FormSecretPair = new(
        "((?:^|[?&])[^=&]*(?:" + FormSecretWords + ")[^=&]*=)([^&]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Headers whose names do not look secret but whose values are.
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-ss-id", "api-key", "X-Api-Key",
    };

    /// <summary>Whether a header's value is a secret (by its name, or because it is one of the known ones).</summary>
    public static bool IsSecretHeader(string name) => SecretHeaders.Contains(name) || IsSecretName(name);

    public static bool IsSecretName(string name) => SecretName.IsMatch(name) && !IsHarmless(name);

    // Paging cursors are not credentials, and hiding them makes -Debug useless for paging problems.
    private static bool IsHarmless(string name) =>
        name.Equals("NextPageToken", StringComparison.OrdinalIgnoreCase) ||
        name.Equals("pageToken", StringComparison.OrdinalIgnoreCase);

    public static string Json(string text) =>
        JsonSecretProperty.Replace(text, m => IsHarmless(m.Groups[1].Value.Trim().TrimEnd(':').Trim().Trim('"'))
            ? m.Value
            : m.Groups[1].Value + "\"" + Mask + "\"");

    public static string Form(string text) =>
        FormSecretPair.Replace(text, m => IsHarmless(m.Groups[1].Value.TrimStart('?', '&').TrimEnd('='))
            ? m.Value
            : m.Groups[1].Value + Mask);

    public static string PathAndQuery(Uri? uri)
    {
        if (uri is null)
        {
            return string.Empty;
        }

        string query = uri.Query;
        return uri.AbsolutePath + (query.Length == 0 ? string.Empty : Form(query));
    }

    public static string Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var text = new StringBuilder();
        foreach (var header in headers)
        {
            string value = SecretHeaders.Contains(header.Key) || IsSecretName(header.Key)
                ? RedactHeaderValue(header.Key, header.Value)
                : string.Join(", ", header.Value);
            text.Append("  ").Append(header.Key).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    // Keep the scheme of an Authorization header (Bearer, Basic): it helps and reveals nothing.
    private static string RedactHeaderValue(string name, IEnumerable<string> values)
    {
        if (!name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
        {
            return Mask;
        }

        string first = values.FirstOrDefault() ?? string.Empty;
        int space = first.IndexOf(' ');
        return space > 0 ? first.Substring(0, space) + " " + Mask : Mask;
    }

    public static string Body(string? mediaType, string body)
    {
        if (mediaType is not null && mediaType.IndexOf("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return Form(body);
        }

        return Json(body);
    }

    public static string Describe(HttpHeaders headers, HttpHeaders? contentHeaders)
    {
        var all = headers.AsEnumerable();
        if (contentHeaders is not null)
        {
            all = all.Concat(contentHeaders);
        }

        return Headers(all);
    }
}
