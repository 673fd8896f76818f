using ErpConnectors.Sandbox.Hosting;
using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// The readings of the vendor's guide and help pages the sandbox can take: a redirect that keeps redirect_uri's
/// query but does not echo state (the guide promises only the former), a $top capped silently (the guide names no
/// maximum), EntityState's Required properties as the help pages mark them.
/// </summary>
public sealed class QicsReferenceTests
{
    [Fact]
    public async Task Without_state_echo_the_redirect_keeps_only_redirect_uris_own_query_and_the_code()
    {
        await using var client = await QicsTestClient.StartAsync(o => o.Qics.EchoState = false, signIn: false);

        using var response = await client.AuthorizeAsync(QicsTestClient.AuthorizeQuery("http://localhost:50123/?erp_state=abc", state: "abc"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var parameters = QicsTestClient.RedirectParameters(response);
        Assert.Equal("abc", parameters["erp_state"]);
        Assert.False(parameters.ContainsKey("state"));
        Assert.True(parameters.ContainsKey("code"));
    }

    [Fact]
    public async Task A_silent_top_cap_answers_fewer_rows_than_asked_and_no_nextLink()
    {
        await using var client = await QicsTestClient.StartAsync(o => o.Qics.SilentTopCap = 30);

        var body = await client.GetOkAsync("OverviewCustomer?$top=100&$skip=30");

        Assert.Equal(30, body.GetProperty("value").GetArrayLength());
        Assert.Equal(31, body.GetProperty("value")[0].GetProperty("CustomerId").GetInt64());
        Assert.False(body.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task An_EntityState_post_with_the_help_pages_required_properties_is_created()
    {
        await using var client = await QicsTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "EntityState", """{"EntityStateId":0,"CompanyId":1,"DataSource":"Ref","EntityType":"Customer","EntityId":9,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotEqual(0, (await QicsTestClient.ReadJsonAsync(response)).GetProperty("EntityStateId").GetInt64());
    }

    [Fact]
    public void The_command_line_sets_the_readings()
    {
        var parsed = CommandLine.Parse(["--qics-top-cap", "40", "--qics-no-state-echo", "--weavy-page-cap=300"], portVariable: null);
        var defaults = CommandLine.Parse([], null).Options;

        Assert.Equal((40, false, 300), (parsed.Options.Qics.SilentTopCap, parsed.Options.Qics.EchoState, parsed.Options.Weavy.SelectPageCap));
        Assert.Equal((0, true, 0), (defaults.Qics.SilentTopCap, defaults.Qics.EchoState, defaults.Weavy.SelectPageCap));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--weavy-page-cap", "-1"], null));
    }
}
