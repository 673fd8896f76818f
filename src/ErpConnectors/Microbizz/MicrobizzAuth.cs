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

namespace ErpConnectors.Microbizz;

/// <summary>
/// Microbizz login (chosen in the contract): POST {base}/login with the user name and password gives an access
/// token. The document says a token may expire at any moment: it is renewed when refused (one login, one replay).
/// </summary>
internal sealed class MicrobizzLoginProvider : CredentialLoginProvider
{
    private readonly string _userName;

    public MicrobizzLoginProvider(ConnectionRuntime runtime, string userName, SecureString password)
        : base(runtime, MicrobizzApi.Login, password)
    {
        _userName = userName;
    }

    protected override OrderedDictionary Body(string password) => new() { ["username"] = _userName, ["password"] = password };

    protected override TokenSet Read(byte[] answer, DateTimeOffset now)
    {
        using var document = JsonDocument.Parse(answer);
        string token = document.RootElement.TryGetProperty("access_token", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new JsonException("The Microbizz login answer has no access_token.");
        return new TokenSet(token, now, expiresOn: null);
    }

    public override void Apply(HttpRequestMessage request, TokenSet token) => MicrobizzTokenProvider.SetCookie(request, token.AccessToken);
}

/// <summary>A token the user already has: nothing to renew; a refused token is a terminating error.</summary>
internal sealed class MicrobizzTokenProvider : ITokenProvider
{
    private readonly SecureString _token;

    public MicrobizzTokenProvider(SecureString token) => _token = token;

    public bool CanReauthenticate => false;

    public Task<TokenSet> AcquireAsync(ICallOutput? output, CancellationToken cancellationToken) =>
        Task.FromResult(new TokenSet(SecretText.Use(_token, t => t), DateTimeOffset.UtcNow, expiresOn: null));

    public Task<TokenSet?> RefreshAsync(TokenSet current, ICallOutput? output, CancellationToken cancellationToken) => Task.FromResult<TokenSet?>(null);

    public void Apply(HttpRequestMessage request, TokenSet token) => SetCookie(request, token.AccessToken);

    /// <summary>The token as the access_token cookie (the document's other way, a query parameter, would put it in URLs and logs).</summary>
    internal static void SetCookie(HttpRequestMessage request, string token)
    {
        request.Headers.Remove("Cookie");
        request.Headers.TryAddWithoutValidation("Cookie", $"{MicrobizzApi.TokenCookie}={token}");
    }
}

/// <summary>Microbizz errors (chosen shape): {"error":{"code","message"}}.</summary>
internal sealed class MicrobizzErrorParser : Core.Errors.IErrorParser
{
    public Core.Errors.VendorError? Parse(System.Net.HttpStatusCode status, string body, System.Net.Http.Headers.HttpResponseHeaders headers)
    {
        string text = body.Trim();
        if (!text.StartsWith("{", StringComparison.Ordinal))
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        if (!document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? code = error.TryGetProperty("code", out var c) ? c.ToString() : null;
        string message = error.TryGetProperty("message", out var m) ? m.ToString() : string.Empty;
        string? action = (int)status == 401 ? "The access token expired or was refused: Connect-Microbizz again." : null;
        return new Core.Errors.VendorError(message.Length > 0 ? message : code ?? string.Empty, code, action);
    }
}

/// <summary>Builds the runtime behind a <see cref="MicrobizzConnection"/>.</summary>
internal static class MicrobizzSession
{
    public static ConnectionRuntime Create(MicrobizzConnection connection, SecureString secret, Func<HttpMessageHandler>? primaryHandler = null, Core.Http.RetrySettings? retry = null)
    {
        var runtime = new ConnectionRuntime(new RuntimeOptions(MicrobizzApi.SystemName, connection.BaseUri, new MicrobizzErrorParser())
        {
            PrimaryHandler = primaryHandler,
            Retry = retry ?? new Core.Http.RetrySettings(),
        });
        ITokenProvider provider = connection.AuthenticationKind == MicrobizzAuthenticationKind.Credential
            ? new MicrobizzLoginProvider(runtime, connection.UserName, secret)
            : new MicrobizzTokenProvider(secret);
        runtime.UseTokens(new TokenManager(provider));
        connection.Runtime = runtime;
        return runtime;
    }
}
