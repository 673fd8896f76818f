using System;

namespace ErpConnectors.Sandbox;

/// <summary>One request that reached the sandbox, as it answered it. Secrets in the query and body are masked (***).</summary>
public sealed class ErpSandboxRequest
{
    internal ErpSandboxRequest(string system, string method, string path, string query, int statusCode, DateTimeOffset time, bool faultInjected, string? body)
    {
        System = system;
        Method = method;
        Path = path;
        Query = query;
        StatusCode = statusCode;
        Time = time;
        FaultInjected = faultInjected;
        Body = body;
    }

    /// <summary>Severa, Jiwa, Qics, Weavy, Microbizz, or Host for anything outside them.</summary>
    public string System { get; }

    public string Method { get; }

    /// <summary>The URL path, e.g. /severa/rest-api/v1.0/customers.</summary>
    public string Path { get; }

    /// <summary>The raw query string with its '?', or empty.</summary>
    public string Query { get; }

    /// <summary>The status the sandbox answered, injected faults included.</summary>
    public int StatusCode { get; }

    /// <summary>When the request arrived (UTC).</summary>
    public DateTimeOffset Time { get; }

    /// <summary>True when a fault (Set-ErpSandbox rates, Add-ErpSandboxFault) answered instead of the emulation.</summary>
    public bool FaultInjected { get; }

    /// <summary>The request body as text (up to 64 KiB), or null.</summary>
    public string? Body { get; }

    public override string ToString() => $"{Method} {Path}{Query} -> {StatusCode}";
}
