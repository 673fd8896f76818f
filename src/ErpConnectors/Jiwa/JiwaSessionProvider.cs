using System;
using System.Collections.Specialized;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Jiwa;

/// <summary>
/// Jiwa user credentials: POST /auth with a JSON body (never the query-string form, which would put the password
/// into URLs and logs) opens a server session; every call carries it in the X-ss-id header. The server does not
/// say when the session ends, so it is renewed when refused: the handler logs in again with the held credential
/// and replays the call once.
/// </summary>
internal sealed class JiwaSessionProvider : CredentialLoginProvider
{
    private readonly string _userName;

    public JiwaSessionProvider(ConnectionRuntime runtime, string userName, SecureString password)
        : base(runtime, JiwaApi.Auth, password)
    {
        _userName = userName;
    }

    /// <summary>The display name from the last login.</summary>
    public event Action<string?>? LoggedIn;

    protected override OrderedDictionary Body(string password) => new()
    {
        ["provider"] = "credentials",
        ["UserName"] = _userName,
        ["Password"] = password,
        ["RememberMe"] = true,
    };

    protected override TokenSet Read(byte[] answer, DateTimeOffset now)
    {
        var (sessionId, displayName) = Parse(answer);
        LoggedIn?.Invoke(displayName);
        return new TokenSet(sessionId, now, expiresOn: null);
    }

    public override void Apply(HttpRequestMessage request, TokenSet token)
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
