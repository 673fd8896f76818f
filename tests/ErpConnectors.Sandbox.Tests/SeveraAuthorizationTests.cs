using System.Net;
using System.Net.Http.Headers;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraAuthorizationTests
{
    private const string InvalidTokenMessage =
        "Authorization header is missing, given access token is not valid, wrong Client_Id or Client is not allowed to use api.";

    [Fact]
    public async Task Calls_without_good_headers_are_401_with_the_vendor_message()
    {
        await using var client = await SeveraTestClient.StartAsync();

        async Task Expect401(HttpRequestMessage request)
        {
            using (request)
            using (var response = await client.Http.SendAsync(request))
            {
                var error = await SeveraTestClient.AssertErrorAsync(response, 401, "AuthenticationRequired");
                Assert.Equal(InvalidTokenMessage, SeveraTestClient.FirstMessage(error));
            }
        }

        var url = client.Url("customers");
        await Expect401(new HttpRequestMessage(HttpMethod.Get, url));

        var noClientId = new HttpRequestMessage(HttpMethod.Get, url);
        noClientId.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.AccessToken);
        await Expect401(noClientId);

        var wrongClientId = new HttpRequestMessage(HttpMethod.Get, url);
        wrongClientId.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.AccessToken);
        wrongClientId.Headers.Add("client_id", SandboxCredentials.SeveraReadOnlyClientId);
        await Expect401(wrongClientId);

        var notBearer = new HttpRequestMessage(HttpMethod.Get, url);
        notBearer.Headers.Authorization = new AuthenticationHeaderValue("Basic", client.AccessToken);
        notBearer.Headers.Add("client_id", SandboxCredentials.SeveraClientId);
        await Expect401(notBearer);

        // A token in the URL is not a way in.
        var inQuery = new HttpRequestMessage(HttpMethod.Get, client.Url("customers?access_token=" + Uri.EscapeDataString(client.AccessToken!)));
        inQuery.Headers.Add("client_id", SandboxCredentials.SeveraClientId);
        await Expect401(inQuery);
    }

    [Fact]
    public async Task A_token_without_the_endpoint_scope_is_403_with_both_scope_headers()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: "customers:read users:read");

        using var response = await client.SendAsync(HttpMethod.Get, "projects");

        var error = await SeveraTestClient.AssertErrorAsync(response, 403, "InsufficientApiScope");
        Assert.Equal("Scope needed: projects:read", SeveraTestClient.FirstMessage(error));
        Assert.Equal("projects:read", response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
        Assert.Equal("customers:read, users:read", response.Headers.GetValues("X-OAuth-Scopes").Single());
    }

    [Theory]
    [InlineData("GET", "customers", "customers:read")]
    [InlineData("GET", "contactpersons", "customers:read")]
    [InlineData("GET", "addresses", "customers:read")]
    [InlineData("GET", "users", "users:read")]
    [InlineData("GET", "phases", "projects:read")]
    [InlineData("GET", "workhours", "hours:read")]
    [InlineData("POST", "workhours", "hours:write")]
    [InlineData("DELETE", "workhours/00000000-0000-0000-0000-000000000001", "hours:delete")]
    [InlineData("GET", "invoices", "invoices:read")]
    [InlineData("PATCH", "invoices/00000000-0000-0000-0000-000000000001", "invoices:write")]
    [InlineData("GET", "invoicestatuses", "settings:read")]
    public async Task Each_endpoint_needs_its_scope(string method, string path, string scope)
    {
        await using var client = await SeveraTestClient.StartAsync(scope: "fees:read");

        using var response = await client.SendAsync(new HttpMethod(method), path, method == "GET" || method == "DELETE" ? null : "[]");

        await SeveraTestClient.AssertErrorAsync(response, 403, "InsufficientApiScope");
        Assert.Equal(scope, response.Headers.GetValues("X-Accepted-OAuth-Scopes").Single());
    }

    [Fact]
    public async Task Heartbeat_is_204_with_a_good_token_and_401_without()
    {
        await using var client = await SeveraTestClient.StartAsync(scope: "fees:read");
        var server = client.Server;

        using (var versioned = await client.SendAsync(HttpMethod.Get, "heartbeat/authorized"))
        {
            Assert.Equal(HttpStatusCode.NoContent, versioned.StatusCode);
        }

        using (var unversioned = await client.Http.SendAsync(Authorized(client, new Uri(server.RootUri, "severa/rest-api/heartbeat/authorized"))))
        {
            Assert.Equal(HttpStatusCode.NoContent, unversioned.StatusCode);
        }

        using var anonymous = await client.SendAsync(HttpMethod.Get, "heartbeat/authorized", authenticate: false);
        await SeveraTestClient.AssertErrorAsync(anonymous, 401, "AuthenticationRequired");
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_in_the_vendor_shape()
    {
        await using var client = await SeveraTestClient.StartAsync();

        using (var unknown = await client.SendAsync(HttpMethod.Get, "travelexpenses"))
        {
            await SeveraTestClient.AssertErrorAsync(unknown, 404, "InvalidRequest");
        }

        using (var wrongMethod = await client.SendAsync(HttpMethod.Put, "customers", "{}"))
        {
            await SeveraTestClient.AssertErrorAsync(wrongMethod, 405, "InvalidRequest");
        }

        using var anonymous = await client.SendAsync(HttpMethod.Get, "travelexpenses", authenticate: false);
        await SeveraTestClient.AssertErrorAsync(anonymous, 401, "AuthenticationRequired");
    }

    private static HttpRequestMessage Authorized(SeveraTestClient client, Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("client_id", client.ClientId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.AccessToken);
        return request;
    }
}
