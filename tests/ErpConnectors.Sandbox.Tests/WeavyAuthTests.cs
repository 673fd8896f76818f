using System.Net;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST v1/Authenticate, the Bearer token on every call, expiry, the project code, the gateway's answers.</summary>
public sealed partial class WeavyAuthTests
{
    private const string Customers = """{"entityName":"customer","limit":1}""";

    [Fact]
    public async Task Authenticate_answers_the_documented_fields_and_the_token_opens_the_api()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 30, 15, TimeSpan.Zero));
        await using var client = await WeavyTestClient.StartAsync(o => o.TimeProvider = clock, signIn: false);

        var body = await client.SignInAsync();

        Assert.Equal(["authToken", "expiresIn", "generatedTimeUTC", "passwordExpiryUTC"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt64());
        Assert.Equal("2025-03-01T12:30:15", body.GetProperty("generatedTimeUTC").GetString());
        Assert.Matches(DateTimeFormat(), body.GetProperty("passwordExpiryUTC").GetString()!);
        Assert.Equal(3, client.Token!.Split('.').Length);
        Assert.Single(await client.SelectAsync(Customers));
        Assert.Equal(1, client.Weavy.AuthenticationRequests);
    }

    [Theory]
    [InlineData("DEMO", "sandbox-user", "wrong")]
    [InlineData("DEMO", "someone-else", "sandbox-password")]
    [InlineData("OTHER", "sandbox-user", "sandbox-password")]
    public async Task Bad_credentials_are_401_and_issue_no_token(string project, string user, string password)
    {
        await using var client = await WeavyTestClient.StartAsync(signIn: false);

        using var response = await client.AuthenticateAsync(WeavyTestClient.AuthenticateBody(project, user, password));

        var error = await WeavyTestClient.AssertErrorAsync(response, 401, "InvalidCredentials");
        Assert.False(error.TryGetProperty("authToken", out _));
        Assert.Equal(1, client.Weavy.AuthenticationRequests);
    }

    [Fact]
    public async Task A_scope_other_than_api_or_a_missing_field_is_400()
    {
        await using var client = await WeavyTestClient.StartAsync(signIn: false);

        using (var scope = await client.AuthenticateAsync(WeavyTestClient.AuthenticateBody(scope: "Mobile")))
        {
            Assert.Equal(["scope"], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(scope, 400, "InvalidRequest")));
        }

        using var missing = await client.AuthenticateAsync("""{"scope":"API","projectCode":"DEMO","userName":"sandbox-user"}""");
        Assert.Equal(["password"], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(missing, 400, "InvalidRequest")));
    }

    [Fact]
    public async Task A_call_without_a_token_or_with_an_unknown_one_is_401()
    {
        await using var client = await WeavyTestClient.StartAsync(signIn: false);

        using (var none = await client.PostDataAsync("Select", Customers))
        {
            await WeavyTestClient.AssertErrorAsync(none, 401, "Unauthorized");
            Assert.Equal("Bearer", none.Headers.WwwAuthenticate.ToString());
        }

        client.Token = "eyJhbGciOiJIUzI1NiJ9.e30.forged";
        using var forged = await client.PostDataAsync("Select", Customers);
        await WeavyTestClient.AssertErrorAsync(forged, 401, "InvalidToken");
        Assert.Contains("invalid_token", forged.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_expires_after_its_lifetime_and_authenticating_again_gives_a_new_one()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var client = await WeavyTestClient.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Weavy.TokenLifetime = TimeSpan.FromSeconds(120);
        });
        var first = client.Token;

        clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Single(await client.SelectAsync(Customers));

        clock.Advance(TimeSpan.FromSeconds(1));
        using (var expired = await client.PostDataAsync("Select", Customers))
        {
            await WeavyTestClient.AssertErrorAsync(expired, 401, "TokenExpired");
        }

        var again = await client.SignInAsync();
        Assert.Equal(120, again.GetProperty("expiresIn").GetInt64());
        Assert.NotEqual(first, client.Token);
        Assert.Single(await client.SelectAsync(Customers));
    }

    [Fact]
    public async Task ExpireTokens_ends_every_token_issued_so_far()
    {
        await using var client = await WeavyTestClient.StartAsync();
        client.Weavy.ExpireTokens();

        using (var expired = await client.SendAsync(HttpMethod.Get, "v1/Dictionary/DEMO"))
        {
            await WeavyTestClient.AssertErrorAsync(expired, 401, "TokenExpired");
        }

        await client.SignInAsync();
        await client.OkAsync(HttpMethod.Get, "v1/Dictionary/DEMO");
        Assert.Equal(2, client.Weavy.AuthenticationRequests);
    }

    [Fact]
    public async Task Another_project_code_in_the_route_is_403_and_the_code_matches_ignoring_case()
    {
        await using var client = await WeavyTestClient.StartAsync();

        using (var other = await client.SendAsync(HttpMethod.Post, "v1/Data/OTHER/Select", Customers))
        {
            await WeavyTestClient.AssertErrorAsync(other, 403, "ProjectNotAllowed", "OTHER");
        }

        using (var dictionary = await client.SendAsync(HttpMethod.Get, "v1/Dictionary/OTHER/customer"))
        {
            await WeavyTestClient.AssertErrorAsync(dictionary, 403, "ProjectNotAllowed");
        }

        await client.OkAsync(HttpMethod.Post, "v1/Data/demo/Select", Customers);
    }

    [Fact]
    public async Task Unknown_routes_are_404_wrong_methods_405_and_non_json_bodies_415()
    {
        await using var client = await WeavyTestClient.StartAsync();

        using (var unknown = await client.SendAsync(HttpMethod.Get, "v2/Whatever"))
        {
            await WeavyTestClient.AssertErrorAsync(unknown, 404, "RouteNotFound");
        }

        using (var method = await client.SendAsync(HttpMethod.Get, "v1/Data/DEMO/Select"))
        {
            await WeavyTestClient.AssertErrorAsync(method, 405, "MethodNotAllowed");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, client.Url("v1/Data/DEMO/Select"))
        {
            Content = new StringContent(Customers, System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new("Bearer", client.Token);
        using var text = await client.Http.SendAsync(request);
        await WeavyTestClient.AssertErrorAsync(text, 415, "UnsupportedMediaType");

        using var invalid = await client.PostDataAsync("Select", "{not json");
        await WeavyTestClient.AssertErrorAsync(invalid, 400, "InvalidRequest", "not valid JSON");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")]
    private static partial Regex DateTimeFormat();
}
