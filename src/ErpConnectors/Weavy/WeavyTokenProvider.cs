using System;
using System.Collections.Specialized;
using System.Globalization;
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

namespace ErpConnectors.Weavy;

/// <summary>
/// Weavy authentication: POST v1/Authenticate with the project, user and password gives a bearer token valid for
/// expiresIn seconds (chosen unit). There is no refresh token: the manager authenticates again with the held
/// credential shortly before expiry, and once more (then replays once) when a call is refused.
/// </summary>
internal sealed class WeavyTokenProvider : ITokenProvider
{
    private readonly ConnectionRuntime _runtime;
    private readonly string _projectCode;
    private readonly string _userName;
    private readonly SecureString _password;

    public WeavyTokenProvider(ConnectionRuntime runtime, string projectCode, string userName, SecureString password)
    {
        _runtime = runtime;
        _projectCode = projectCode;
        _userName = userName;
        _password = password;
    }

    public bool CanReauthenticate => true;

    /// <summary>The password's expiry, from the last sign-in.</summary>
    public event Action<DateTimeOffset?>? SignedIn;

    public async Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        TransportGuard.EnsureSecretsMayTravel(_runtime.BaseUri);
        byte[] body = SecretText.Use(_password, password => JsonBody.Serialize(new OrderedDictionary
        {
            ["scope"] = "API",
            ["projectCode"] = _projectCode,
            ["userName"] = _userName,
            ["password"] = password,
        }));
        var request = new ApiRequest(HttpMethod.Post, WeavyApi.Authenticate) { Body = body, Idempotent = true }; // a sign-in changes nothing twice
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using HttpResponseMessage response = await _runtime.SendAsync(request, output, cancellationToken, anonymous: true, sensitiveBody: true).ConfigureAwait(false);
        byte[] answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var (token, passwordExpiry) = Parse(answer, now);
        SignedIn?.Invoke(passwordExpiry);
        return token;
    }

    public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) =>
        Task.FromResult<TokenSet?>(null);

    public void Apply(HttpRequestMessage request, TokenSet token) =>
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);

    internal static (TokenSet Token, DateTimeOffset? PasswordExpiry) Parse(byte[] body, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        string token = String(root, "authToken") ?? throw new JsonException("The Weavy sign-in answer has no authToken.");
        DateTimeOffset? expires = root.TryGetProperty("expiresIn", out var seconds) && seconds.ValueKind == JsonValueKind.Number ? now.AddSeconds(seconds.GetDouble()) : null;
        DateTimeOffset? passwordExpiry = String(root, "passwordExpiryUTC") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        return (new TokenSet(token, now, expires), passwordExpiry);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
