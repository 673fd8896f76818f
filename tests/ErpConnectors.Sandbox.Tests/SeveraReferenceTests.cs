using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// Where the published OpenAPI (APIs-guru/openapi-directory APIs/visma.com/1.0/openapi.yaml) is more precise than
/// the guide, the emulation follows it: rowCount maxima per route, the parameters a route takes, the scopes, the
/// work hour input fields, and the routes a sync needs (deleted work hours, overtime definitions).
/// </summary>
public sealed class SeveraReferenceTests
{
    [Theory]
    [InlineData("contactpersons")]
    [InlineData("addresses")]
    [InlineData("invoicestatuses")]
    [InlineData("projects")]
    [InlineData("phases")]
    [InlineData("workhours")]
    [InlineData("deletedworkhours")]
    public async Task Lists_the_OpenAPI_caps_at_100_refuse_101_by_default(string list)
    {
        await using var client = await SeveraTestClient.StartAsync();

        using var tooMany = await client.SendAsync(HttpMethod.Get, $"{list}?rowCount=101");
        var error = await SeveraTestClient.AssertErrorAsync(tooMany, 400, "InvalidParameter", "rowCount");
        Assert.Contains("maximum is 100", SeveraTestClient.FirstMessage(error), StringComparison.Ordinal);
        using var enough = await client.SendAsync(HttpMethod.Get, $"{list}?rowCount=100");
        Assert.Equal(HttpStatusCode.OK, enough.StatusCode);
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("users")]
    [InlineData("invoices")]
    public async Task Lists_without_a_documented_maximum_take_the_guides_1000(string list)
    {
        await using var client = await SeveraTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Get, $"{list}?rowCount=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_the_cap_policy_a_large_rowCount_gets_a_short_page_that_is_not_the_last()
    {
        await using var client = await SeveraTestClient.StartAsync(o =>
        {
            o.Severa.CustomerCount = 230;
            o.Severa.RowCountAboveMaximum = SeveraRowCountPolicy.Cap;
        });

        var first = await client.GetOkAsync("contactpersons?rowCount=1000");
        var second = await client.GetOkAsync("contactpersons?rowCount=1000&firstRow=100");

        Assert.Equal(100, first.GetArrayLength());
        Assert.Equal(100, second.GetArrayLength());
        Assert.Equal(0, (await client.GetOkAsync("contactpersons?rowCount=1000&firstRow=460")).GetArrayLength());
    }

    [Fact]
    public void Both_readings_of_the_maximum_are_command_line_options()
    {
        var severa = Hosting.CommandLine.Parse(["--severa-limited-max-rows", "50", "--severa-cap-row-count"], null).Options.Severa;

        Assert.Equal(50, severa.LimitedMaxRowCount);
        Assert.Equal(SeveraRowCountPolicy.Cap, severa.RowCountAboveMaximum);
        Assert.Equal(SeveraRowCountPolicy.Refuse, Hosting.CommandLine.Parse([], null).Options.Severa.RowCountAboveMaximum);
    }

    [Fact]
    public async Task A_customers_projects_take_no_changedSince_as_in_the_OpenAPI()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var customer = client.Server.Severa.Data.Projects[0].Customer.Guid;

        using var response = await client.SendAsync(HttpMethod.Get, $"customers/{customer}/projects?changedSince=2024-01-01T00:00:00Z");

        await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "changedSince");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "projects?changedSince=2024-01-01T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task The_scopes_only_the_OpenAPI_lists_are_issued()
    {
        await using var client = await SeveraTestClient.StartAsync();

        var answer = await client.AuthenticateAsync("customers:read files:write files:delete resourceallocations:write resourceallocations:delete");

        Assert.Contains("resourceallocations:delete", answer.GetProperty("scope").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_work_hour_keeps_the_OpenAPI_input_fields_and_derives_its_quantity_from_the_times()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var overtime = server.Severa.Data.Overtimes[0];
        var body = SeveraWorkHourTests.ValidBody(server, $$"""
            , "isBillable": false, "startTime": "2020-11-12T18:00:00+02:00", "endTime": "2020-11-12T20:30:00+02:00",
            "overtime": { "guid": "{{overtime.Guid}}" }, "invoiceQuantity": 2, "invoiceRowDescription": "Evening work",
            "notAField": 1
            """).Replace("\"quantity\": 7.5,", string.Empty, StringComparison.Ordinal);

        using var response = await client.SendAsync(HttpMethod.Post, "workhours", body);
        var row = await SeveraTestClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2.5m, row.GetProperty("quantity").GetDecimal());
        Assert.False(row.GetProperty("isBillable").GetBoolean());
        Assert.Equal(new DateTimeOffset(2020, 11, 12, 18, 0, 0, TimeSpan.FromHours(2)), row.GetProperty("startTime").GetDateTimeOffset());
        Assert.Equal(overtime.Name, row.GetProperty("overtime").GetProperty("name").GetString());
        Assert.Equal(2m, row.GetProperty("invoiceQuantity").GetDecimal());
        Assert.Equal("Evening work", row.GetProperty("invoiceRowDescription").GetString());
        Assert.False(row.TryGetProperty("notAField", out _));

        var guid = row.GetProperty("guid").GetGuid();
        using var patch = await client.SendAsync(HttpMethod.Patch, $"workhours/{guid}", """[{ "op": "replace", "path": "/endTime", "value": "2020-11-12T17:00:00+02:00" }]""");
        await SeveraTestClient.AssertErrorAsync(patch, 400, "InvalidParameter", "endTime");
    }

    [Fact]
    public async Task A_work_hour_needs_a_quantity_or_both_times()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var body = SeveraWorkHourTests.ValidBody(client.Server, """, "startTime": "2020-11-12T08:00:00Z" """).Replace("\"quantity\": 7.5,", string.Empty, StringComparison.Ordinal);

        using var response = await client.SendAsync(HttpMethod.Post, "workhours", body);

        await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "quantity");
    }

    [Fact]
    public async Task Deleted_work_hours_are_listed_since_a_time_token_paged_and_filtered()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var seeded = server.Severa.DeletedWorkHours;
        Assert.NotEmpty(seeded);

        var hour = server.Severa.WorkHours.First(h => !h.IsInvoiced);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var delete = await client.SendAsync(HttpMethod.Delete, $"workhours/{hour.Guid}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var all = (await client.WalkTokenPagesAsync("deletedworkhours?rowCount=5")).SelectMany(p => p).ToList();
        Assert.Equal(seeded.Count + 1, all.Count);
        var since = Uri.EscapeDataString(before.ToString("O"));
        var recent = (await client.GetOkAsync($"deletedworkhours?deletedSince={since}")).EnumerateArray().ToList();
        var deleted = Assert.Single(recent);
        Assert.Equal(hour.Guid, deleted.GetProperty("guid").GetGuid());
        Assert.True(deleted.GetProperty("deletedDateTime").GetDateTimeOffset() >= before);
        Assert.Empty((await client.GetOkAsync($"deletedworkhours?deletedSince={since}&userGuids={Guid.NewGuid()}")).EnumerateArray());

        using var changedSince = await client.SendAsync(HttpMethod.Get, $"deletedworkhours?changedSince={since}");
        await SeveraTestClient.AssertErrorAsync(changedSince, 400, "InvalidParameter", "changedSince");
    }

    [Fact]
    public async Task Overtime_definitions_are_a_row_paged_settings_list()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var overtimes = client.Server.Severa.Data.Overtimes;

        var active = await client.GetOkAsync("overtimes?active=true&firstRow=0&rowCount=10");

        Assert.Equal(overtimes.Count(o => o.IsActive), active.GetArrayLength());
        Assert.Equal(overtimes[1].Name, (await client.GetOkAsync($"overtimes/{overtimes[1].Guid}")).GetProperty("name").GetString());
    }
}
