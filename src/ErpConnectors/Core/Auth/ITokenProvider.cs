using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// One system's authentication: how to get a token with the held credential, how to refresh it, and how a
/// request carries it. The <see cref="TokenManager"/> decides when; the provider only knows how.
/// </summary>
internal interface ITokenProvider
{
    /// <summary>Authenticates with the held credential. Throws ApiException with the server's message on refusal.</summary>
    Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken);

    /// <summary>Renews with the refresh token; null when this system cannot (then the manager acquires anew).</summary>
    Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken);

    /// <summary>Whether a refused token can be replaced at all (a bare API key or access token cannot).</summary>
    bool CanReauthenticate { get; }

    void Apply(HttpRequestMessage request, TokenSet token);
}
