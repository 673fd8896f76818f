using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// The sandbox answers requests shaped as the production integration sends them (Webmecanik/mautic,
/// plugins/MauticDivaltoBundle: Connection/Client.php, Sync/DataExchange/*.php), so a client that follows it works
/// here too: the sign-in's casing and optional scope, Select's repeated filterKey on srvDate with "YYYY-MM-DD
/// HH:MM:SS" values, the operator "equal", creation answered 200; and a server that caps Select pages silently.
/// </summary>
public sealed class WeavyReferenceTests
{
    [Fact]
    public async Task The_sign_in_takes_username_and_an_absent_scope_as_the_integration_sends_them()
    {
        await using var client = await WeavyTestClient.StartAsync(signIn: false);

        using var response = await client.AuthenticateAsync("""{"username":"sandbox-user","password":"sandbox-password","projectCode":"DEMO"}""");

        var body = await WeavyTestClient.ReadJsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("authToken").GetString()));
    }

    [Fact]
    public async Task A_select_shaped_like_the_integrations_change_query_works()
    {
        await using var client = await WeavyTestClient.StartAsync();
        var stamp = client.Weavy.Touch("customer", "C000042")!.Value;
        string from = stamp.AddSeconds(-1).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        string to = stamp.AddSeconds(1).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

        // No limit, offset 0, the same filterKey twice on srvDate (the integration's name for the change stamp).
        var codes = await client.CodesAsync($$"""
            {"entityName":"customer","offset":0,"returnFields":[{"fieldName":"name"},{"fieldName":"customer_ID"}],
             "filterFields":[{"filterKey":"srvDateKey","fieldName":"srvDate","operator":"GreaterThan","filterValues":["{{from}}"]},
                             {"filterKey":"srvDateKey","fieldName":"srvDate","operator":"LessThan","filterValues":["{{to}}"]}]}
            """);

        Assert.Equal(["C000042"], codes);
    }

    [Fact]
    public async Task The_integrations_lower_case_equal_operator_matches()
    {
        await using var client = await WeavyTestClient.StartAsync();

        var codes = await client.CodesAsync("""
            {"entityName":"customer","filterFields":[{"filterKey":"customer_IDKey","fieldName":"customer_ID","operator":"equal","filterValues":["C000007"]}]}
            """);

        Assert.Equal(["C000007"], codes);
    }

    [Fact]
    public async Task Creating_a_record_answers_200_the_only_success_the_integration_accepts()
    {
        await using var client = await WeavyTestClient.StartAsync();

        using var created = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/customercontact", """{"customercontact_ID":"lead42","email":"a@example.fr","customer_ID":"C000001"}""");

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    [Fact]
    public async Task A_page_cap_answers_fewer_records_than_the_limit_while_more_remain()
    {
        await using var client = await WeavyTestClient.StartAsync(o => o.Weavy.SelectPageCap = 7);

        var first = await client.CodesAsync("""{"entityName":"customer","limit":20,"offset":0}""");
        var next = await client.CodesAsync("""{"entityName":"customer","limit":20,"offset":7}""");

        Assert.Equal(7, first.Count);
        Assert.Equal(7, next.Count);
        Assert.Equal("C000008", next[0]);
    }
}
