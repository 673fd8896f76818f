using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>A bare HTTP client for the emulated Divalto Weavy: Authenticate, the Bearer token, JSON bodies. No module code.</summary>
internal sealed class WeavyTestClient : IAsyncDisposable
{
    public const string Project = SandboxCredentials.WeavyProjectCode;

    private readonly bool _ownsServer;

    public WeavyTestClient(SandboxServer server, bool ownsServer = false)
    {
        Server = server;
        _ownsServer = ownsServer;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public SandboxServer Server { get; }

    public WeavySandbox Weavy => Server.Weavy;

    public HttpClient Http { get; }

    public string? Token { get; set; }

    /// <summary>Starts a sandbox and a client that owns it, authenticated unless told otherwise.</summary>
    public static async Task<WeavyTestClient> StartAsync(Action<SandboxOptions>? configure = null, bool signIn = true)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);
        var server = await SandboxServer.StartAsync(options);
        var client = new WeavyTestClient(server, ownsServer: true);
        if (signIn)
        {
            await client.SignInAsync();
        }

        return client;
    }

    public Uri Url(string relative) => new(Server.WeavyBaseUri + "/" + relative.TrimStart('/'));

    public static string AuthenticateBody(
        string projectCode = Project,
        string userName = SandboxCredentials.WeavyUserName,
        string password = SandboxCredentials.WeavyPassword,
        string scope = "API") =>
        JsonSerializer.Serialize(new { scope, projectCode, username = userName, password }); // the production integration's casing

    public Task<HttpResponseMessage> AuthenticateAsync(string body) =>
        Http.PostAsync(Url("v1/Authenticate"), new StringContent(body, Encoding.UTF8, "application/json"));

    /// <summary>Authenticates with the demo credentials (which must work) and keeps the token.</summary>
    public async Task<JsonElement> SignInAsync()
    {
        using var response = await AuthenticateAsync(AuthenticateBody());
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Authenticate: {(int)response.StatusCode} {body}");
        Token = body.GetProperty("authToken").GetString();
        return body;
    }

    /// <summary>A request under the base with the held token and, when given, a JSON body.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json = null)
    {
        using var request = new HttpRequestMessage(method, Url(relative));
        if (Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>POST v1/Data/DEMO/{operation} with a JSON body.</summary>
    public Task<HttpResponseMessage> PostDataAsync(string operation, string json) => SendAsync(HttpMethod.Post, $"v1/Data/{Project}/{operation}", json);

    /// <summary>A request that must answer <paramref name="status"/> (200 by default); its JSON body.</summary>
    public async Task<JsonElement> OkAsync(HttpMethod method, string relative, string? json = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var response = await SendAsync(method, relative, json);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{method} {relative}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        return body;
    }

    public Task<JsonElement> PostDataOkAsync(string operation, string json) => OkAsync(HttpMethod.Post, $"v1/Data/{Project}/{operation}", json);

    /// <summary>A Select that must work; the records of the bare array it answers.</summary>
    public async Task<List<JsonElement>> SelectAsync(string json)
    {
        var body = await PostDataOkAsync("Select", json);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        return [.. body.EnumerateArray()];
    }

    /// <summary>The codes a Select answers.</summary>
    public async Task<List<string>> CodesAsync(string json, string key = "customer_ID") =>
        [.. (await SelectAsync(json)).Select(r => r.GetProperty(key).GetString()!)];

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => SeveraTestClient.ReadJsonAsync(response);

    /// <summary>Asserts the error body {"error":{"code","message","details"?}} with this status and code; the error object.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string code, string? messageContains = null)
    {
        var body = await ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var error = body.GetProperty("error");
        Assert.Equal(code, error.GetProperty("code").GetString());
        if (messageContains is not null)
        {
            Assert.Contains(messageContains, error.GetProperty("message").GetString()!, StringComparison.Ordinal);
        }

        return error;
    }

    /// <summary>The "field" of each entry of an error's details.</summary>
    public static List<string> DetailFields(JsonElement error) =>
        error.TryGetProperty("details", out var details) ? [.. details.EnumerateArray().Select(d => d.GetProperty("field").GetString()!)] : [];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
