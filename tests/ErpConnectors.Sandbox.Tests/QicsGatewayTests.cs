using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>What every API call must carry (api-key, Bearer token, tenant-id), and unknown routes.</summary>
public sealed class QicsGatewayTests
{
    [Theory]
    [InlineData(null, "is missing")]
    [InlineData("not-the-key", "not hold a valid API key")]
    public async Task A_missing_or_wrong_api_key_is_403_naming_the_header(string? apiKey, string reason)
    {
        await using var client = await QicsTestClient.StartAsync();
        client.ApiKey = apiKey;

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem");

        var error = await QicsTestClient.AssertErrorAsync(response, 403, reason, target: "api-key");
        Assert.Equal("Forbidden", error.GetProperty("code").GetString());
        Assert.Contains("api-key", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_key_is_checked_before_the_token_so_a_bad_key_is_never_reported_as_a_token_problem()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.Qics.ExpireAccessTokens();
        client.ApiKey = null;

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem");

        await QicsTestClient.AssertErrorAsync(response, 403, target: "api-key");
    }

    [Fact]
    public async Task A_missing_bearer_token_is_401_with_a_bare_challenge()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.AccessToken = null;

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem");

        var error = await QicsTestClient.AssertErrorAsync(response, 401, "Authorization");
        Assert.Equal("Unauthorized", error.GetProperty("code").GetString());
        Assert.Equal("Bearer realm=\"QicsMilestones\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task An_unknown_token_is_401_invalid_token()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.AccessToken = "0123456789abcdef0123456789abcdef";

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem");

        await QicsTestClient.AssertErrorAsync(response, 401, "not valid");
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 400, "is missing")]
    [InlineData("three", 400, "must be a tenant number")]
    [InlineData("-3", 400, "must be a tenant number")]
    [InlineData("4", 403, "no access to tenant 4")]
    public async Task The_tenant_id_must_be_the_users_tenant_number(string? tenantId, int status, string reason)
    {
        await using var client = await QicsTestClient.StartAsync();
        client.TenantId = tenantId;

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem");

        await QicsTestClient.AssertErrorAsync(response, status, reason, target: "tenant-id");
    }

    [Fact]
    public async Task An_unknown_entity_set_is_404_and_a_wrongly_cased_one_gets_a_hint()
    {
        await using var client = await QicsTestClient.StartAsync();

        using (var unknown = await client.SendAsync(HttpMethod.Get, "OverviewInvoice"))
        {
            await QicsTestClient.AssertErrorAsync(unknown, 404, "OverviewCustomer, OverviewEmployee");
        }

        using (var cased = await client.SendAsync(HttpMethod.Get, "overviewcustomer"))
        {
            await QicsTestClient.AssertErrorAsync(cased, 404, "case-sensitive ('OverviewCustomer')");
        }

        using (var deeper = await client.SendAsync(HttpMethod.Get, "Customer(1)/Name"))
        {
            await QicsTestClient.AssertErrorAsync(deeper, 404, "No route");
        }

        using (var metadata = await client.SendAsync(HttpMethod.Get, "$metadata"))
        {
            await QicsTestClient.AssertErrorAsync(metadata, 404, "does not serve $metadata");
        }

        using var outside = await client.Http.GetAsync(client.Url("V2/odata/OverviewCustomer"));
        await QicsTestClient.AssertErrorAsync(outside, 403, target: "api-key");
    }

    [Fact]
    public async Task The_service_document_lists_every_entity_set()
    {
        await using var client = await QicsTestClient.StartAsync();

        var body = await client.GetOkAsync(string.Empty);

        Assert.EndsWith("/qics/api/V3/odata/$metadata", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        var names = body.GetProperty("value").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(
            ["Customer", "Employee", "Project", "Item", "EntityState", "OverviewCustomer", "OverviewEmployee", "OverviewProject", "OverviewItem"],
            names);
    }

    [Fact]
    public async Task Api_answers_carry_the_odata_version_and_media_type_and_the_log_names_qics()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.Server.Requests.Clear();

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewItem?$top=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "odata.metadata" && p.Value == "minimal");
        // The log entry is written once the server has finished the answer, which may be just after the client
        // has read it: wait for it (bounded) rather than race it.
        await response.Content.ReadAsByteArrayAsync();
        for (int i = 0; i < 100 && client.Server.Requests.Snapshot().Count == 0; i++)
        {
            await Task.Delay(20);
        }

        var logged = Assert.Single(client.Server.Requests.Snapshot());
        Assert.Equal(("qics", "/qics/api/V3/odata/OverviewItem", "1"), (logged.System, logged.Path, logged.QueryValue("$top")));
        Assert.Equal(SandboxCredentials.QicsApiKey, logged.Headers["api-key"]);
    }
}
