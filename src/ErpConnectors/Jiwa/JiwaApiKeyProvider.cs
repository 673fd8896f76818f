using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Jiwa;

/// <summary>
/// A Jiwa API key, sent as a bearer token (never as the apikey query parameter, which would land in URLs and
/// logs). There is nothing to renew: a refused key (expired or revoked) is a terminating error.
/// </summary>
internal sealed class JiwaApiKeyProvider : ITokenProvider
{
    private readonly SecureString _apiKey;

    public JiwaApiKeyProvider(SecureString apiKey) => _apiKey = apiKey;

    public bool CanReauthenticate => false;

    public Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken) =>
        Task.FromResult(new TokenSet(SecretText.Use(_apiKey, key => key), DateTimeOffset.UtcNow, expiresOn: null));

    public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) =>
        Task.FromResult<TokenSet?>(null);

    public void Apply(HttpRequestMessage request, TokenSet token) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
}
