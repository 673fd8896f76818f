using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Severa;

/// <summary>
/// Severa client credentials: POST /token with id, secret and scopes; POST /refreshtoken with the refresh token as
/// a JSON string and the client_id header. Every call carries client_id and the bearer token.
/// </summary>
internal sealed class SeveraTokenProvider : ITokenProvider
{
    private readonly ConnectionRuntime _runtime;
    private readonly string _clientId;
    private readonly SecureString _clientSecret;
    private readonly string _scope;

    public SeveraTokenProvider(ConnectionRuntime runtime, string clientId, SecureString clientSecret, string[] scopes)
    {
        _runtime = runtime;
        _clientId = clientId;
        _clientSecret = clientSecret;
        _scope = string.Join(" ", scopes);
    }

    public bool CanReauthenticate => true;

    public async Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, SeveraApi.Token)
        {
            Body = SecretText.Use(_clientSecret, secret => JsonBody.Serialize(new System.Collections.Specialized.OrderedDictionary
            {
                ["client_Id"] = _clientId,
                ["client_Secret"] = secret,
                ["scope"] = _scope,
            })),
        };
        return await SendAsync(request, output, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken)
    {
        var request = new ApiRequest(HttpMethod.Post, SeveraApi.RefreshToken)
        {
            Body = JsonBody.Serialize(current.RefreshToken),
        };
        request.Headers["client_id"] = _clientId;
        return await SendAsync(request, output, cancellationToken).ConfigureAwait(false);
    }

    public void Apply(HttpRequestMessage request, TokenSet token)
    {
        request.Headers.Remove("client_id");
        request.Headers.TryAddWithoutValidation("client_id", _clientId);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    private async Task<TokenSet> SendAsync(ApiRequest request, ICallOutput? output, CancellationToken cancellationToken)
    {
        Core.Auth.TransportGuard.EnsureSecretsMayTravel(_runtime.BaseUri);
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using HttpResponseMessage response = await _runtime.SendAsync(request, output, cancellationToken, anonymous: true, sensitiveBody: true).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return Parse(body, now);
    }

    /// <summary>Reads the token answer; the vendor's examples use both the long and the short expiry names.</summary>
    internal static TokenSet Parse(byte[] body, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        string accessToken = String(root, "access_token") ?? throw new JsonException("The token answer has no access_token.");
        DateTimeOffset? expires = Expiry(root, now, "access_token_expires_utc", "access_token_expires_in") ?? Expiry(root, now, "expires_utc", "expires_in");
        return new TokenSet(accessToken, now, expires)
        {
            RefreshToken = String(root, "refresh_token"),
            RefreshExpiresOn = Expiry(root, now, "refresh_token_expires_utc", "refresh_token_expires_in"),
            Scopes = (String(root, "scope") ?? string.Empty).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToArray(),
        };
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Prefer the relative lifetime: it does not depend on the two clocks agreeing.
    private static DateTimeOffset? Expiry(JsonElement root, DateTimeOffset now, string utcName, string secondsName)
    {
        if (root.TryGetProperty(secondsName, out var seconds) && seconds.ValueKind == JsonValueKind.Number)
        {
            return now.AddSeconds(seconds.GetDouble());
        }

        if (String(root, utcName) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        return null;
    }
}
