using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Qics;

/// <summary>
/// QicsMilestones OAuth2 (authorization code only): the first token comes from a one-time code (a browser
/// sign-in) or from a stored refresh token (runbooks); every renewal is a refresh, which rotates both tokens and
/// kills the old ones. There is no credential to sign in again without a person, so a dead refresh token ends
/// the connection with a clear error. Every call carries the bearer token, the api-key and the tenant-id.
/// </summary>
internal sealed class QicsTokenProvider : ITokenProvider
{
    private readonly ConnectionRuntime _runtime;
    private readonly string _clientId;
    private readonly SecureString _clientSecret;
    private readonly string _apiKey;
    private readonly string _tenantId;
    private string? _code;
    private Uri? _redirectUri;
    private string? _initialRefreshToken;

    public QicsTokenProvider(ConnectionRuntime runtime, string clientId, SecureString clientSecret, SecureString apiKey, long tenantId)
    {
        _runtime = runtime;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _apiKey = SecretText.Use(apiKey, key => key);
        _tenantId = tenantId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool CanReauthenticate => false;

    /// <summary>Whether the last token came from a refresh (and so rotated the refresh token).</summary>
    public bool LastGrantWasRefresh { get; private set; }

    /// <summary>The one-time code from the browser sign-in, exchanged by the next acquisition.</summary>
    public void UseAuthorizationCode(string code, Uri redirectUri)
    {
        _code = code;
        _redirectUri = redirectUri;
    }

    /// <summary>A stored refresh token (a runbook's), used once by the next acquisition.</summary>
    public void UseRefreshToken(SecureString refreshToken) => _initialRefreshToken = SecretText.Use(refreshToken, token => token);

    public async Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _code, null) is { } code)
        {
            return await GrantAsync(new[] { ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", _redirectUri!.AbsoluteUri) }, refresh: false, output, cancellationToken).ConfigureAwait(false);
        }

        if (Interlocked.Exchange(ref _initialRefreshToken, null) is { } refreshToken)
        {
            return await GrantAsync(new[] { ("grant_type", "refresh_token"), ("refresh_token", refreshToken) }, refresh: true, output, cancellationToken).ConfigureAwait(false);
        }

        throw ApiException.ReauthenticationImpossible();
    }

    public async Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) =>
        await GrantAsync(new[] { ("grant_type", "refresh_token"), ("refresh_token", current.RefreshToken!) }, refresh: true, output, cancellationToken).ConfigureAwait(false);

    public void Apply(HttpRequestMessage request, TokenSet token)
    {
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        request.Headers.Remove(QicsApi.ApiKeyHeader);
        request.Headers.TryAddWithoutValidation(QicsApi.ApiKeyHeader, _apiKey);
        request.Headers.Remove(QicsApi.TenantHeader);
        request.Headers.TryAddWithoutValidation(QicsApi.TenantHeader, _tenantId);
    }

    private async Task<TokenSet> GrantAsync(IEnumerable<(string Name, string Value)> grant, bool refresh, ICallOutput? output, CancellationToken cancellationToken)
    {
        TransportGuard.EnsureSecretsMayTravel(_runtime.BaseUri);
        var form = grant.Concat(new[] { (Name: "client_id", Value: _clientId) }).ToList();
        byte[] body = SecretText.Use(_clientSecret, secret =>
        {
            form.Add((Name: "client_secret", Value: secret));
            return Encoding.UTF8.GetBytes(string.Join("&", form.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value))));
        });

        // A token request is never replayed after it may have reached the server: a refresh that was applied but
        // whose answer was lost has already killed the old refresh token, and a second one would be refused.
        var request = new ApiRequest(HttpMethod.Post, QicsApi.Token) { Body = body, ContentType = "application/x-www-form-urlencoded", Idempotent = false };
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using HttpResponseMessage response = await _runtime.SendAsync(request, output, cancellationToken, anonymous: true, sensitiveBody: true).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        TokenSet token = Parse(answer, now);
        LastGrantWasRefresh = refresh;
        return token;
    }

    internal static TokenSet Parse(byte[] body, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        string accessToken = String(root, "access_token") ?? throw new JsonException("The token answer has no access_token.");
        string refreshToken = String(root, "refresh_token") ?? throw new JsonException("The token answer has no refresh_token.");
        DateTimeOffset? expires = root.TryGetProperty("expires_in", out var seconds) && seconds.ValueKind == JsonValueKind.Number ? now.AddSeconds(seconds.GetDouble()) : null;
        return new TokenSet(accessToken, now, expires) { RefreshToken = refreshToken };
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
