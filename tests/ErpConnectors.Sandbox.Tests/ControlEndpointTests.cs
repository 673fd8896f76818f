using System.Net;
using System.Text;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting.Control;
using Microsoft.AspNetCore.Http;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The control endpoint (/_sandbox) that Set-ErpSandbox and Get-ErpSandboxRequest use on a running sandbox.</summary>
public sealed class ControlEndpointTests
{
    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.1.20")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("2001:db8::1")]
    public async Task A_client_on_another_machine_is_refused_and_nothing_changes(string remote)
    {
        var (middleware, systems, passedOn) = Middleware();
        var context = Context(HttpMethods.Patch, "/_sandbox/systems/severa", """{"tooManyRequestsRate":1}""");
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        await middleware.InvokeAsync(context);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Contains("this machine only", Body(context), StringComparison.Ordinal);
        Assert.Equal(0, systems[0].System.Faults.TooManyRequestsRate);
        Assert.False(passedOn());
    }

    [Fact]
    public async Task A_loopback_client_is_answered_and_changes_the_setting()
    {
        var (middleware, systems, passedOn) = Middleware();
        var context = Context(HttpMethods.Patch, "/_sandbox/systems/severa", """{"tooManyRequestsRate":0.25}""");

        await middleware.InvokeAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal(0.25, systems[0].System.Faults.TooManyRequestsRate);
        Assert.False(passedOn());
    }

    [Theory]
    [InlineData("Host", "attacker.example:5380")]
    [InlineData("Origin", "http://attacker.example")]
    public async Task A_web_page_reaching_loopback_is_refused(string header, string value)
    {
        var (middleware, systems, _) = Middleware();
        var context = Context(HttpMethods.Patch, "/_sandbox/systems/severa", """{"tooManyRequestsRate":1}""");
        context.Request.Headers[header] = value;

        await middleware.InvokeAsync(context);

        Assert.Equal(403, context.Response.StatusCode);
        Assert.Equal(0, systems[0].System.Faults.TooManyRequestsRate);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var (middleware, systems, _) = Middleware();
        var context = Context(HttpMethods.Patch, "/_sandbox/systems/severa", "tooManyRequestsRate=1", "application/x-www-form-urlencoded");

        await middleware.InvokeAsync(context);

        Assert.Equal(415, context.Response.StatusCode);
        Assert.Equal(0, systems[0].System.Faults.TooManyRequestsRate);
    }

    [Fact]
    public async Task Other_paths_go_on_to_the_systems()
    {
        var (middleware, _, passedOn) = Middleware();
        var context = Context(HttpMethods.Get, "/severa/rest-api/v1.0/customers", null);
        context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");

        await middleware.InvokeAsync(context);

        Assert.True(passedOn());
    }

    [Fact]
    public async Task Settings_change_a_running_sandbox_and_reset_restores_them()
    {
        await using var client = await SeveraTestClient.StartAsync();
        using var http = new HttpClient { BaseAddress = client.Server.RootUri };

        var changed = await SendAsync(http, HttpMethod.Patch, "_sandbox/systems/severa", """{"tooManyRequestsRate":1,"tokenLifetime":2,"latency":0.001}""");
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        var settings = changed.Json.GetProperty("settings");
        Assert.Equal((1.0, 2.0, 0.001), (settings.GetProperty("tooManyRequestsRate").GetDouble(), settings.GetProperty("tokenLifetime").GetDouble(), settings.GetProperty("latency").GetDouble()));

        using (var limited = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        var token = await client.AuthenticateAsync();
        Assert.Equal(2, token.GetProperty("access_token_expires_in").GetInt64());

        var reset = await SendAsync(http, HttpMethod.Post, "_sandbox/systems/severa/reset", "{}");
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(0, client.Server.Severa.Faults.TooManyRequestsRate);
        Assert.Equal(TimeSpan.FromHours(1), client.Server.Severa.Options.AccessTokenLifetime);
        using var answered = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1");
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task A_bad_value_changes_nothing_and_says_what_the_setting_takes()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());
        using var http = new HttpClient { BaseAddress = server.RootUri };

        var outOfRange = await SendAsync(http, HttpMethod.Patch, "_sandbox/systems/weavy", """{"latency":1,"serverErrorRate":1.5}""");
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.Status);
        Assert.Contains("serverErrorRate", outOfRange.Json.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.Zero, server.Weavy.Faults.Latency);

        var unknown = await SendAsync(http, HttpMethod.Patch, "_sandbox/systems/weavy", """{"rate429":1}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("tooManyRequestsRate", unknown.Json.GetProperty("error").GetString(), StringComparison.Ordinal);

        var notPositive = await SendAsync(http, HttpMethod.Patch, "_sandbox/systems/weavy", """{"tokenLifetime":0}""");
        Assert.Equal(HttpStatusCode.BadRequest, notPositive.Status);
        Assert.Equal(TimeSpan.FromHours(1), server.Weavy.Options.TokenLifetime);

        var noSystem = await SendAsync(http, HttpMethod.Get, "_sandbox/systems/sap", null);
        Assert.Equal(HttpStatusCode.NotFound, noSystem.Status);
    }

    [Fact]
    public async Task The_status_lists_every_system_with_its_base_uri_credentials_and_settings()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxOptions());
        using var http = new HttpClient { BaseAddress = server.RootUri };

        var status = await SendAsync(http, HttpMethod.Get, "_sandbox", null);

        Assert.Equal(server.RootUri.ToString(), status.Json.GetProperty("rootUri").GetString());
        Assert.Equal(Environment.ProcessId, status.Json.GetProperty("processId").GetInt32());
        var systems = status.Json.GetProperty("systems").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.Equal(["severa", "jiwa", "qics", "weavy", "microbizz"], systems.Keys);
        Assert.Equal(server.SeveraBaseUri.ToString(), systems["severa"].GetProperty("baseUri").GetString());
        Assert.Equal(server.MicrobizzBaseUri.ToString(), systems["microbizz"].GetProperty("baseUri").GetString());
        Assert.Equal(SandboxCredentials.WeavyPassword, systems["weavy"].GetProperty("credentials").GetProperty("password").GetString());
        Assert.True(systems["qics"].GetProperty("settings").TryGetProperty("serverErrorRate", out _));
        Assert.False(systems["microbizz"].GetProperty("settings").TryGetProperty("tokenLifetime", out _));
    }

    [Fact]
    public async Task A_queued_fault_fires_once_on_the_matching_request()
    {
        await using var client = await SeveraTestClient.StartAsync();
        using var http = new HttpClient { BaseAddress = client.Server.RootUri };

        var queued = await SendAsync(http, HttpMethod.Post, "_sandbox/systems/severa/faults", """{"statusCode":503,"pathContains":"customers","skipMatches":1}""");
        Assert.Equal(1, queued.Json.GetProperty("pendingFaults").GetInt32());

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task The_request_log_has_no_secrets_and_not_the_control_calls()
    {
        await using var client = await SeveraTestClient.StartAsync();
        await client.GetOkAsync("customers?rowCount=2");
        using var http = new HttpClient { BaseAddress = client.Server.RootUri };
        await SendAsync(http, HttpMethod.Patch, "_sandbox/systems/severa", """{"latency":0}""");

        var log = await SendAsync(http, HttpMethod.Get, "_sandbox/requests?system=severa", null);

        var entries = log.Json.EnumerateArray().ToList();
        Assert.Equal(["POST /severa/rest-api/v1.0/token", "GET /severa/rest-api/v1.0/customers"], entries.Select(e => $"{e.GetProperty("method").GetString()} {e.GetProperty("path").GetString()}"));
        var token = entries[0].GetProperty("body").GetString()!;
        Assert.DoesNotContain(SandboxCredentials.SeveraClientSecret, token, StringComparison.Ordinal);
        Assert.Contains("\"client_Secret\":\"***\"", token, StringComparison.Ordinal);
        Assert.Contains(SandboxCredentials.SeveraClientId, token, StringComparison.Ordinal);
        Assert.Equal("?rowCount=2", entries[1].GetProperty("query").GetString());
        Assert.Equal(200, entries[1].GetProperty("statusCode").GetInt32());
        Assert.DoesNotContain(log.Text, "_sandbox", StringComparison.Ordinal);

        var cleared = await SendAsync(http, HttpMethod.Delete, "_sandbox/requests", null);
        Assert.Equal(HttpStatusCode.OK, cleared.Status);
        Assert.Equal(0, client.Server.Requests.Count);
    }

    [Theory]
    [InlineData("""{"username":"api","password":"p4ss"}""", """{"username":"api","password":"***"}""")]
    [InlineData("""{"outer":{"authToken":"t","n":[{"client_secret":"s"}]}}""", """{"outer":{"authToken":"***","n":[{"client_secret":"***"}]}}""")]
    [InlineData("\"a-refresh-token\"", "\"***\"")]
    [InlineData("grant_type=authorization_code&code=abc&code_verifier=v&redirect_uri=x", "grant_type=authorization_code&code=***&code_verifier=***&redirect_uri=x")]
    [InlineData("""{"projectCode":"DEMO","companyCode":"C01"}""", """{"projectCode":"DEMO","companyCode":"C01"}""")]
    [InlineData("plain text", "plain text")]
    public void Bodies_lose_their_secrets_and_keep_the_rest(string body, string expected) =>
        Assert.Equal(expected, SecretRedactor.Body(body));

    [Fact]
    public void Query_strings_lose_their_secrets_and_keep_the_rest() =>
        Assert.Equal("?username=api&password=***&Take=5", SecretRedactor.Query("?username=api&password=hunter2&Take=5"));

    private static (ControlMiddleware Middleware, IReadOnlyList<ControlledSystem> Systems, Func<bool> PassedOn) Middleware()
    {
        var options = new SandboxOptions();
        var system = new Severa.SeveraSystem(new SeveraSandbox(options));
        var systems = ControlledSystem.For([system], options);
        var passed = false;
        var middleware = new ControlMiddleware(_ => { passed = true; return Task.CompletedTask; }, systems, new RequestLog());
        return (middleware, systems, () => passed);
    }

    private static DefaultHttpContext Context(string method, string path, string? body, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Host = new HostString("127.0.0.1", 5380);
        context.Request.Scheme = "http";
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (body is not null)
        {
            context.Request.ContentType = contentType;
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }

        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json, string Text)> SendAsync(HttpClient http, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text);
    }
}
