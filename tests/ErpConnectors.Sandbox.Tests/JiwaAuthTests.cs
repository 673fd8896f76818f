using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaAuthTests
{
    private const string Debtor67 = "Debtors/0000000061000000001V";

    [Fact]
    public async Task Sign_in_answers_the_session_and_sets_the_ss_id_cookie()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        using var response = await client.PostAuthAsync(JiwaTestClient.Credentials());
        var body = await JiwaTestClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["SessionId", "UserName", "DisplayName", "ResponseStatus"], body.EnumerateObject().Select(p => p.Name));
        var sessionId = body.GetProperty("SessionId").GetString()!;
        Assert.Matches("^[A-Za-z0-9]{20}$", sessionId);
        Assert.Equal(SandboxCredentials.JiwaUserName, body.GetProperty("UserName").GetString());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("ResponseStatus").ValueKind);
        Assert.Empty(body.GetProperty("ResponseStatus").EnumerateObject());
        Assert.Equal($"ss-id={sessionId}; path=/; HttpOnly", response.Headers.GetValues("Set-Cookie").Single());
        Assert.Equal((1, 1), (client.Server.Jiwa.LoginRequests, client.Server.Jiwa.ActiveSessionCount));
    }

    [Fact]
    public async Task Every_sign_in_gets_a_new_session()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var first = client.SessionId;

        await client.LoginAsync();

        Assert.NotEqual(first, client.SessionId);
        Assert.Equal(2, client.Server.Jiwa.ActiveSessionCount);
    }

    [Fact]
    public async Task Wrong_credentials_are_401_and_missing_ones_400()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        foreach (var body in new[] { JiwaTestClient.Credentials(password: "wrong"), JiwaTestClient.Credentials(userName: "admin") })
        {
            using var response = await client.PostAuthAsync(body);
            var status = await JiwaTestClient.AssertErrorAsync(response, 401, "Unauthorized", "Invalid UserName or Password");
            Assert.Empty(status.GetProperty("Errors").EnumerateArray());
            Assert.False(response.Headers.Contains("Set-Cookie"));
        }

        using (var missing = await client.PostAuthAsync("""{"provider":"credentials"}"""))
        {
            var status = await JiwaTestClient.AssertErrorAsync(missing, 400, "NotEmpty", "'User Name' must not be empty.");
            Assert.Equal(["UserName", "Password"], JiwaTestClient.FieldNames(status));
        }

        Assert.Equal(3, client.Server.Jiwa.LoginRequests);
        Assert.Equal(0, client.Server.Jiwa.ActiveSessionCount);
    }

    [Fact]
    public async Task The_body_binds_case_insensitively_and_the_user_name_ignores_case()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        using var response = await client.PostAuthAsync("""{"username":"API","password":"sandbox-password"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("api", (await JiwaTestClient.ReadJsonAsync(response)).GetProperty("UserName").GetString());
    }

    [Fact]
    public async Task The_documented_GET_form_signs_in_and_GET_auth_without_credentials_answers_the_current_session()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        var body = await client.GetOkAsync($"auth?username={SandboxCredentials.JiwaUserName}&password={SandboxCredentials.JiwaPassword}&format=json");
        client.SessionId = body.GetProperty("SessionId").GetString();
        var current = await client.GetOkAsync("auth");

        Assert.Equal(client.SessionId, current.GetProperty("SessionId").GetString());
        client.SessionId = null;
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, "auth", message: "Not Authenticated");
    }

    [Fact]
    public async Task Without_a_session_or_key_every_other_route_is_401_Not_Authenticated()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        foreach (var path in new[] { Debtor67, "Queries/DebtorList", "KeepAlive", "Inventory/x" })
        {
            await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, path, message: "Not Authenticated");
        }

        client.SessionId = "NotASessionId0000000";
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67, message: "Not Authenticated");
    }

    [Fact]
    public async Task The_session_works_as_the_ss_id_cookie_as_well_as_the_X_ss_id_header()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var sessionId = client.SessionId!;
        client.SessionId = null;

        using (var byCookie = await client.SendAsync(HttpMethod.Get, Debtor67, cookie: $"ss-id={sessionId}"))
        {
            Assert.Equal(HttpStatusCode.OK, byCookie.StatusCode);
        }

        // A stale cookie beside a live header still gets through: either one naming a live session is enough.
        client.SessionId = sessionId;
        using var both = await client.SendAsync(HttpMethod.Get, Debtor67, cookie: "ss-id=StaleSessionId000000");
        Assert.Equal(HttpStatusCode.OK, both.StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session_by_GET_or_POST_and_expires_the_cookie()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var jiwa = client.Server.Jiwa;

        using (var logout = await client.SendAsync(HttpMethod.Get, "auth/logout"))
        {
            Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
            Assert.Equal("{\"ResponseStatus\":{}}", await logout.Content.ReadAsStringAsync());
            Assert.StartsWith("ss-id=;", logout.Headers.GetValues("Set-Cookie").Single(), StringComparison.Ordinal);
        }

        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67);
        await client.LoginAsync();
        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "auth/logout", "{}");
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67);
        Assert.Equal((2, 0), (jiwa.LogoutRequests, jiwa.ActiveSessionCount));
    }

    [Fact]
    public async Task An_unknown_auth_provider_is_404()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        using var response = await client.PostAuthAsync("""{"provider":"facebook","UserName":"api","Password":"sandbox-password"}""");

        await JiwaTestClient.AssertErrorAsync(response, 404, "NotFound", "No configuration was added for OAuth provider 'facebook'");
    }

    [Fact]
    public async Task A_session_expires_after_its_lifetime_and_KeepAlive_extends_it()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 0, 0, TimeSpan.Zero));
        await using var client = await JiwaTestClient.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Jiwa.SessionLifetime = TimeSpan.FromMinutes(20);
        });
        var jiwa = client.Server.Jiwa;

        clock.Advance(TimeSpan.FromMinutes(15));
        using (var keepAlive = await client.SendAsync(HttpMethod.Get, "KeepAlive"))
        {
            Assert.Equal(HttpStatusCode.NoContent, keepAlive.StatusCode);
            Assert.Empty(await keepAlive.Content.ReadAsByteArrayAsync());
        }

        // 30 minutes after sign-in, 15 after KeepAlive: alive. Other requests do not extend it.
        clock.Advance(TimeSpan.FromMinutes(15));
        await client.GetOkAsync(Debtor67);
        clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67, message: "Not Authenticated");
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, "KeepAlive");
        Assert.Equal((1, 0), (jiwa.KeepAliveRequests, jiwa.ActiveSessionCount));
    }

    [Fact]
    public async Task ExpireSessions_kills_every_live_session_now()
    {
        await using var client = await JiwaTestClient.StartAsync();
        await using var other = new JiwaTestClient(client.Server);
        await other.LoginAsync();

        client.Server.Jiwa.ExpireSessions();

        Assert.Equal(0, client.Server.Jiwa.ActiveSessionCount);
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67);
        await other.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67);
        await client.LoginAsync();
        await client.GetOkAsync(Debtor67);
    }

    [Fact]
    public async Task An_API_key_needs_no_sign_in_and_a_revoked_one_is_401()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        client.ApiKey = SandboxCredentials.JiwaApiKey;
        await client.GetOkAsync(Debtor67);
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Get, "KeepAlive");

        client.ApiKey = SandboxCredentials.JiwaRevokedApiKey;
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67, message: "The API key is expired or revoked");

        client.ApiKey = "no-such-key";
        await client.ExpectErrorAsync(401, "Unauthorized", HttpMethod.Get, Debtor67, message: "Not Authenticated");
        Assert.Equal(0, client.Server.Jiwa.LoginRequests);
    }

    [Fact]
    public async Task The_apikey_query_parameter_authenticates_too()
    {
        await using var client = await JiwaTestClient.StartAsync(login: false);

        var rows = await client.RowsAsync($"Queries/DebtorList?Take=1&apikey={SandboxCredentials.JiwaApiKey}");

        Assert.Single(rows);
    }
}
