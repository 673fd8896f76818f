using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Http;

/// <summary>
/// The redirect policy, enforced here whatever the socket handler would do (tests plug their own in): a
/// same-origin redirect of a safe request is followed (a few hops, each paced and checked by the transport
/// guard); a redirected sign-in, a redirect to another scheme, host or port, or a redirected write is an error
/// naming both addresses, and nothing is sent to the new one. Each hop is a new message: the one the caller holds
/// keeps its address, so a replay never goes where a redirect pointed.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    internal const int MaxHops = 5;

    private readonly SlidingWindowPacer? _pacer;

    public RedirectHandler(SlidingWindowPacer? pacer) => _pacer = pacer;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        CallOptions? call = CallOptions.Of(request);
        Uri from = request.RequestUri!;
        for (int hops = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hops++)
        {
            var to = location.IsAbsoluteUri ? location : new Uri(from, location);
            int status = (int)response.StatusCode;
            string? refusal = call?.SensitiveBody == true ? "a sign-in or token request is never redirected: it carries the credential"
                : !SameOrigin(from, to) ? "the new address is another origin (scheme, host or port), and the request carries the connection's credentials"
                : !RetryRules.IsSafeMethod(request.Method) ? $"only reads (GET, HEAD) are followed; a redirected {request.Method} could be applied twice or in the wrong place"
                : hops >= MaxHops ? $"more than {MaxHops} redirects in a row"
                : null;
            if (refusal is not null)
            {
                response.Dispose();
                throw ApiException.RedirectRefused(call?.SystemName ?? "ErpConnectors", call?.Call ?? $"{request.Method} {from.AbsolutePath}", status, from, to, refusal);
            }

            TransportGuard.EnsureSecretsMayTravel(to);
            response.Dispose();
            call?.Output?.Verbose($"{call.SystemName} {request.Method} {Redactor.PathAndQuery(from)}: {status} redirect to {Redactor.PathAndQuery(to)} on the same origin; following it");
            using HttpRequestMessage hop = Hop(request, to);
            if (_pacer is not null)
            {
                await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false); // the quota counts every hop
            }

            response = await base.SendAsync(hop, cancellationToken).ConfigureAwait(false);
            from = to;
        }

        return response;
    }

    internal static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    internal static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) &&
        a.Port == b.Port &&
        string.IsNullOrEmpty(b.UserInfo);

    // A read has no body: the hop carries the same method and headers (credentials included: same origin).
    private static HttpRequestMessage Hop(HttpRequestMessage request, Uri to)
    {
        var hop = new HttpRequestMessage(request.Method, to) { Version = request.Version };
        foreach (var header in request.Headers)
        {
            hop.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        CallOptions.Of(request)?.AttachTo(hop);
        return hop;
    }
}
