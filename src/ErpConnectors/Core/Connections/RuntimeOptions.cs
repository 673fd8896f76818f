using System;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Core.Connections;

/// <summary>Everything that differs between systems when building a connection's HTTP pipeline.</summary>
internal sealed class RuntimeOptions
{
    public RuntimeOptions(string systemName, Uri baseUri, IErrorParser errorParser)
    {
        SystemName = systemName;
        BaseUri = baseUri;
        ErrorParser = errorParser;
    }

    public string SystemName { get; }

    public Uri BaseUri { get; }

    public IErrorParser ErrorParser { get; }

    public RetrySettings Retry { get; init; } = new();

    /// <summary>Shared pacer for the vendor's quota (per client id), or null for no client-side pacing.</summary>
    public SlidingWindowPacer? Pacer { get; init; }

    /// <summary>Replaces the socket handler (unit tests plug MockHttp in here).</summary>
    public Func<HttpMessageHandler>? PrimaryHandler { get; init; }
}
