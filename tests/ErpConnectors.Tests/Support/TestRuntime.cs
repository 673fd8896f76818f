using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security;
using System.Text;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;
using ErpConnectors.Severa;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests.Support;

/// <summary>Builds real connection runtimes whose socket handler is a MockHttp handler.</summary>
internal static class TestRuntime
{
    public static readonly Uri BaseUri = new("https://erp.test/api/v1");

    /// <summary>Short delays so retry tests finish in milliseconds; the cap is small enough to measure.</summary>
    public static RetrySettings FastRetry(int maxRetries = 3, int maxDelayMs = 300, int attemptTimeoutMs = 5000) => new()
    {
        MaxRetries = maxRetries,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(maxDelayMs),
        IdleTimeout = TimeSpan.FromMilliseconds(attemptTimeoutMs),
    };

    /// <summary>A runtime with a fixed bearer token (no token endpoint involved).</summary>
    public static ConnectionRuntime Create(MockHttpMessageHandler mock, RetrySettings? retry = null, Uri? baseUri = null, IErrorParser? parser = null, SlidingWindowPacer? pacer = null)
    {
        var runtime = new ConnectionRuntime(new RuntimeOptions("Test", baseUri ?? BaseUri, parser ?? new SeveraErrorParser())
        {
            PrimaryHandler = () => mock,
            Retry = retry ?? FastRetry(),
            Pacer = pacer,
        });
        runtime.UseTokens(new TokenManager(new FixedTokenProvider("fixed-token")));
        return runtime;
    }

    /// <summary>A Severa runtime built the way Connect-Severa builds it, with its real token provider.</summary>
    public static (ConnectionRuntime Runtime, SeveraConnection Connection) CreateSevera(MockHttpMessageHandler mock, Uri? baseUri = null, string? clientId = null, string secret = "s3cr3t-value", string[]? scopes = null)
    {
        // A unique client id: the pacer is shared per client id across the process.
        var connection = new SeveraConnection(baseUri ?? SeveraBase, clientId ?? "client-" + Guid.NewGuid().ToString("N"), SeveraEnvironment.Custom, scopes ?? new[] { "customers:read", "projects:read" });
        ConnectionRuntime runtime = SeveraSession.Create(connection, SecretText.Protect(secret), 1000, () => mock, FastRetry());
        return (runtime, connection);
    }

    public static readonly Uri SeveraBase = new("https://severa.test/rest-api/v1.0");

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return response;
    }

    public static HttpResponseMessage Text(string text, HttpStatusCode status)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return response;
    }

    /// <summary>Milliseconds between two Stopwatch timestamps.</summary>
    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>A provider whose token never changes and which cannot log in again (a bare API token).</summary>
internal sealed class FixedTokenProvider : ITokenProvider
{
    private readonly string _token;

    public FixedTokenProvider(string token) => _token = token;

    public bool CanReauthenticate => false;

    public int Acquisitions;

    public Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Acquisitions);
        return Task.FromResult(new TokenSet(_token, DateTimeOffset.UtcNow, null));
    }

    public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) => Task.FromResult<TokenSet?>(null);

    public void Apply(HttpRequestMessage request, TokenSet token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
}
