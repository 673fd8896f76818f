using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST oauth2/oauth2/token: code exchange, refresh rotation, family revocation, expiry.</summary>
public sealed class QicsTokenTests
{
    [Fact]
    public async Task The_code_exchange_answers_the_documented_fields()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var code = await client.GetCodeAsync();

        using var response = await client.PostTokenAsync(QicsTestClient.CodeForm(code));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var body = await QicsTestClient.ReadJsonAsync(response);
        Assert.Equal(["access_token", "token_type", "expires_in", "refresh_token"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt64());
        Assert.Equal(32, body.GetProperty("access_token").GetString()!.Length);
        Assert.NotEqual(body.GetProperty("access_token").GetString(), body.GetProperty("refresh_token").GetString());
        Assert.Equal(1, client.Qics.CodeExchanges);
    }

    [Fact]
    public async Task A_code_works_once_and_using_it_again_revokes_the_tokens_it_gave()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var code = await client.GetCodeAsync();
        await client.TakeTokensAsync(await client.PostTokenAsync(QicsTestClient.CodeForm(code)));
        await client.GetOkAsync("OverviewItem?$top=1");

        using (var again = await client.PostTokenAsync(QicsTestClient.CodeForm(code)))
        {
            Assert.Contains("already used", await QicsTestClient.AssertOAuthErrorAsync(again, 400, "invalid_grant"), StringComparison.Ordinal);
        }

        using (var api = await client.SendAsync(HttpMethod.Get, "OverviewItem?$top=1"))
        {
            await QicsTestClient.AssertErrorAsync(api, 401, "revoked");
        }

        using var refresh = await client.PostTokenAsync(QicsTestClient.RefreshForm(client.RefreshToken!));
        await QicsTestClient.AssertOAuthErrorAsync(refresh, 400, "invalid_grant");
        Assert.Equal(2, client.Qics.CodeExchanges);
    }

    [Fact]
    public async Task A_code_expires_after_five_minutes()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var client = await QicsTestClient.StartAsync(o => o.TimeProvider = clock, signIn: false);
        var fresh = await client.GetCodeAsync();
        var stale = await client.GetCodeAsync();

        clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        using (var inTime = await client.PostTokenAsync(QicsTestClient.CodeForm(fresh)))
        {
            Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        using var late = await client.PostTokenAsync(QicsTestClient.CodeForm(stale));
        Assert.Contains("expired", await QicsTestClient.AssertOAuthErrorAsync(late, 400, "invalid_grant"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_redirect_uri_must_equal_the_one_of_the_authorization()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var code = await client.GetCodeAsync("http://localhost:50000/cb");

        using (var other = await client.PostTokenAsync(QicsTestClient.CodeForm(code, "http://localhost:50001/cb")))
        {
            Assert.Contains("redirect_uri", await QicsTestClient.AssertOAuthErrorAsync(other, 400, "invalid_grant"), StringComparison.Ordinal);
        }

        var missing = QicsTestClient.CodeForm(code);
        missing.Remove("redirect_uri");
        using (var response = await client.PostTokenAsync(missing))
        {
            Assert.Contains("redirect_uri", await QicsTestClient.AssertOAuthErrorAsync(response, 400, "invalid_request"), StringComparison.Ordinal);
        }

        // A refused exchange does not use the code up.
        using var same = await client.PostTokenAsync(QicsTestClient.CodeForm(code, "http://localhost:50000/cb"));
        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_takes_url_encoded_forms_with_a_known_grant_type()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var code = await client.GetCodeAsync();

        var json = JsonSerializer.Serialize(QicsTestClient.CodeForm(code));
        using (var response = await client.Http.PostAsync(client.Url("oauth2/oauth2/token"), new StringContent(json, Encoding.UTF8, "application/json")))
        {
            Assert.Contains("x-www-form-urlencoded", await QicsTestClient.AssertOAuthErrorAsync(response, 400, "invalid_request"), StringComparison.Ordinal);
        }

        var password = QicsTestClient.CodeForm(code);
        password["grant_type"] = "password";
        using (var response = await client.PostTokenAsync(password))
        {
            await QicsTestClient.AssertOAuthErrorAsync(response, 400, "unsupported_grant_type");
        }

        var none = QicsTestClient.CodeForm(code);
        none.Remove("grant_type");
        using (var response = await client.PostTokenAsync(none))
        {
            await QicsTestClient.AssertOAuthErrorAsync(response, 400, "invalid_request");
        }

        using var good = await client.PostTokenAsync(QicsTestClient.CodeForm(code));
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Theory]
    [InlineData(SandboxCredentials.QicsClientId, "wrong-secret")]
    [InlineData("someone-else", SandboxCredentials.QicsClientSecret)]
    [InlineData(null, null)]
    public async Task Bad_client_credentials_are_401_invalid_client(string? clientId, string? secret)
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var form = QicsTestClient.CodeForm(await client.GetCodeAsync());
        form.Remove("client_id");
        form.Remove("client_secret");
        if (clientId is not null)
        {
            form["client_id"] = clientId;
            form["client_secret"] = secret!;
        }

        using var response = await client.PostTokenAsync(form);

        await QicsTestClient.AssertOAuthErrorAsync(response, 401, "invalid_client");
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_may_authenticate_with_http_basic()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        var form = QicsTestClient.CodeForm(await client.GetCodeAsync());
        form.Remove("client_id");
        form.Remove("client_secret");
        using var request = new HttpRequestMessage(HttpMethod.Post, client.Url("oauth2/oauth2/token")) { Content = new FormUrlEncodedContent(form) };
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{SandboxCredentials.QicsClientId}:{SandboxCredentials.QicsClientSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);

        await client.TakeTokensAsync(await client.Http.SendAsync(request));

        await client.GetOkAsync("OverviewItem?$top=1");
    }

    [Fact]
    public async Task A_refresh_rotates_both_tokens_and_invalidates_the_old_ones()
    {
        await using var client = await QicsTestClient.StartAsync();
        var (oldAccess, oldRefresh) = (client.AccessToken!, client.RefreshToken!);

        await client.RefreshAsync();

        Assert.NotEqual(oldAccess, client.AccessToken);
        Assert.NotEqual(oldRefresh, client.RefreshToken);
        await client.GetOkAsync("OverviewItem?$top=1");
        client.AccessToken = oldAccess;
        using (var response = await client.SendAsync(HttpMethod.Get, "OverviewItem?$top=1"))
        {
            await QicsTestClient.AssertErrorAsync(response, 401, "replaced by a refresh");
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal((1, 0), (client.Qics.RefreshRequests, client.Qics.RejectedRefreshes));
    }

    [Fact]
    public async Task Reusing_a_rotated_refresh_token_revokes_the_whole_family()
    {
        await using var client = await QicsTestClient.StartAsync();
        await using var bystander = new QicsTestClient(client.Server);
        await bystander.SignInAsync();
        var first = client.RefreshToken!;
        await client.RefreshAsync();

        using (var reuse = await client.PostTokenAsync(QicsTestClient.RefreshForm(first)))
        {
            Assert.Contains("already used", await QicsTestClient.AssertOAuthErrorAsync(reuse, 400, "invalid_grant"), StringComparison.Ordinal);
        }

        // The newest pair of that authorization is dead too: the legitimate holder must sign in again.
        using (var api = await client.SendAsync(HttpMethod.Get, "OverviewItem?$top=1"))
        {
            await QicsTestClient.AssertErrorAsync(api, 401, "revoked");
        }

        using (var newest = await client.PostTokenAsync(QicsTestClient.RefreshForm(client.RefreshToken!)))
        {
            Assert.Contains("revoked", await QicsTestClient.AssertOAuthErrorAsync(newest, 400, "invalid_grant"), StringComparison.Ordinal);
        }

        // Another authorization is not touched.
        await bystander.GetOkAsync("OverviewItem?$top=1");
        await bystander.RefreshAsync();
        Assert.Equal((4, 2), (client.Qics.RefreshRequests, client.Qics.RejectedRefreshes));
    }

    [Fact]
    public async Task An_unknown_refresh_token_or_bad_client_on_refresh_is_rejected_and_counted()
    {
        await using var client = await QicsTestClient.StartAsync();

        using (var unknown = await client.PostTokenAsync(QicsTestClient.RefreshForm("0123456789abcdef0123456789abcdef")))
        {
            await QicsTestClient.AssertOAuthErrorAsync(unknown, 400, "invalid_grant");
        }

        var badSecret = QicsTestClient.RefreshForm(client.RefreshToken!);
        badSecret["client_secret"] = "nope";
        using (var response = await client.PostTokenAsync(badSecret))
        {
            await QicsTestClient.AssertOAuthErrorAsync(response, 401, "invalid_client");
        }

        await client.RefreshAsync();
        Assert.Equal((3, 2), (client.Qics.RefreshRequests, client.Qics.RejectedRefreshes));
    }

    [Fact]
    public async Task Access_tokens_expire_after_the_configured_lifetime()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var client = await QicsTestClient.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.Qics.AccessTokenLifetime = TimeSpan.FromSeconds(60);
        });
        clock.Advance(TimeSpan.FromSeconds(59));
        await client.GetOkAsync("OverviewItem?$top=1");

        clock.Advance(TimeSpan.FromSeconds(1));
        using (var expired = await client.SendAsync(HttpMethod.Get, "OverviewItem?$top=1"))
        {
            await QicsTestClient.AssertErrorAsync(expired, 401, "expired");
        }

        var body = await client.RefreshAsync();
        Assert.Equal(60, body.GetProperty("expires_in").GetInt64());
        await client.GetOkAsync("OverviewItem?$top=1");
    }

    [Fact]
    public async Task ExpireAccessTokens_makes_every_access_token_fail_and_a_refresh_recovers()
    {
        await using var client = await QicsTestClient.StartAsync();
        await using var other = new QicsTestClient(client.Server);
        await other.SignInAsync();

        client.Qics.ExpireAccessTokens();

        foreach (var c in new[] { client, other })
        {
            using var response = await c.SendAsync(HttpMethod.Get, "OverviewItem?$top=1");
            await QicsTestClient.AssertErrorAsync(response, 401, "expired");
        }

        await client.RefreshAsync();
        await client.GetOkAsync("OverviewItem?$top=1");
    }

    [Fact]
    public async Task IssueRefreshToken_gives_a_token_a_runbook_can_redeem_once()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        client.RefreshToken = client.Qics.IssueRefreshToken();
        var issued = client.RefreshToken;

        await client.RefreshAsync();
        await client.GetOkAsync("OverviewItem?$top=1");

        using var again = await client.PostTokenAsync(QicsTestClient.RefreshForm(issued));
        await QicsTestClient.AssertOAuthErrorAsync(again, 400, "invalid_grant");
        Assert.Equal(0, client.Qics.CodeExchanges);
    }
}
