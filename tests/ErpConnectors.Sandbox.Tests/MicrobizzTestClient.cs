using System.Net;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// A bare HTTP client for the emulated Microbizz GO: login, the token as the access_token cookie (set by hand,
/// no cookie container, so a test decides where the token travels), JSON bodies. No module code.
/// </summary>
internal sealed class MicrobizzTestClient : IAsyncDisposable
{
    private readonly bool _ownsServer;

    public MicrobizzTestClient(SandboxServer server, bool ownsServer = false)
    {
        Server = server;
        _ownsServer = ownsServer;
        Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public SandboxServer Server { get; }

    public MicrobizzSandbox Microbizz => Server.Microbizz;

    public HttpClient Http { get; }

    public string? Token { get; set; }

    /// <summary>Starts a sandbox (100 tasks unless configured) and a client that owns it, logged in unless told otherwise.</summary>
    public static async Task<MicrobizzTestClient> StartAsync(Action<SandboxOptions>? configure = null, bool logIn = true)
    {
        var options = new SandboxOptions();
        options.Microbizz.TaskCount = 100;
        configure?.Invoke(options);
        var server = await SandboxServer.StartAsync(options);
        var client = new MicrobizzTestClient(server, ownsServer: true);
        if (logIn)
        {
            await client.LogInAsync();
        }

        return client;
    }

    public Uri Url(string relative) => new(Server.MicrobizzBaseUri + "/" + relative.TrimStart('/'));

    public static string LoginBody(string username = SandboxCredentials.MicrobizzUserName, string password = SandboxCredentials.MicrobizzPassword) =>
        JsonSerializer.Serialize(new { username, password });

    public Task<HttpResponseMessage> LoginAsync(string body) =>
        Http.PostAsync(Url("login"), new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Logs in with the demo credentials (which must work) and keeps the token.</summary>
    public async Task<JsonElement> LogInAsync()
    {
        using var response = await LoginAsync(LoginBody());
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"login: {(int)response.StatusCode} {body}");
        Token = body.GetProperty("access_token").GetString();
        return body;
    }

    /// <summary>A request under the base with the held token as the access_token cookie and, when given, a JSON body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json = null, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, Url(relative));
        if (Token is not null)
        {
            request.Headers.Add("Cookie", "access_token=" + Token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request, completion, cancellationToken);
    }

    /// <summary>A request that must answer <paramref name="status"/> (200 by default); its JSON body.</summary>
    public async Task<JsonElement> OkAsync(HttpMethod method, string relative, string? json = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, relative, json);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{method} {relative}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        return body;
    }

    public Task<JsonElement> GetOkAsync(string relative) => OkAsync(HttpMethod.Get, relative);

    /// <summary>A GET of a list that must work; its elements.</summary>
    public async Task<List<JsonElement>> ListAsync(string relative)
    {
        var body = await GetOkAsync(relative);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return [.. body.EnumerateArray()];
    }

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => SeveraTestClient.ReadJsonAsync(response);

    /// <summary>Asserts the error body {"error":{"code","message"}} with this status and code; the message.</summary>
    public static async Task<string> AssertErrorAsync(HttpResponseMessage response, int status, string code, string? messageContains = null)
    {
        var body = await ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString()!;
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, message, StringComparison.Ordinal);
        }

        return message;
    }

    public async Task AssertErrorAsync(HttpMethod method, string relative, string? json, int status, string code, string? messageContains = null)
    {
        using var response = await SendAsync(method, relative, json);
        await AssertErrorAsync(response, status, code, messageContains);
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
