using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// Adds the connection's credentials to each request as it leaves the pacer (it sits inside the pacing step, so a
/// token never ages in the queue). On a 401 it renews the token (single-flight: concurrent callers refused the
/// same token share one sign-in) and replays the request with the token current at that moment: a 401 means the
/// server refused the request, so even a write may be sent again. A replay is paced like any request. A replay
/// refused again is replayed once more only when the token it carried had served, was carried by other requests
/// too, or was replaced meanwhile (it died, as tokens that expire at random moments do under many concurrent
/// callers); a fresh token only this request carried, refused at once, is a real refusal, reported after the one
/// replay.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    /// <summary>
    /// The most replays of one request. Only tokens that died after serving count against it, so it is high enough
    /// that dozens of callers sharing a connection whose tokens die every few requests all get through.
    /// </summary>
    internal const int MaxReplays = 16;

    private readonly TokenManager _tokens;
    private readonly SlidingWindowPacer? _pacer;

    public AuthenticationHandler(TokenManager tokens, SlidingWindowPacer? pacer = null)
    {
        _tokens = tokens;
        _pacer = pacer;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = CallOptions.Of(request);
        if (call?.Anonymous == true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        Uri? original = request.RequestUri;
        TransportGuard.EnsureSecretsMayTravel(original);
        TokenSet token = await _tokens.GetAsync(call?.Output, cancellationToken).ConfigureAwait(false);
        _tokens.Provider.Apply(request, token);
        HttpResponseMessage response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        for (int replays = 0; response.StatusCode == HttpStatusCode.Unauthorized && replays < MaxReplays && _tokens.CanReplace(token) && (replays == 0 || Died(token)); replays++)
        {
            response.Dispose();
            if (call?.SessionBound == true)
            {
                // A new session cannot serve what the old one held: renew for the calls that follow, but do not replay.
                await _tokens.RenewAfterRejectionAsync(token, call.Output, cancellationToken).ConfigureAwait(false);
                throw ApiException.SessionLost(call.SystemName, call.Call ?? $"{request.Method} {request.RequestUri?.AbsolutePath}");
            }

            if (request.RequestUri != original)
            {
                // Only ever the address the caller asked for: a message something redirected is never replayed.
                throw new InvalidOperationException("The request's address changed on the way; it is not replayed.");
            }

            call?.Output?.Verbose($"{call.SystemName}: the server refused the token; authenticating again and replaying the request.");
            await _tokens.RenewAfterRejectionAsync(token, call?.Output, cancellationToken).ConfigureAwait(false);
            if (_pacer is not null)
            {
                await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false); // the quota counts the replay
            }

            // The token current now, after the wait: another caller may have renewed it meanwhile.
            token = await _tokens.GetAsync(call?.Output, cancellationToken).ConfigureAwait(false);
            _tokens.Provider.Apply(request, token);
            response = await SendWithAsync(request, token, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    // A token refused after it served, or that other requests carried too (one of them may have outlived it), or that
    // another caller already replaced: it died, and replaying costs at most one shared sign-in. A token only this
    // request ever carried, refused at once, was refused for real.
    private bool Died(TokenSet refused) => refused.HasServed || refused.Uses > 1 || !ReferenceEquals(_tokens.Current, refused);

    private async Task<HttpResponseMessage> SendWithAsync(HttpRequestMessage request, TokenSet token, CancellationToken cancellationToken)
    {
        token.CountUse();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            token.MarkServed();
        }

        return response;
    }
}
