using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>Paging, ordering, projection and the answer shapes of the Overview and EntityState queries.</summary>
public sealed class QicsQueryTests
{
    [Fact]
    public async Task Without_top_only_the_first_50_rows_come_back_and_no_next_link()
    {
        await using var client = await QicsTestClient.StartAsync();

        var body = await client.GetOkAsync("OverviewCustomer");

        Assert.Equal($"{client.Server.QicsBaseUri}/V3/odata/$metadata#OverviewCustomer", body.GetProperty("@odata.context").GetString());
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("CustomerId").GetInt64()));
        Assert.False(body.TryGetProperty("@odata.nextLink", out _));
        Assert.False(body.TryGetProperty("@odata.count", out _));
        Assert.Equal(50, (await client.ValuesAsync("OverviewEmployee")).Count);
        Assert.Equal(50, (await client.ValuesAsync("OverviewProject?$skip=10")).Count);
    }

    [Fact]
    public async Task Top_and_skip_page_through_every_row_exactly_once()
    {
        await using var client = await QicsTestClient.StartAsync(o => o.Qics.CustomerCount = 333);
        var seen = new List<long>();
        for (var skip = 0; ; skip += 100)
        {
            var page = await client.IdsAsync($"OverviewCustomer?$top=100&$skip={skip}");
            seen.AddRange(page);
            if (page.Count < 100)
            {
                break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 333).Select(i => (long)i), seen);
        Assert.Empty(await client.ValuesAsync("OverviewCustomer?$top=0"));
        Assert.Empty(await client.ValuesAsync("OverviewCustomer?$skip=1000"));
    }

    [Theory]
    [InlineData("$top=1001", "The limit of '1000' for Top query has been exceeded. The value from the incoming request is '1001'.", "$top")]
    [InlineData("$top=-1", "Invalid value '-1' for $top", "$top")]
    [InlineData("$top=ten", "Invalid value 'ten' for $top", "$top")]
    [InlineData("$skip=-5", "Invalid value '-5' for $skip", "$skip")]
    [InlineData("$count=yes", "not a valid value for $count", "$count")]
    [InlineData("$top=5&$top=6", "specified more than once", "$top")]
    [InlineData("$Top=5", "option names are lower case ($top)", "$Top")]
    [InlineData("$expand=Projects", "not supported by the sandbox", "$expand")]
    [InlineData("$orderby=Name%20up", "direction 'up' is not valid", "$orderby")]
    [InlineData("$orderby=Name,Name%20desc", "more than once", "$orderby")]
    [InlineData("$orderby=Nmae", "Could not find a property named 'Nmae'", "$orderby")]
    [InlineData("$select=Name,Nmae", "Could not find a property named 'Nmae'", "$select")]
    [InlineData("$select=Name,,City", "property names separated by commas", "$select")]
    public async Task Bad_query_options_are_400_naming_the_option(string query, string problem, string target)
    {
        await using var client = await QicsTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "OverviewCustomer?" + query);

        await QicsTestClient.AssertErrorAsync(response, 400, problem, target);
    }

    [Fact]
    public async Task The_maximum_top_is_accepted_and_can_be_configured()
    {
        await using var client = await QicsTestClient.StartAsync();
        Assert.Equal(500, (await client.ValuesAsync("OverviewCustomer?$top=1000")).Count);

        client.Qics.Options.MaxTop = 100;
        using var response = await client.SendAsync(HttpMethod.Get, "OverviewCustomer?$top=101");
        await QicsTestClient.AssertErrorAsync(response, 400, "The limit of '100'", "$top");
    }

    [Fact]
    public async Task Orderby_sorts_by_each_key_in_turn_case_insensitively_with_the_id_breaking_ties()
    {
        await using var client = await QicsTestClient.StartAsync();

        var rows = await client.ValuesAsync("OverviewCustomer?$orderby=City,%20Name%20desc&$top=1000");

        var expected = rows
            .OrderBy(r => r.GetProperty("City").GetString(), StringComparer.OrdinalIgnoreCase)
            .ThenByDescending(r => r.GetProperty("Name").GetString(), StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.GetProperty("CustomerId").GetInt64())
            .Select(r => r.GetProperty("CustomerId").GetInt64());
        Assert.Equal(expected, rows.Select(r => r.GetProperty("CustomerId").GetInt64()));
        Assert.Equal("'s-Hertogenbosch", rows[0].GetProperty("City").GetString());
        Assert.NotEqual(Enumerable.Range(1, 500).Select(i => (long)i), rows.Select(r => r.GetProperty("CustomerId").GetInt64()));
    }

    [Fact]
    public async Task Orderby_puts_nulls_first_ascending_and_last_descending()
    {
        await using var client = await QicsTestClient.StartAsync();

        var ascending = await client.ValuesAsync("OverviewCustomer?$orderby=Email&$top=1000&$select=CustomerId,Email");
        var descending = await client.ValuesAsync("OverviewCustomer?$orderby=Email%20desc&$top=1000&$select=CustomerId,Email");

        Assert.Equal(JsonValueKind.Null, ascending[0].GetProperty("Email").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, ascending[^1].GetProperty("Email").ValueKind);
        Assert.Equal(JsonValueKind.Null, descending[^1].GetProperty("Email").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, descending[0].GetProperty("Email").ValueKind);
    }

    [Fact]
    public async Task Select_returns_only_the_named_properties_and_says_so_in_the_context()
    {
        await using var client = await QicsTestClient.StartAsync();

        var body = await client.GetOkAsync("OverviewProject?$select=CustomerName,ProjectId&$top=3");

        Assert.EndsWith("$metadata#OverviewProject(CustomerName,ProjectId)", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.All(body.GetProperty("value").EnumerateArray(), r => Assert.Equal(["ProjectId", "CustomerName"], r.EnumerateObject().Select(p => p.Name)));
        var all = await client.ValuesAsync("OverviewProject?$select=*&$top=1");
        Assert.Equal(8, all[0].EnumerateObject().Count());
    }

    [Fact]
    public async Task Count_true_gives_the_number_of_rows_the_filter_matches()
    {
        await using var client = await QicsTestClient.StartAsync();

        var body = await client.GetOkAsync("OverviewCustomer?$filter=IsActive&$count=true&$top=3");
        var active = (await client.ValuesAsync("OverviewCustomer?$filter=IsActive&$top=1000")).Count;

        Assert.Equal(active, body.GetProperty("@odata.count").GetInt64());
        Assert.Equal(3, body.GetProperty("value").GetArrayLength());
        Assert.InRange(active, 300, 499);
    }

    [Fact]
    public async Task With_next_links_pages_are_50_rows_and_the_links_reach_every_row_keeping_the_query()
    {
        await using var client = await QicsTestClient.StartAsync();
        var expected = await client.IdsAsync("OverviewCustomer?$filter=CustomerId%20ne%207&$top=1000");
        Assert.Equal(499, expected.Count);
        client.Qics.UseNextLinks = true;

        var url = "OverviewCustomer?$filter=CustomerId%20ne%207&custom=1";
        var seen = new List<long>();
        var links = new List<string>();
        while (true)
        {
            var body = await client.GetOkAsync(url);
            var page = body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("CustomerId").GetInt64()).ToList();
            seen.AddRange(page);
            if (!body.TryGetProperty("@odata.nextLink", out var next))
            {
                Assert.Equal(49, page.Count);
                break;
            }

            Assert.Equal(50, page.Count);
            links.Add(next.GetString()!);
            url = next.GetString()![(client.Server.QicsBaseUri + "/V3/odata/").Length..];
        }

        Assert.Equal(expected, seen);
        Assert.Equal(9, links.Count);
        Assert.Equal($"{client.Server.QicsBaseUri}/V3/odata/OverviewCustomer?$filter=CustomerId%20ne%207&custom=1&$skip=50", links[0]);
        Assert.EndsWith("&$skip=450", links[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_next_links_a_top_is_served_in_pages_and_the_link_carries_the_rest_of_it()
    {
        await using var client = await QicsTestClient.StartAsync();
        client.Qics.UseNextLinks = true;

        var first = await client.GetOkAsync("OverviewCustomer?$top=120&$skip=10");
        Assert.Equal(50, first.GetProperty("value").GetArrayLength());
        Assert.EndsWith("OverviewCustomer?$top=70&$skip=60", first.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        var second = await client.GetOkAsync("OverviewCustomer?$top=70&$skip=60");
        Assert.EndsWith("OverviewCustomer?$top=20&$skip=110", second.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
        var last = await client.GetOkAsync("OverviewCustomer?$top=20&$skip=110");
        Assert.Equal(20, last.GetProperty("value").GetArrayLength());
        Assert.False(last.TryGetProperty("@odata.nextLink", out _));

        var small = await client.GetOkAsync("OverviewCustomer?$top=30");
        Assert.Equal(30, small.GetProperty("value").GetArrayLength());
        Assert.False(small.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Bare_arrays_answer_collections_without_the_envelope_and_without_paging_links()
    {
        await using var client = await QicsTestClient.StartAsync(o => o.Qics.BareArrays = true);
        client.Qics.UseNextLinks = true;

        foreach (var set in new[] { "OverviewCustomer", "OverviewItem", "EntityState" })
        {
            using var response = await client.SendAsync(HttpMethod.Get, set + "?$count=true");
            var body = await QicsTestClient.ReadJsonAsync(response);
            Assert.Equal(JsonValueKind.Array, body.ValueKind);
        }

        var customers = await client.GetOkAsync("OverviewCustomer?$skip=480&$top=100");
        Assert.Equal(20, customers.GetArrayLength());
        Assert.Equal(50, (await client.GetOkAsync("OverviewCustomer")).GetArrayLength());

        // A single entity is never an array.
        Assert.Equal(JsonValueKind.Object, (await client.GetOkAsync("Customer(1)")).ValueKind);
    }

    [Fact]
    public async Task Overviews_show_writes_at_once_with_their_related_fields()
    {
        await using var client = await QicsTestClient.StartAsync(o => o.Qics.CustomerCount = 10);
        using (var created = await client.SendAsync(HttpMethod.Post, "Customer", """{"Name":"Nieuw B.V.","Code":"NEW1"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var project = await client.SendAsync(HttpMethod.Post, "Project", """{"Name":"Start","CustomerId":11,"Budget":1234.5}"""))
        {
            Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        }

        var customer = Assert.Single(await client.ValuesAsync("OverviewCustomer?$filter=CustomerId%20eq%2011"));
        Assert.Equal((1, 1234.5m), (customer.GetProperty("ProjectCount").GetInt64(), customer.GetProperty("TotalBudget").GetDecimal()));
        var overviewProject = Assert.Single(await client.ValuesAsync("OverviewProject?$filter=CustomerId%20eq%2011"));
        Assert.Equal(("Nieuw B.V.", "NEW1"), (overviewProject.GetProperty("CustomerName").GetString(), overviewProject.GetProperty("CustomerCode").GetString()));
    }
}
