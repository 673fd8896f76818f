using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// Adds the connection's credentials to each request. On a 401 it renews the token once and replays the request
/// once: a 401 means the server refused the request, so even a write may be sent again.
/// </summary>
internal sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly TokenManager _tokens;

    public AuthenticationHandler(TokenManager tokens) => _tokens = tokens;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var call = CallOptions.Of(request);
        if (call?.Anonymous == true)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        TransportGuard.EnsureSecretsMayTravel(request.RequestUri);
        TokenSet token = await _tokens.GetAsync(call?.Output, cancellationToken).ConfigureAwait(false);
        _tokens.Provider.Apply(request, token);
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !_tokens.CanReplace(token))
        {
            return response;
        }

        response.Dispose();
        if (call?.SessionBound == true)
        {
            // A new session cannot serve what the old one held: renew for the calls that follow, but do not replay.
            await _tokens.RenewAfterRejectionAsync(token, call.Output, cancellationToken).ConfigureAwait(false);
            throw ApiException.SessionLost(call.SystemName, $"{request.Method} {request.RequestUri?.AbsolutePath}");
        }

        call?.Output?.Verbose($"{call.SystemName}: the server refused the token; authenticating again and replaying the request once.");
        token = await _tokens.RenewAfterRejectionAsync(token, call?.Output, cancellationToken).ConfigureAwait(false);
        _tokens.Provider.Apply(request, token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
