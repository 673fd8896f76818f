namespace ErpConnectors.Sandbox.Tests;

/// <summary>POST v1/data/{projectCode}/{entity}/mergeData: children re-pointed, gaps filled, source deleted logically.</summary>
public sealed class WeavyMergeTests
{
    private static Task<WeavyTestClient> StartAsync() => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 50);

    [Fact]
    public async Task The_source_is_merged_into_the_target_and_its_contacts_follow()
    {
        await using var client = await StartAsync();
        var contacts = client.Weavy.Records("customercontact");
        var source = (string)contacts[0]["customer_ID"]!;
        var target = client.Weavy.Records("customer").Select(r => (string)r["customer_ID"]!).First(c => c != source);
        var sourceContacts = contacts.Where(c => (string)c["customer_ID"]! == source).Select(c => (string)c["customercontact_ID"]!).ToList();
        var targetContacts = contacts.Count(c => (string)c["customer_ID"]! == target);
        await client.OkAsync(HttpMethod.Put, $"v1/Data/DEMO/customer/{target}", """{"email":null,"city":"Cible"}""");
        var sourceEmail = "source@example.fr";
        await client.OkAsync(HttpMethod.Put, $"v1/Data/DEMO/customer/{source}", $$"""{"email":"{{sourceEmail}}","city":"Source"}""");

        var merged = await client.OkAsync(HttpMethod.Post, "v1/data/DEMO/customer/mergeData", $$"""{"sourceCode":"{{source}}","targetCode":"{{target}}"}""");

        Assert.Equal(target, merged.GetProperty("customer_ID").GetString());
        Assert.Equal(("Cible", sourceEmail), (merged.GetProperty("city").GetString(), merged.GetProperty("email").GetString()));
        Assert.NotEmpty(sourceContacts);
        Assert.All(sourceContacts, c => Assert.Equal(target, client.Weavy.Record("customercontact", c)!["customer_ID"]));
        Assert.Equal(targetContacts + sourceContacts.Count, client.Weavy.Records("customercontact").Count(c => (string)c["customer_ID"]! == target));
        Assert.True((bool)client.Weavy.Record("customer", source)!["deleted"]!);
        Assert.Equal(49, client.Weavy.Count("customer"));
    }

    [Fact]
    public async Task Merging_baseusers_repoints_the_customers_they_own()
    {
        await using var client = await StartAsync();
        var owned = client.Weavy.Records("customer").Where(c => (string)c["baseuser_ID"]! == "U001").Select(c => (string)c["customer_ID"]!).ToList();

        await client.OkAsync(HttpMethod.Post, "v1/Data/DEMO/baseuser/mergeData", """{"sourceCode":"U001","targetCode":"U002"}""");

        Assert.NotEmpty(owned);
        Assert.All(owned, c => Assert.Equal("U002", client.Weavy.Record("customer", c)!["baseuser_ID"]));
    }

    [Theory]
    [InlineData("customer", """{"sourceCode":"C000001","targetCode":"NOPE"}""", 404, "NotFound")]
    [InlineData("customer", """{"sourceCode":"C000001","targetCode":"c000001"}""", 400, "InvalidValue")]
    [InlineData("customer", """{"sourceCode":"C000001"}""", 400, "InvalidRequest")]
    [InlineData("client", """{"sourceCode":"C000001","targetCode":"C000002"}""", 404, "UnknownEntity")]
    public async Task A_bad_merge_changes_nothing(string entity, string body, int status, string code)
    {
        await using var client = await StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, $"v1/data/DEMO/{entity}/mergeData", body);

        await WeavyTestClient.AssertErrorAsync(response, status, code);
        Assert.False((bool)client.Weavy.Record("customer", "C000001")!["deleted"]!);
    }
}
