using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraTokenTests
{
    [Fact]
    public async Task Token_answers_the_documented_fields()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);
        var server = client.Server;

        var body = await client.AuthenticateAsync("customers:read hours:read");

        Assert.Equal("Bearer", body.GetProperty("access_token_type").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("access_token_expires_in").ValueKind);
        Assert.Equal(3600, body.GetProperty("access_token_expires_in").GetInt64());
        Assert.Equal(86400, body.GetProperty("refresh_token_expires_in").GetInt64());
        Assert.EndsWith("+00:00", body.GetProperty("access_token_expires_utc").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(body.GetProperty("refresh_token_expires_utc").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        Assert.Equal("customers:read hours:read", body.GetProperty("scope").GetString());
        Assert.Equal(server.Severa.Data.Users[0].Guid, body.GetProperty("user").GetProperty("guid").GetGuid());
        Assert.Equal(1, server.Severa.TokenRequests);
    }

    [Fact]
    public async Task Wrong_secret_or_unknown_client_is_401_with_the_vendor_message()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);

        foreach (var body in new[]
        {
            SeveraTestClient.TokenBody("customers:read", secret: "wrong"),
            SeveraTestClient.TokenBody("customers:read", clientId: "nobody"),
            """{"scope":"customers:read"}""",
        })
        {
            using var response = await client.PostTokenAsync(body);
            var error = await SeveraTestClient.AssertErrorAsync(response, 401, "AuthenticationRequired");
            Assert.Equal("No client id with given credentials found or client id is disabled or inactive.", SeveraTestClient.FirstMessage(error));
            Assert.Equal(JsonValueKind.Null, error.GetProperty("details")[0].GetProperty("location").ValueKind);
        }
    }

    [Fact]
    public async Task A_scope_not_allowed_for_the_client_is_401_listing_the_allowed_scopes()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);

        using var response = await client.PostTokenAsync(SeveraTestClient.TokenBody(
            "customers:read hours:read", SandboxCredentials.SeveraReadOnlyClientId, SandboxCredentials.SeveraReadOnlyClientSecret));

        var error = await SeveraTestClient.AssertErrorAsync(response, 401, "AuthenticationRequired");
        Assert.Equal("Requested scope 'hours:read' is not allowed for the api client.", SeveraTestClient.FirstMessage(error));
        Assert.Equal("customers:read", response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
    }

    [Fact]
    public async Task An_unknown_scope_name_is_400_and_property_names_are_case_insensitive()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);

        using (var response = await client.PostTokenAsync(SeveraTestClient.TokenBody("customers:read coffee:make")))
        {
            await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "scope");
        }

        using (var response = await client.PostTokenAsync("""{"CLIENT_ID":"sandbox-client","Client_Secret":"sandbox-secret","SCOPE":"users:read"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using (var response = await client.PostTokenAsync(SeveraTestClient.TokenBody("users:read"), "text/plain"))
        {
            await SeveraTestClient.AssertErrorAsync(response, 415, "InvalidRequest");
        }
    }

    [Fact]
    public async Task Refresh_gives_a_new_pair_and_the_old_refresh_token_dies()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);
        var server = client.Server;
        var first = await client.AuthenticateAsync("customers:read");
        var oldRefresh = first.GetProperty("refresh_token").GetString()!;

        using var refreshed = await client.RefreshAsync(JsonSerializer.Serialize(oldRefresh));
        var body = await SeveraTestClient.ReadJsonAsync(refreshed);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.NotEqual(first.GetProperty("access_token").GetString(), body.GetProperty("access_token").GetString());
        Assert.NotEqual(oldRefresh, body.GetProperty("refresh_token").GetString());
        Assert.Equal("customers:read", body.GetProperty("scope").GetString());

        client.AccessToken = body.GetProperty("access_token").GetString();
        await client.GetOkAsync("customers?rowCount=1");

        using var again = await client.RefreshAsync(JsonSerializer.Serialize(oldRefresh));
        await SeveraTestClient.AssertErrorAsync(again, 401, "AuthenticationRequired");

        using var withNew = await client.RefreshAsync(JsonSerializer.Serialize(body.GetProperty("refresh_token").GetString()));
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(3, server.Severa.RefreshRequests);
    }

    [Fact]
    public async Task A_second_post_token_kills_the_first_refresh_token()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);
        var first = await client.AuthenticateAsync("customers:read");
        var second = await client.AuthenticateAsync("customers:read");

        using var old = await client.RefreshAsync(JsonSerializer.Serialize(first.GetProperty("refresh_token").GetString()));
        await SeveraTestClient.AssertErrorAsync(old, 401, "AuthenticationRequired");

        using var current = await client.RefreshAsync(JsonSerializer.Serialize(second.GetProperty("refresh_token").GetString()));
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
    }

    [Fact]
    public async Task Refresh_requires_a_json_string_body_and_the_matching_client_id_header()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: string.Empty);
        var refresh = (await client.AuthenticateAsync("customers:read")).GetProperty("refresh_token").GetString()!;

        using (var unquoted = await client.RefreshAsync(refresh))
        {
            await SeveraTestClient.AssertErrorAsync(unquoted, 400, "InvalidRequest");
        }

        using (var asObject = await client.RefreshAsync(JsonSerializer.Serialize(new { refresh_token = refresh })))
        {
            await SeveraTestClient.AssertErrorAsync(asObject, 400, "InvalidParameter");
        }

        using (var otherClient = await client.RefreshAsync(JsonSerializer.Serialize(refresh), SandboxCredentials.SeveraReadOnlyClientId))
        {
            await SeveraTestClient.AssertErrorAsync(otherClient, 401, "AuthenticationRequired");
        }

        using (var noHeader = await client.RefreshAsync(JsonSerializer.Serialize(refresh), clientIdHeader: null))
        {
            await SeveraTestClient.AssertErrorAsync(noHeader, 401, "AuthenticationRequired");
        }

        // None of the refused attempts consumed the token.
        using var ok = await client.RefreshAsync(JsonSerializer.Serialize(refresh));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Access_and_refresh_tokens_expire_on_the_configured_clock()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
        await using var client = await SeveraTestClient.StartAsync(
            o =>
            {
                o.TimeProvider = clock;
                o.Severa.AccessTokenLifetime = TimeSpan.FromMinutes(5);
                o.Severa.RefreshTokenLifetime = TimeSpan.FromMinutes(30);
            },
            scope: string.Empty);
        var body = await client.AuthenticateAsync("customers:read");
        Assert.Equal(300, body.GetProperty("access_token_expires_in").GetInt64());
        Assert.Equal("2025-03-01T08:05:00+00:00", body.GetProperty("access_token_expires_utc").GetString());

        clock.Advance(TimeSpan.FromMinutes(5));
        using (var expired = await client.SendAsync(HttpMethod.Get, "customers"))
        {
            var error = await SeveraTestClient.AssertErrorAsync(expired, 401, "AuthenticationRequired");
            Assert.Equal(
                "Authorization header is missing, given access token is not valid, wrong Client_Id or Client is not allowed to use api.",
                SeveraTestClient.FirstMessage(error));
        }

        clock.Advance(TimeSpan.FromMinutes(25));
        using var late = await client.RefreshAsync(JsonSerializer.Serialize(body.GetProperty("refresh_token").GetString()));
        await SeveraTestClient.AssertErrorAsync(late, 401, "AuthenticationRequired");
    }

    [Fact]
    public async Task ExpireAccessTokens_makes_the_next_call_401()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        await client.GetOkAsync("customers?rowCount=1");

        server.Severa.ExpireAccessTokens();

        using var response = await client.SendAsync(HttpMethod.Get, "customers?rowCount=1");
        await SeveraTestClient.AssertErrorAsync(response, 401, "AuthenticationRequired");
    }
}
