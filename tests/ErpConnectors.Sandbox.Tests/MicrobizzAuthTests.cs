using System.Net;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST login and the access token as cookie or query parameter, expiry included.</summary>
public sealed class MicrobizzAuthTests
{
    [Fact]
    public async Task Login_answers_a_token_and_the_user_and_counts_the_request()
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        var body = await client.LogInAsync();

        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
        var user = body.GetProperty("user");
        Assert.Equal(1, user.GetProperty("user_id").GetInt64());
        Assert.False(string.IsNullOrEmpty(user.GetProperty("name").GetString()));
        Assert.Equal(1, client.Microbizz.LoginRequests);

        var current = await client.GetOkAsync("currentuser");
        Assert.Equal(user.GetRawText(), current.GetRawText());
    }

    [Theory]
    [InlineData(SandboxCredentials.MicrobizzUserName, "wrong")]
    [InlineData("someone-else", SandboxCredentials.MicrobizzPassword)]
    public async Task Wrong_credentials_are_401(string username, string password)
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        using var response = await client.LoginAsync(MicrobizzTestClient.LoginBody(username, password));
        await MicrobizzTestClient.AssertErrorAsync(response, 401, "Unauthorized", "Wrong user name or password");
        Assert.Equal(1, client.Microbizz.LoginRequests);
    }

    [Theory]
    [InlineData("""{"username":"sandbox-user"}""")]
    [InlineData("""{"username":"sandbox-user","password":42}""")]
    [InlineData("not json")]
    [InlineData("[]")]
    public async Task A_login_body_without_both_strings_is_400(string body)
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        using var response = await client.LoginAsync(body);
        await MicrobizzTestClient.AssertErrorAsync(response, 400, "BadRequest");
    }

    [Fact]
    public async Task Login_only_takes_POST()
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        using var response = await client.SendAsync(HttpMethod.Get, "login");
        await MicrobizzTestClient.AssertErrorAsync(response, 405, "MethodNotAllowed", "Allowed: POST");
    }

    [Fact]
    public async Task The_token_works_as_cookie_or_query_parameter_and_query_use_is_counted()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        await client.GetOkAsync("currentuser");
        Assert.Equal(0, client.Microbizz.TokensInQuery);
        Assert.Equal(1, client.Microbizz.TokensInCookie);

        var token = client.Token!;
        client.Token = null;
        var viaQuery = await client.GetOkAsync("currentuser?access_token=" + Uri.EscapeDataString(token));
        Assert.Equal(1, viaQuery.GetProperty("user_id").GetInt64());
        Assert.Equal(1, client.Microbizz.TokensInQuery);
    }

    [Fact]
    public async Task The_cookie_wins_over_the_query_parameter()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        await client.GetOkAsync("currentuser?access_token=not-a-token");

        var good = client.Token!;
        client.Token = "not-a-token";
        await client.AssertErrorAsync(HttpMethod.Get, "currentuser?access_token=" + good, null, 401, "Unauthorized");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0123456789abcdef")]
    public async Task No_or_an_unknown_token_is_401(string? token)
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        client.Token = token;
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 401, "Unauthorized");
        await client.AssertErrorAsync(HttpMethod.Post, "task", """{"title":"x"}""", 401, "Unauthorized");
    }

    [Fact]
    public async Task ExpireTokens_kills_every_issued_token_and_a_new_login_works()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        client.Microbizz.ExpireTokens();
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 401, "Unauthorized", "log in again");

        await client.LogInAsync();
        await client.GetOkAsync("task/1");
        Assert.Equal(2, client.Microbizz.LoginRequests);
    }

    [Fact]
    public async Task ExpireTokenAfter_lets_that_many_requests_through_then_401()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var older = client.Token!;
        client.Microbizz.ExpireTokenAfter(2);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, "task/1");
            statuses.Add((int)response.StatusCode);
        }

        Assert.Equal([200, 200, 401, 401], statuses);

        // A token issued after the call is not affected, and the old one stays dead.
        await client.LogInAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.GetOkAsync("task/1");
        }

        client.Token = older;
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 401, "Unauthorized");
    }

    [Fact]
    public async Task Requests_refused_before_the_token_check_do_not_spend_it()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        client.Microbizz.ExpireTokenAfter(1);
        await client.AssertErrorAsync(HttpMethod.Delete, "task/1", null, 405, "MethodNotAllowed");
        await client.AssertErrorAsync(HttpMethod.Get, "nosuchobject", null, 404, "NotFound");
        await client.GetOkAsync("task/1");
        await client.AssertErrorAsync(HttpMethod.Get, "task/1", null, 401, "Unauthorized");
    }

    [Fact]
    public async Task Login_does_not_care_about_the_Content_Type()
    {
        await using var client = await MicrobizzTestClient.StartAsync(logIn: false);
        using var response = await client.Http.PostAsync(client.Url("login"), new StringContent(MicrobizzTestClient.LoginBody(), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await MicrobizzTestClient.ReadJsonAsync(response);
        Assert.Equal(JsonValueKind.String, body.GetProperty("access_token").ValueKind);
    }
}
