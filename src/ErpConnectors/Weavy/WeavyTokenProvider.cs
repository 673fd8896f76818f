using System;
using System.Collections.Specialized;
using System.Globalization;
using System.Net.Http;
using System.Security;
using System.Text.Json;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Connections;

namespace ErpConnectors.Weavy;

/// <summary>
/// Weavy authentication: POST v1/Authenticate with the project, user and password gives a bearer token valid for
/// expiresIn seconds (chosen unit). There is no refresh token: the manager authenticates again with the held
/// credential shortly before expiry, and once more (then replays once) when a call is refused. The body's
/// field names are the ones the production integration sends (Webmecanik/mautic, MauticDivaltoBundle
/// Connection/Client.php: "username", not the "userName" an earlier reading of the guide gave).
/// </summary>
internal sealed class WeavyTokenProvider : CredentialLoginProvider
{
    private readonly string _projectCode;
    private readonly string _userName;

    public WeavyTokenProvider(ConnectionRuntime runtime, string projectCode, string userName, SecureString password)
        : base(runtime, WeavyApi.Authenticate, password)
    {
        _projectCode = projectCode;
        _userName = userName;
    }

    /// <summary>The password's expiry, from the last sign-in.</summary>
    public event Action<DateTimeOffset?>? SignedIn;

    protected override OrderedDictionary Body(string password) => new()
    {
        ["scope"] = "API",
        ["projectCode"] = _projectCode,
        [WeavyApi.UserNameField] = _userName,
        ["password"] = password,
    };

    protected override TokenSet Read(byte[] answer, DateTimeOffset now)
    {
        var (token, passwordExpiry) = Parse(answer, now);
        SignedIn?.Invoke(passwordExpiry);
        return token;
    }

    public override void Apply(HttpRequestMessage request, TokenSet token) =>
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
