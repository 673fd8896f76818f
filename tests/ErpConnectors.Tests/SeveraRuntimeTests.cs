using System.Collections.Concurrent;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Text.Json;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;
using ErpConnectors.Severa;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

/// <summary>A real Severa pipeline (token provider, handlers, error parser) over MockHttp.</summary>
public class SeveraRuntimeTests
{
    private const string Secret = "s3cr3t-value";
    private const string Base = "https://severa.test/rest-api/v1.0";

    /// <summary>What the fake Severa saw: every request with its headers and body, as sent.</summary>
    private sealed class FakeSevera
    {
        public ConcurrentQueue<(string Method, string Path, Dictionary<string, string> Headers, string Body)> Seen { get; } = new();

        public int Count(string path) => Seen.Count(s => s.Path.EndsWith("/" + path, StringComparison.Ordinal));

        public IEnumerable<(string Method, string Path, Dictionary<string, string> Headers, string Body)> To(string path) =>
            Seen.Where(s => s.Path.EndsWith("/" + path, StringComparison.Ordinal));

        public MockHttpMessageHandler Mock { get; } = new();

        public int Tokens;

        public FakeSevera()
        {
            Mock.When(HttpMethod.Post, Base + "/token").Respond(async request =>
            {
                await Record(request);
                int n = Interlocked.Increment(ref Tokens);
                return TestRuntime.Json($"{{\"access_token\":\"AT-{n}\",\"access_token_type\":\"Bearer\",\"access_token_expires_in\":3600," +
                    $"\"refresh_token\":\"RT-{n}\",\"refresh_token_expires_in\":86400,\"scope\":\"customers:read projects:read\"}}");
            });
            Mock.When(HttpMethod.Post, Base + "/refreshtoken").Respond(async request =>
            {
                string body = await Record(request);
                if (RefreshRefused)
                {
                    return TestRuntime.Json("{\"error\":{\"httpStatusCode\":401,\"type\":\"AuthenticationRequired\",\"details\":[{\"message\":\"Invalid refresh token\"}]}}", HttpStatusCode.Unauthorized);
                }

                string old = JsonSerializer.Deserialize<string>(body)!;
                return TestRuntime.Json($"{{\"access_token\":\"AT-refreshed-from-{old}\",\"access_token_expires_in\":3600,\"refresh_token\":\"RT-next\",\"refresh_token_expires_in\":86400}}");
            });
        }

        public bool RefreshRefused { get; set; }

        public async Task<string> Record(HttpRequestMessage request)
        {
            string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
            var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            Seen.Enqueue((request.Method.Method, request.RequestUri!.AbsolutePath, headers, body));
            return body;
        }
    }

    private static async Task<object?> GetAsync(Core.Connections.ConnectionRuntime runtime, string path, RecordingOutput? output = null) =>
        await runtime.SendForValueAsync(ApiRequest.Get(path), SeveraApi.CustomerType, output ?? new RecordingOutput(), CancellationToken.None);

    [Fact]
    public async Task Api_calls_carry_client_id_and_the_bearer_token_and_the_login_sends_the_credential()
    {
        var severa = new FakeSevera();
        severa.Mock.When(HttpMethod.Get, Base + "/customers").Respond(async r =>
        {
            await severa.Record(r);
            return TestRuntime.Json("[{\"guid\":\"a\"}]");
        });
        var (runtime, connection) = TestRuntime.CreateSevera(severa.Mock, clientId: "my-client-" + Guid.NewGuid().ToString("N"), secret: Secret);
        using var _ = runtime;

        await GetAsync(runtime, "customers");
        await GetAsync(runtime, "customers");

        var login = Assert.Single(severa.To("token"));
        Assert.False(login.Headers.ContainsKey("Authorization"));
        using (var body = JsonDocument.Parse(login.Body))
        {
            Assert.Equal(connection.ClientId, body.RootElement.GetProperty("client_Id").GetString());
            Assert.Equal(Secret, body.RootElement.GetProperty("client_Secret").GetString());
            Assert.Equal("customers:read projects:read", body.RootElement.GetProperty("scope").GetString());
        }

        var calls = severa.To("customers").ToArray();
        Assert.Equal(2, calls.Length);
        Assert.All(calls, call =>
        {
            Assert.Equal(connection.ClientId, call.Headers["client_id"]);
            Assert.Equal("Bearer AT-1", call.Headers["Authorization"]);
        });
        Assert.Equal(1, severa.Tokens); // the token is reused
        Assert.NotNull(connection.ExpiresOn);
        Assert.Equal(new[] { "customers:read", "projects:read" }, connection.Scopes);
    }

    [Fact]
    public async Task A_401_refreshes_the_token_once_and_replays_the_call_once()
    {
        var severa = new FakeSevera();
        severa.Mock.When(HttpMethod.Get, Base + "/customers").Respond(async r =>
        {
            await severa.Record(r);
            return r.Headers.Authorization?.Parameter == "AT-1"
                ? TestRuntime.Json("{\"error\":{\"httpStatusCode\":401,\"type\":\"AuthenticationRequired\"}}", HttpStatusCode.Unauthorized)
                : TestRuntime.Json("[{\"guid\":\"a\"},{\"guid\":\"b\"}]");
        });
        var (runtime, connection) = TestRuntime.CreateSevera(severa.Mock);
        using var _ = runtime;
        var output = new RecordingOutput();

        var answer = Assert.IsType<object?[]>(await GetAsync(runtime, "customers", output));

        Assert.Equal(2, answer.Length);
        Assert.Equal(1, severa.Count("token"));
        var refresh = Assert.Single(severa.To("refreshtoken"));
        Assert.Equal("\"RT-1\"", refresh.Body);
        Assert.Equal(connection.ClientId, refresh.Headers["client_id"]);
        Assert.False(refresh.Headers.ContainsKey("Authorization"));
        var calls = severa.To("customers").ToArray();
        Assert.Equal(2, calls.Length);
        Assert.Equal("Bearer AT-refreshed-from-RT-1", calls[1].Headers["Authorization"]);
        Assert.Equal(connection.ClientId, calls[1].Headers["client_id"]);
        Assert.Contains(output.VerboseLines, l => l.Contains("replaying the request", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_401_after_the_replay_is_a_terminating_ApiException()
    {
        var severa = new FakeSevera();
        severa.Mock.When(HttpMethod.Get, Base + "/customers").Respond(async r =>
        {
            await severa.Record(r);
            return TestRuntime.Json("{\"error\":{\"httpStatusCode\":401,\"type\":\"AuthenticationRequired\",\"details\":[{\"message\":\"Token expired\"}]}}", HttpStatusCode.Unauthorized);
        });
        var (runtime, _) = TestRuntime.CreateSevera(severa.Mock);
        using var __ = runtime;

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.True(ex.IsTerminating);
        Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(ErrorCategory.AuthenticationError, ex.Category);
        Assert.Contains("Token expired", ex.Message, StringComparison.Ordinal);
        // A fresh token refused at once is a real refusal: the call and one replay, never more.
        Assert.Equal(2, severa.Count("customers"));
        Assert.Equal(1, severa.Count("refreshtoken"));
        Assert.Equal(1, severa.Count("token"));
    }

    [Fact]
    public async Task A_dead_refresh_token_falls_back_to_a_new_login_before_the_replay()
    {
        var severa = new FakeSevera { RefreshRefused = true };
        severa.Mock.When(HttpMethod.Get, Base + "/customers").Respond(async r =>
        {
            await severa.Record(r);
            return r.Headers.Authorization?.Parameter == "AT-1"
                ? new HttpResponseMessage(HttpStatusCode.Unauthorized)
                : TestRuntime.Json("[]");
        });
        var (runtime, _) = TestRuntime.CreateSevera(severa.Mock);
        using var __ = runtime;

        Assert.Empty(Assert.IsType<object?[]>(await GetAsync(runtime, "customers")));

        Assert.Equal(1, severa.Count("refreshtoken"));
        Assert.Equal(2, severa.Count("token"));
        Assert.Equal("Bearer AT-2", severa.To("customers").Last().Headers["Authorization"]);
    }

    [Fact]
    public async Task A_refused_login_is_a_terminating_error_with_the_vendor_message()
    {
        var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Post, Base + "/token").Respond(_ => TestRuntime.Json(
            "{\"error\":{\"httpStatusCode\":401,\"type\":\"AuthenticationRequired\",\"details\":[{\"message\":\"Invalid client credentials\"}]}}", HttpStatusCode.Unauthorized));
        var customers = mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => TestRuntime.Json("[]"));
        var (runtime, _) = TestRuntime.CreateSevera(mock, secret: Secret);
        using var __ = runtime;

        var ex = await Assert.ThrowsAsync<ApiException>(() => GetAsync(runtime, "customers"));

        Assert.True(ex.IsTerminating);
        Assert.Contains("Invalid client credentials", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Severa.AuthenticationRequired", ex.ErrorId);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, mock.GetMatchCount(customers));
    }

    [Fact]
    public async Task Debug_shows_api_bodies_redacted_and_never_token_endpoint_bodies()
    {
        var severa = new FakeSevera();
        severa.Mock.When(HttpMethod.Get, Base + "/customers").Respond(_ =>
        {
            HttpResponseMessage response = TestRuntime.Json("[{\"name\":\"Acme Oy\",\"password\":\"hunter2\",\"apiKey\":\"k-123\"}]");
            response.Headers.TryAddWithoutValidation("Set-Cookie", "session=cookie-value-9; HttpOnly");
            response.Headers.TryAddWithoutValidation("NextPageToken", "cursor-77");
            return response;
        });
        severa.Mock.When(HttpMethod.Post, Base + "/customers").Respond(_ => TestRuntime.Json("{\"guid\":\"new\"}", HttpStatusCode.Created));
        var (runtime, _) = TestRuntime.CreateSevera(severa.Mock, secret: Secret);
        using var __ = runtime;
        var output = new RecordingOutput(verbose: true, debug: true);

        await GetAsync(runtime, "customers", output);
        var post = new ApiRequest(HttpMethod.Post, "customers") { Body = Encoding.UTF8.GetBytes("{\"name\":\"New Oy\",\"client_Secret\":\"inline-secret\"}") };
        using (await runtime.SendAsync(post, output, CancellationToken.None))
        {
        }

        string debug = string.Join("\n", output.DebugLines);
        string all = debug + "\n" + string.Join("\n", output.VerboseLines);

        // Token endpoint: the call is logged, its bodies are not.
        Assert.Contains("POST /rest-api/v1.0/token", debug, StringComparison.Ordinal);
        Assert.Contains("(body not logged: it carries credentials)", debug, StringComparison.Ordinal);
        foreach (string secret in new[] { Secret, "AT-1", "RT-1", "inline-secret", "hunter2", "k-123", "cookie-value-9" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }

        // Other bodies are shown, with their secrets masked.
        Assert.Contains("Acme Oy", debug, StringComparison.Ordinal);
        Assert.Contains("New Oy", debug, StringComparison.Ordinal);
        Assert.Contains("\"password\":\"[redacted]\"", debug, StringComparison.Ordinal);
        Assert.Contains("\"client_Secret\":\"[redacted]\"", debug, StringComparison.Ordinal);
        Assert.Contains("Set-Cookie: [redacted]", debug, StringComparison.Ordinal);
        Assert.Contains("NextPageToken: cursor-77", debug, StringComparison.Ordinal);
        Assert.Contains(output.VerboseLines, l => l.StartsWith("Severa GET /rest-api/v1.0/customers -> 200 OK in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_never_carry_the_token_headers_or_query_string()
    {
        var severa = new FakeSevera();
        severa.Mock.When(HttpMethod.Get, Base + "/customers").Respond(_ => TestRuntime.Json(
            "{\"error\":{\"httpStatusCode\":400,\"type\":\"InvalidParameter\",\"details\":[{\"message\":\"The value is invalid\",\"location\":\"textToSearch\"}]}}", HttpStatusCode.BadRequest));
        var (runtime, connection) = TestRuntime.CreateSevera(severa.Mock, secret: Secret);
        using var __ = runtime;
        var request = ApiRequest.Get("customers").Add("textToSearch", "query-value-42");

        var ex = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(request, null, new RecordingOutput(), CancellationToken.None));
        ErrorRecord record = ErrorMapper.ToErrorRecord(ex, "business-id-1");

        Assert.Equal("Severa GET /customers failed (400 Bad Request): The value is invalid (at 'textToSearch')", ex.Message);
        Assert.Equal("business-id-1", record.TargetObject);
        foreach (string text in new[] { ex.Message, record.ErrorDetails.Message, ex.ToString() })
        {
            Assert.DoesNotContain("AT-1", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(connection.ClientId, text, StringComparison.Ordinal);
            Assert.DoesNotContain("query-value-42", text, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        }
    }
}
