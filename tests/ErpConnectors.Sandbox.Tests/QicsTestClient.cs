using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// A bare HTTP client for the emulated QicsMilestones: the authorization-code flow (redirects not followed,
/// so the 302 is visible), tokens, the three API headers, OData answers. No module code.
/// </summary>
internal sealed class QicsTestClient : IAsyncDisposable
{
    /// <summary>A loopback listener's address, as the module would use (the port is arbitrary).</summary>
    public const string RedirectUri = "http://localhost:53682/callback";

    private readonly bool _ownsServer;

    public QicsTestClient(SandboxServer server, bool ownsServer = false)
    {
        Server = server;
        _ownsServer = ownsServer;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public SandboxServer Server { get; }

    public QicsSandbox Qics => Server.Qics;

    public HttpClient Http { get; }

    public string? AccessToken { get; set; }

    public string? RefreshToken { get; set; }

    public string? ApiKey { get; set; } = SandboxCredentials.QicsApiKey;

    public string? TenantId { get; set; } = "3";

    /// <summary>Starts a sandbox (default 500 customers) and a client that owns it, signed in unless told otherwise.</summary>
    public static async Task<QicsTestClient> StartAsync(Action<SandboxOptions>? configure = null, bool signIn = true)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);
        var server = await SandboxServer.StartAsync(options);
        var client = new QicsTestClient(server, ownsServer: true);
        if (signIn)
        {
            await client.SignInAsync();
        }

        return client;
    }

    public Uri Url(string relative) => new(Server.QicsBaseUri + "/" + relative.TrimStart('/'));

    /// <summary>A query string from name/value pairs, values escaped (so '+' in an offset arrives as '+').</summary>
    public static string Query(params (string Name, string Value)[] parameters) =>
        "?" + string.Join('&', parameters.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));

    public static string AuthorizeQuery(
        string? redirectUri = RedirectUri,
        string? state = null,
        string? clientId = SandboxCredentials.QicsClientId,
        string? responseType = "code")
    {
        var parameters = new List<(string, string)>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add((name, value));
            }
        }

        Add("response_type", responseType);
        Add("client_id", clientId);
        Add("redirect_uri", redirectUri);
        Add("state", state);
        return Query([.. parameters]);
    }

    public Task<HttpResponseMessage> AuthorizeAsync(string query) => Http.GetAsync(Url("oauth2/oauth2/auth" + query));

    /// <summary>Authorizes and returns the code from the redirect.</summary>
    public async Task<string> GetCodeAsync(string redirectUri = RedirectUri)
    {
        using var response = await AuthorizeAsync(AuthorizeQuery(redirectUri));
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return RedirectParameters(response)["code"];
    }

    /// <summary>The query parameters of the 302's Location.</summary>
    public static Dictionary<string, string> RedirectParameters(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"No Location: {(int)response.StatusCode}");
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<HttpResponseMessage> PostTokenAsync(IEnumerable<KeyValuePair<string, string>> form) =>
        Http.PostAsync(Url("oauth2/oauth2/token"), new FormUrlEncodedContent(form));

    public static Dictionary<string, string> CodeForm(string code, string redirectUri = RedirectUri) => new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["client_id"] = SandboxCredentials.QicsClientId,
        ["client_secret"] = SandboxCredentials.QicsClientSecret,
        ["redirect_uri"] = redirectUri,
    };

    public static Dictionary<string, string> RefreshForm(string refreshToken) => new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
        ["client_id"] = SandboxCredentials.QicsClientId,
        ["client_secret"] = SandboxCredentials.QicsClientSecret,
    };

    /// <summary>The whole browser flow: authorize, take the code, exchange it. Keeps the tokens.</summary>
    public async Task<JsonElement> SignInAsync()
    {
        var code = await GetCodeAsync();
        return await TakeTokensAsync(await PostTokenAsync(CodeForm(code)));
    }

    /// <summary>Refreshes with the held refresh token (which must work) and keeps the new pair.</summary>
    public async Task<JsonElement> RefreshAsync() => await TakeTokensAsync(await PostTokenAsync(RefreshForm(RefreshToken!)));

    public async Task<JsonElement> TakeTokensAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var body = await ReadJsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"token: {(int)response.StatusCode} {body}");
            AccessToken = body.GetProperty("access_token").GetString();
            RefreshToken = body.GetProperty("refresh_token").GetString();
            return body;
        }
    }

    /// <summary>An API request under {base}/V3/odata/ with the Bearer token, api-key and tenant-id this client holds.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, Url("V3/odata/" + relative));
        if (AccessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        if (ApiKey is not null)
        {
            request.Headers.Add("api-key", ApiKey);
        }

        if (TenantId is not null)
        {
            request.Headers.Add("tenant-id", TenantId);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return await Http.SendAsync(request);
    }

    public async Task<JsonElement> GetOkAsync(string relative)
    {
        using var response = await SendAsync(HttpMethod.Get, relative);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {relative}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>GET of a collection in the OData envelope; its "value" rows.</summary>
    public async Task<List<JsonElement>> ValuesAsync(string relative) => [.. (await GetOkAsync(relative)).GetProperty("value").EnumerateArray()];

    /// <summary>The ids of the rows of a collection answer.</summary>
    public async Task<List<long>> IdsAsync(string relative, string key = "CustomerId") =>
        [.. (await ValuesAsync(relative)).Select(r => r.GetProperty(key).GetInt64())];

    /// <summary>The body as JSON (default when empty): the same reading as the Severa tests.</summary>
    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => SeveraTestClient.ReadJsonAsync(response);

    /// <summary>Asserts the OData error body {"error":{"code","message"}}: status, code, and that the message holds a text.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string? messageContains = null, string? target = null)
    {
        var body = await ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = body.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        var message = error.GetProperty("message").GetString()!;
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, message, StringComparison.Ordinal);
        }

        if (target is not null)
        {
            Assert.Equal(target, error.GetProperty("target").GetString());
        }

        return error;
    }

    /// <summary>Asserts an RFC 6749 token error {"error","error_description"}.</summary>
    public static async Task<string> AssertOAuthErrorAsync(HttpResponseMessage response, int status, string error)
    {
        var body = await ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(error, body.GetProperty("error").GetString());
        return body.GetProperty("error_description").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
