using System;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Core.Auth;

/// <summary>
/// Keeps one connection's token current. Acquisition and refresh are single-flight: however many requests find
/// the token stale at once, one of them renews it and the others wait for that result. Some vendors allow one
/// live refresh token per client, so two concurrent refreshes would lock the connection out.
/// </summary>
internal sealed class TokenManager
{
    private readonly ITokenProvider _provider;
    private readonly Func<DateTimeOffset> _clock;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenSet? _current;

    public TokenManager(ITokenProvider provider, Func<DateTimeOffset>? clock = null)
    {
        _provider = provider;
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>Raised after every successful acquisition or refresh (connections show the new expiry).</summary>
    public event Action<TokenSet>? Renewed;

    public TokenSet? Current => Volatile.Read(ref _current);

    public ITokenProvider Provider => _provider;

    /// <summary>A token good for the next request, renewing it first if it is (nearly) expired.</summary>
    public async ValueTask<TokenSet> GetAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        TokenSet? token = Current;
        if (token is not null && !token.NeedsRenewal(_clock()))
        {
            return token;
        }

        return await RenewAsync(token, output, rejected: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a refused token can be replaced: by logging in again, or with its refresh token.</summary>
    public bool CanReplace(TokenSet token) => _provider.CanReauthenticate || token.CanRefresh(_clock());

    /// <summary>The server refused <paramref name="rejected"/>: replace it, unless another caller already has.</summary>
    public ValueTask<TokenSet> RenewAfterRejectionAsync(TokenSet rejected, ICallOutput? output, CancellationToken cancellationToken) =>
        RenewAsync(rejected, output, rejected: true, cancellationToken);

    /// <summary>Drops the token (Disconnect): the next request authenticates anew.</summary>
    public void Forget() => Volatile.Write(ref _current, null);

    private async ValueTask<TokenSet> RenewAsync(TokenSet? stale, ICallOutput? output, bool rejected, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TokenSet? current = Current;
            if (current is not null && !ReferenceEquals(current, stale) && !current.NeedsRenewal(_clock()))
            {
                return current; // renewed by someone else while we waited
            }

            TokenSet renewed = await RenewCoreAsync(current, output, rejected, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, renewed);
            Renewed?.Invoke(renewed);
            return renewed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<TokenSet> RenewCoreAsync(TokenSet? current, ICallOutput? output, bool rejected, CancellationToken cancellationToken)
    {
        if (current is null)
        {
            return await _provider.AcquireAsync(output, cancellationToken).ConfigureAwait(false);
        }

        if (current.CanRefresh(_clock()))
        {
            try
            {
                TokenSet? refreshed = await _provider.RefreshAsync(current, output, cancellationToken).ConfigureAwait(false);
                if (refreshed is not null)
                {
                    return refreshed;
                }
            }
            catch (ApiException ex) when (ex.IsAuthenticationFailure && _provider.CanReauthenticate)
            {
                // The refresh token died (expired, or superseded by a newer login): log in again below.
                output?.Verbose($"Refreshing the token failed ({ex.Message}); authenticating again.");
            }
        }

        if (!_provider.CanReauthenticate)
        {
            // A bare key or token: use it until the server refuses it, then say so plainly.
            return rejected ? throw ApiException.ReauthenticationImpossible() : current;
        }

        return await _provider.AcquireAsync(output, cancellationToken).ConfigureAwait(false);
    }
}
