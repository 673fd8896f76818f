using Microsoft.AspNetCore.WebUtilities;

namespace ErpConnectors.Sandbox;

/// <summary>One request as the sandbox saw it and answered it.</summary>
/// <param name="System">The emulated system ("severa"), or "host" for anything outside a system's prefix.</param>
/// <param name="QueryString">The raw query string, with its leading '?', or empty.</param>
/// <param name="StatusCode">The status actually answered, faults included.</param>
/// <param name="Headers">Request headers (case-insensitive names; repeated headers joined with ", ").</param>
/// <param name="ResponseHeaders">Response headers, same form.</param>
/// <param name="TimeUtc">When the request arrived.</param>
/// <param name="Body">The request body as text (bodies up to 64 KiB; null when there was none).</param>
/// <param name="FaultInjected">True when the answer came from fault injection rather than the emulation.</param>
public sealed record LoggedRequest(
    string System,
    string Method,
    string Path,
    string QueryString,
    int StatusCode,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> ResponseHeaders,
    DateTimeOffset TimeUtc,
    string? Body,
    bool FaultInjected)
{
    /// <summary>The decoded values of one query parameter (name case-insensitive), in order.</summary>
    public IReadOnlyList<string> QueryValues(string name)
    {
        var parsed = QueryHelpers.ParseQuery(QueryString);
        foreach (var (key, values) in parsed)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return [.. values.Select(v => v ?? string.Empty)];
            }
        }

        return [];
    }

    /// <summary>The first value of one query parameter, or null.</summary>
    public string? QueryValue(string name) => QueryValues(name) is [var first, ..] ? first : null;

    public override string ToString() => $"{Method} {Path}{QueryString} -> {StatusCode}";
}
