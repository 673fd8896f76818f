using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>A bare HTTP client for the emulated Severa: tokens, headers, JSON, page walking. No module code.</summary>
internal sealed class SeveraTestClient : IDisposable, IAsyncDisposable
{
    public const string AllTestScopes =
        "customers:read users:read projects:read hours:read hours:write hours:delete invoices:read invoices:write settings:read";

    private readonly bool _ownsServer;

    public SeveraTestClient(SandboxServer server, bool ownsServer = false)
    {
        Server = server;
        _ownsServer = ownsServer;
        Http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    public SandboxServer Server { get; }

    public HttpClient Http { get; }

    public string ClientId { get; set; } = SandboxCredentials.SeveraClientId;

    public string? AccessToken { get; set; }

    /// <summary>Starts a sandbox (250 customers, no rate limit unless configured) and a client that owns it, authenticated.</summary>
    public static async Task<SeveraTestClient> StartAsync(Action<SandboxOptions>? configure = null, string scope = AllTestScopes)
    {
        var options = new SandboxOptions();
        options.Severa.CustomerCount = 250;
        options.Severa.RequestsPerSecond = 0;
        configure?.Invoke(options);
        var server = await SandboxServer.StartAsync(options);
        var client = new SeveraTestClient(server, ownsServer: true);
        if (scope.Length > 0)
        {
            await client.AuthenticateAsync(scope);
        }

        return client;
    }

    public Uri Url(string relative) => new(Server.SeveraBaseUri + "/" + relative.TrimStart('/'));

    public Task<HttpResponseMessage> PostTokenAsync(string json, string contentType = "application/json") =>
        Http.PostAsync(Url("token"), new StringContent(json, Encoding.UTF8, contentType));

    public static string TokenBody(string scope, string clientId = SandboxCredentials.SeveraClientId, string secret = SandboxCredentials.SeveraClientSecret) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["client_Id"] = clientId, ["client_Secret"] = secret, ["scope"] = scope });

    public async Task<JsonElement> AuthenticateAsync(string scope = AllTestScopes, string clientId = SandboxCredentials.SeveraClientId, string secret = SandboxCredentials.SeveraClientSecret)
    {
        using var response = await PostTokenAsync(TokenBody(scope, clientId, secret));
        var body = await ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AccessToken = body.GetProperty("access_token").GetString();
        ClientId = clientId;
        return body;
    }

    public async Task<HttpResponseMessage> RefreshAsync(string rawBody, string? clientIdHeader = SandboxCredentials.SeveraClientId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("refreshtoken"))
        {
            Content = new StringContent(rawBody, Encoding.UTF8, "application/json"),
        };
        if (clientIdHeader is not null)
        {
            request.Headers.Add("client_id", clientIdHeader);
        }

        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json = null, string contentType = "application/json", bool authenticate = true)
    {
        using var request = new HttpRequestMessage(method, Url(relative));
        if (authenticate)
        {
            request.Headers.Add("client_id", ClientId);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await Http.SendAsync(request);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(string relative)
    {
        var response = await SendAsync(HttpMethod.Get, relative);
        return (response, await ReadJsonAsync(response));
    }

    /// <summary>GET that must succeed; the JSON body.</summary>
    public async Task<JsonElement> GetOkAsync(string relative)
    {
        var (response, body) = await GetAsync(relative);
        using (response)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {relative}: {(int)response.StatusCode} {body}");
            return body;
        }
    }

    /// <summary>Follows NextPageToken to the end; the rows of every page, in order.</summary>
    public async Task<List<List<JsonElement>>> WalkTokenPagesAsync(string relative)
    {
        var pages = new List<List<JsonElement>>();
        string? token = null;
        do
        {
            var separator = relative.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var url = token is null ? relative : $"{relative}{separator}pageToken={Uri.EscapeDataString(token)}";
            var (response, body) = await GetAsync(url);
            using (response)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
                pages.Add([.. body.EnumerateArray()]);
                token = response.Headers.TryGetValues("NextPageToken", out var values) ? values.Single() : null;
            }

            Assert.True(pages.Count < 10_000, "The paging never ended.");
        }
        while (token is not null);

        return pages;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return default;
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Asserts the vendor's error body: status, type, and (when given) the first detail's location.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string type, string? location = null)
    {
        var body = await ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var error = body.GetProperty("error");
        Assert.Equal(status, error.GetProperty("httpStatusCode").GetInt32());
        Assert.Equal(type, error.GetProperty("type").GetString());
        var details = error.GetProperty("details");
        Assert.True(details.GetArrayLength() > 0);
        Assert.True(details[0].TryGetProperty("message", out _));
        Assert.True(details[0].TryGetProperty("location", out _));
        if (location is not null)
        {
            Assert.Contains(details.EnumerateArray(), d => d.GetProperty("location").GetString() == location);
        }

        return error;
    }

    public static string FirstMessage(JsonElement error) => error.GetProperty("details")[0].GetProperty("message").GetString()!;

    public void Dispose() => Http.Dispose();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
