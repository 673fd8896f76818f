using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;

namespace ErpConnectors.Core.Requests;

/// <summary>
/// A call described as data (method, route, query, body); the connection turns it into an HTTP request. Query
/// keys may repeat (<c>numbers=1&amp;numbers=2</c>), in the order added.
/// </summary>
internal sealed class ApiRequest
{
    private readonly List<KeyValuePair<string, string>> _query = new();

    public ApiRequest(HttpMethod method, string path)
    {
        Method = method;
        Path = path.TrimStart('/');
        Idempotent = Http.RetryRules.IsSafeMethod(method);
    }

    public HttpMethod Method { get; }

    /// <summary>Relative to the connection's base URI, e.g. "customers" or "invoices/{guid}/invoicerows".</summary>
    public string Path { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Query => _query;

    /// <summary>Raw JSON (already serialized, so a replay sends identical bytes).</summary>
    public byte[]? Body { get; set; }

    public string ContentType { get; set; } = "application/json";

    /// <summary>Replaying it cannot change anything twice. Defaults to true for GET/HEAD/OPTIONS.</summary>
    public bool Idempotent { get; set; }

    /// <summary>
    /// It works on state the server keeps in the current session (Jiwa's stateful edits): after the session
    /// ends, a new one cannot serve it, so it is never replayed after re-authentication.
    /// </summary>
    public bool SessionBound { get; set; }

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiRequest Get(string path) => new(HttpMethod.Get, path);

    public ApiRequest Add(string key, object? value)
    {
        if (value is not null)
        {
            _query.Add(new KeyValuePair<string, string>(key, Format(value)));
        }

        return this;
    }

    public ApiRequest AddEach<T>(string key, IEnumerable<T>? values)
    {
        if (values is not null)
        {
            foreach (T value in values)
            {
                Add(key, value);
            }
        }

        return this;
    }

    /// <summary>Replaces every value of <paramref name="key"/> (paging cursors).</summary>
    public ApiRequest Set(string key, object? value)
    {
        _query.RemoveAll(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase));
        return Add(key, value);
    }

    /// <summary>Replaces every value of <paramref name="key"/> with <paramref name="values"/>, where the first one stood.</summary>
    public void ReplaceAll(string key, IEnumerable<string> values)
    {
        int at = _query.FindIndex(pair => string.Equals(pair.Key, key, StringComparison.Ordinal));
        _query.RemoveAll(pair => string.Equals(pair.Key, key, StringComparison.Ordinal));
        _query.InsertRange(at < 0 ? _query.Count : at, values.Select(value => new KeyValuePair<string, string>(key, value)));
    }

    public string? GetQueryValue(string key) =>
        _query.Where(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Select(pair => pair.Value).LastOrDefault();

    /// <summary>
    /// A full URI the server gave (an OData nextLink), used as is instead of path and query. Only ever one on the
    /// connection's own host: see <see cref="UseAbsolute"/>.
    /// </summary>
    public Uri? Absolute { get; private set; }

    /// <summary>Follows a server-given link; refuses one that leaves the connection's host (it would carry the credentials).</summary>
    public bool UseAbsolute(Uri link, Uri baseUri)
    {
        if (!link.IsAbsoluteUri || !string.Equals(link.Scheme, baseUri.Scheme, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(link.Authority, baseUri.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Absolute = link;
        return true;
    }

    public Uri BuildUri(Uri baseUri)
    {
        if (Absolute is not null)
        {
            return Absolute;
        }

        var text = new StringBuilder(baseUri.AbsoluteUri.TrimEnd('/'));
        if (Path.Length > 0)
        {
            text.Append('/').Append(Path);
        }

        char separator = Path.IndexOf('?') >= 0 ? '&' : '?';
        foreach (var pair in _query)
        {
            text.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        var uri = new Uri(text.ToString());
        if (!RelativePath.IsUnder(uri, baseUri))
        {
            // Dot segments the Uri class resolved: the call would leave the API root with the credentials.
            throw new Errors.ApiException("ErpConnectors", $"Refusing {Method} /{Path}: it resolves to {Http.Redactor.Address(uri)}, outside the connection's API root {Http.Redactor.Address(baseUri)}.", System.Management.Automation.ErrorCategory.SecurityError, "ErpConnectors.PathOutsideBase") { Target = Path };
        }

        return uri;
    }

    /// <summary>
    /// The request as it is now, for sending again later (a page read once more after its body broke off) while
    /// this one moves on to the next page.
    /// </summary>
    public ApiRequest Snapshot()
    {
        var copy = new ApiRequest(Method, Path)
        {
            Body = Body,
            ContentType = ContentType,
            Idempotent = Idempotent,
            SessionBound = SessionBound,
            Absolute = Absolute,
        };
        copy._query.AddRange(_query);
        foreach (var header in Headers)
        {
            copy.Headers[header.Key] = header.Value;
        }

        return copy;
    }

    /// <summary>"GET /customers" for messages (no query string: on some systems it may hold secrets).</summary>
    public string Describe() => $"{Method} /{Path}";

    /// <summary>Query values leave the module culture-invariant and in ISO 8601.</summary>
    public static string Format(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset moment => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        // A DateTime without a kind was typed by a person in their own time zone (Get-Date, '2024-05-01').
        DateTime time => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        Guid guid => guid.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
