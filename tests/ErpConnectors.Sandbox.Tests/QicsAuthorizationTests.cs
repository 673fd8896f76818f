using System.Net;
using System.Text.RegularExpressions;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>GET oauth2/oauth2/auth: the redirect with a code, and every way it refuses.</summary>
public sealed partial class QicsAuthorizationTests
{
    [Fact]
    public async Task Authorize_redirects_with_a_code_keeping_the_redirect_uris_query_and_passing_state()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        const string RedirectUri = "http://localhost:50123/cb?tenant=3&note=a%20b";

        using var response = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery(RedirectUri, state: "xyz/+1") + "&prompt=login&anything=else");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("http://localhost:50123/cb", location.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("?tenant=3&note=a%20b&", location.Query, StringComparison.Ordinal);
        var parameters = QicsTestClient.RedirectParameters(response);
        Assert.Equal("3", parameters["tenant"]);
        Assert.Equal("a b", parameters["note"]);
        Assert.Equal("xyz/+1", parameters["state"]);
        Assert.Matches(HexToken(), parameters["code"]);
        Assert.False(parameters.ContainsKey("error"));
        Assert.Equal(1, client.Qics.AuthorizationRequests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1234/")]
    [InlineData("http://localhost:9/any/path")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("http://localhost/")]
    public async Task Any_loopback_redirect_uri_on_any_port_is_accepted(string redirectUri)
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);

        using var response = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery(redirectUri));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith(redirectUri, response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("code", QicsTestClient.RedirectParameters(response).Keys);
    }

    [Theory]
    [InlineData("https://evil.example/callback", "is not registered")]
    [InlineData("https://localhost:5000/", "is not registered")]
    [InlineData("http://localhost:5000/#fragment", "fragment")]
    [InlineData("callback", "not an absolute URI")]
    [InlineData(null, "redirect_uri is missing")]
    public async Task An_unacceptable_redirect_uri_is_a_400_page_and_no_redirect(string? redirectUri, string reason)
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);

        using var response = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery(redirectUri));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("someone-else")]
    [InlineData(null)]
    public async Task An_unknown_or_missing_client_id_is_a_400_page_and_no_redirect(string? clientId)
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);

        using var response = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery(clientId: clientId));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("client_id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("token", "unsupported_response_type")]
    [InlineData("id_token", "unsupported_response_type")]
    [InlineData(null, "invalid_request")]
    public async Task A_response_type_other_than_code_redirects_with_an_error(string? responseType, string error)
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);

        using var response = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery(responseType: responseType, state: "s1"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var parameters = QicsTestClient.RedirectParameters(response);
        Assert.Equal(error, parameters["error"]);
        Assert.Contains("response_type", parameters["error_description"], StringComparison.Ordinal);
        Assert.Equal("s1", parameters["state"]);
        Assert.False(parameters.ContainsKey("code"));
    }

    [Fact]
    public async Task DenyNextAuthorization_answers_access_denied_once()
    {
        await using var client = await QicsTestClient.StartAsync(signIn: false);
        client.Qics.DenyNextAuthorization();

        using (var denied = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery(state: "abc")))
        {
            Assert.Equal(HttpStatusCode.Found, denied.StatusCode);
            var parameters = QicsTestClient.RedirectParameters(denied);
            Assert.Equal("access_denied", parameters["error"]);
            Assert.Equal("abc", parameters["state"]);
            Assert.False(parameters.ContainsKey("code"));
        }

        Assert.Matches(HexToken(), await client.GetCodeAsync());
        Assert.Equal(2, client.Qics.AuthorizationRequests);
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HexToken();
}
