using System;
using System.Collections.Specialized;
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

namespace ErpConnectors.Jiwa;

/// <summary>
/// Jiwa user credentials: POST /auth with a JSON body (never the query-string form, which would put the password
/// into URLs and logs) opens a server session; every call carries it in the X-ss-id header. The server does not
/// say when the session ends, so it is renewed when refused: the handler logs in again with the held credential
/// and replays the call once.
/// </summary>
internal sealed class JiwaSessionProvider : ITokenProvider
{
    private readonly ConnectionRuntime _runtime;
    private readonly string _userName;
    private readonly SecureString _password;

    public JiwaSessionProvider(ConnectionRuntime runtime, string userName, SecureString password)
    {
        _runtime = runtime;
        _userName = userName;
        _password = password;
    }

    public bool CanReauthenticate => true;

    /// <summary>The display name from the last login.</summary>
    public event Action<string?>? LoggedIn;

    public async Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken)
    {
        TransportGuard.EnsureSecretsMayTravel(_runtime.BaseUri);
        var request = new ApiRequest(HttpMethod.Post, JiwaApi.Auth)
        {
            Body = SecretText.Use(_password, password => JsonBody.Serialize(new OrderedDictionary
            {
                ["provider"] = "credentials",
                ["UserName"] = _userName,
                ["Password"] = password,
                ["RememberMe"] = true,
            })),
            Idempotent = true, // a login changes nothing that a second login would change twice
        };
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using HttpResponseMessage response = await _runtime.SendAsync(request, output, cancellationToken, anonymous: true, sensitiveBody: true).ConfigureAwait(false);
        byte[] body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var (sessionId, displayName) = Parse(body);
        LoggedIn?.Invoke(displayName);
        return new TokenSet(sessionId, now, expiresOn: null);
    }

    public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) =>
        Task.FromResult<TokenSet?>(null); // sessions have no refresh token: the manager logs in again

    public void Apply(HttpRequestMessage request, TokenSet token)
    {
        request.Headers.Remove(JiwaApi.SessionHeader);
        request.Headers.TryAddWithoutValidation(JiwaApi.SessionHeader, token.AccessToken);
    }

    internal static (string SessionId, string? DisplayName) Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        JsonElement root = document.RootElement;
        string? sessionId = null;
        string? displayName = null;
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                if (string.Equals(property.Name, "SessionId", StringComparison.OrdinalIgnoreCase))
                {
                    sessionId = property.Value.GetString();
                }
                else if (string.Equals(property.Name, "DisplayName", StringComparison.OrdinalIgnoreCase))
                {
                    displayName = property.Value.GetString();
                }
            }
        }

        if (string.IsNullOrEmpty(sessionId))
        {
            throw new JsonException("The Jiwa /auth answer has no SessionId.");
        }

        return (sessionId!, string.IsNullOrEmpty(displayName) ? null : displayName);
    }
}
