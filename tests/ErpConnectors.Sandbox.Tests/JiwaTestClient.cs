using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// A bare HTTP client for the emulated Jiwa: sign-in, the session header or an API key, JSON, the
/// ResponseStatus error shape. Cookies are not kept automatically, so each test says which credential it sends.
/// </summary>
internal sealed class JiwaTestClient : IAsyncDisposable
{
    private readonly bool _ownsServer;

    public JiwaTestClient(SandboxServer server, bool ownsServer = false)
    {
        Server = server;
        _ownsServer = ownsServer;
        Http = new HttpClient(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public SandboxServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>Sent as X-ss-id on every request while set.</summary>
    public string? SessionId { get; set; }

    /// <summary>Sent as "Authorization: Bearer" on every request while set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Starts a sandbox and a client that owns it, signed in unless <paramref name="login"/> is false.</summary>
    public static async Task<JiwaTestClient> StartAsync(Action<SandboxOptions>? configure = null, bool login = true)
    {
        var options = new SandboxOptions();
        configure?.Invoke(options);
        var client = new JiwaTestClient(await SandboxServer.StartAsync(options), ownsServer: true);
        if (login)
        {
            await client.LoginAsync();
        }

        return client;
    }

    public Uri Url(string relative) => new(Server.JiwaBaseUri + "/" + relative.TrimStart('/'));

    public static string Credentials(string userName = SandboxCredentials.JiwaUserName, string password = SandboxCredentials.JiwaPassword) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["provider"] = "credentials",
            ["UserName"] = userName,
            ["Password"] = password,
            ["RememberMe"] = true,
        });

    public Task<HttpResponseMessage> PostAuthAsync(string json) =>
        Http.PostAsync(Url("auth"), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Signs in with the demo credentials; keeps the session id for the next requests.</summary>
    public async Task<JsonElement> LoginAsync()
    {
        using var response = await PostAuthAsync(Credentials());
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Sign-in: {(int)response.StatusCode} {body}");
        SessionId = body.GetProperty(nameof(SessionId)).GetString();
        return body;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string relative, string? json = null, bool stateful = false, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, Url(relative));
        if (SessionId is not null)
        {
            request.Headers.Add("X-ss-id", SessionId);
        }

        if (ApiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (stateful)
        {
            request.Headers.Add("jiwa-stateful", "true");
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Http.SendAsync(request);
    }

    /// <summary>A request that must answer <paramref name="status"/>; its JSON body (default when empty).</summary>
    public async Task<JsonElement> ExpectAsync(HttpStatusCode status, HttpMethod method, string relative, string? json = null, bool stateful = false)
    {
        using var response = await SendAsync(method, relative, json, stateful);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"{method} {relative}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        return body;
    }

    public Task<JsonElement> GetOkAsync(string relative, bool stateful = false) => ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, relative, stateful: stateful);

    public Task<JsonElement> PatchOkAsync(string relative, string json, bool stateful = false) =>
        ExpectAsync(HttpStatusCode.OK, HttpMethod.Patch, relative, json, stateful);

    public Task<JsonElement> PostCreatedAsync(string relative, string json, bool stateful = false) =>
        ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, relative, json, stateful);

    /// <summary>The rows of one AutoQuery answer.</summary>
    public async Task<List<JsonElement>> RowsAsync(string relative) => [.. (await GetOkAsync(relative)).GetProperty("Results").EnumerateArray()];

    /// <summary>The first debtor (by account number) whose AccountOnHold is <paramref name="onHold"/>.</summary>
    public async Task<JsonElement> DebtorAsync(bool onHold = false) => (await RowsAsync($"Queries/DebtorList?AccountOnHold={(onHold ? "true" : "false")}&Take=1")).Single();

    /// <summary>An inventory item record (GET /Inventory/{id}, with DefaultPrice) found through the list.</summary>
    public async Task<JsonElement> InventoryAsync(int skip = 0) =>
        await GetOkAsync("Inventory/" + (await RowsAsync($"Queries/InventoryItemList?Skip={skip}&Take=1")).Single().GetProperty("InventoryID").GetString());

    /// <summary>The sales order with the lowest number (it has lines, like every seeded order).</summary>
    public async Task<JsonElement> FirstOrderAsync()
    {
        var row = (await RowsAsync("Queries/SalesOrderList?Take=1")).Single();
        return await GetOkAsync("SalesOrders/" + row.GetProperty("InvoiceID").GetString());
    }

    /// <summary>The body as JSON (default when empty); the reader the Severa tests use, nothing vendor-specific in it.</summary>
    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) => SeveraTestClient.ReadJsonAsync(response);

    /// <summary>Asserts ServiceStack's error body: status, ErrorCode, and (when given) the exact Message; returns ResponseStatus.</summary>
    public static async Task<JsonElement> AssertErrorAsync(HttpResponseMessage response, int status, string errorCode, string? message = null)
    {
        var body = await ReadJsonAsync(response);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        var responseStatus = body.GetProperty("ResponseStatus");
        Assert.Equal(errorCode, responseStatus.GetProperty("ErrorCode").GetString());
        Assert.Equal(JsonValueKind.Array, responseStatus.GetProperty("Errors").ValueKind);
        if (message is not null)
        {
            Assert.Equal(message, responseStatus.GetProperty("Message").GetString());
        }

        return responseStatus;
    }

    /// <summary>Sends and asserts the error in one go.</summary>
    public async Task<JsonElement> ExpectErrorAsync(int status, string errorCode, HttpMethod method, string relative, string? json = null, bool stateful = false, string? message = null)
    {
        using var response = await SendAsync(method, relative, json, stateful);
        return await AssertErrorAsync(response, status, errorCode, message);
    }

    /// <summary>The FieldName of every entry of ResponseStatus.Errors.</summary>
    public static List<string?> FieldNames(JsonElement responseStatus) =>
        [.. responseStatus.GetProperty("Errors").EnumerateArray().Select(e => e.GetProperty("FieldName").GetString())];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_ownsServer)
        {
            await Server.DisposeAsync();
        }
    }
}
