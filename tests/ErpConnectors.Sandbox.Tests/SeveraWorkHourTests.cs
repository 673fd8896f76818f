using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraWorkHourTests
{
    /// <summary>The vendor's example body, with guids that exist in the sandbox.</summary>
    internal static string ValidBody(SandboxServer server, string extra = "")
    {
        var data = server.Severa.Data;
        var phase = data.Phases[1];
        var workType = data.WorkTypesOfPhase(phase.Guid)[0];
        var user = data.Users.First(u => u.IsActive);
        return $$"""
            {
              "eventDate": "2020-11-12",
              "description": "Ad setup for Black Friday campaign",
              "quantity": 7.5,
              "phase": { "guid": "{{phase.Guid}}" },
              "user": { "guid": "{{user.Guid}}" },
              "workType": { "guid": "{{workType.Guid}}" }{{extra}}
            }
            """;
    }

    [Fact]
    public async Task Post_creates_the_row_with_names_filled_in()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var before = server.Severa.WorkHourCount;

        using var response = await client.SendAsync(HttpMethod.Post, "workhours", ValidBody(server));
        var row = await SeveraTestClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var guid = row.GetProperty("guid").GetGuid();
        Assert.EndsWith($"/workhours/{guid}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("2020-11-12", row.GetProperty("eventDate").GetString());
        Assert.Equal(7.5m, row.GetProperty("quantity").GetDecimal());
        var phase = server.Severa.Data.Phases[1];
        Assert.Equal(phase.Name, row.GetProperty("phase").GetProperty("name").GetString());
        Assert.Equal(phase.Project.Name, row.GetProperty("project").GetProperty("name").GetString());
        Assert.Equal("EUR", row.GetProperty("unitPrice").GetProperty("currencyCode").GetString());
        Assert.False(row.GetProperty("isInvoiced").GetBoolean());
        Assert.Equal(before + 1, server.Severa.WorkHourCount);
        Assert.Equal("Ad setup for Black Friday campaign", server.Severa.GetWorkHour(guid)!.Description);
        Assert.Equal(guid, (await client.GetOkAsync($"workhours/{guid}")).GetProperty("guid").GetGuid());
    }

    [Fact]
    public async Task Post_reports_every_missing_or_unknown_reference_with_its_location()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var before = server.Severa.WorkHourCount;

        using (var empty = await client.SendAsync(HttpMethod.Post, "workhours", "{}"))
        {
            var error = await SeveraTestClient.AssertErrorAsync(empty, 400, "InvalidParameter");
            var locations = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("location").GetString()).ToList();
            Assert.Equal(["eventDate", "quantity", "phase", "user", "workType"], locations);
        }

        var unknownPhase = ValidBody(server).Replace(server.Severa.Data.Phases[1].Guid.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal);
        using (var response = await client.SendAsync(HttpMethod.Post, "workhours", unknownPhase))
        {
            await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "phase.guid");
        }

        var data = server.Severa.Data;
        var offered = data.WorkTypesOfPhase(data.Phases[1].Guid).Select(w => w.Guid).ToHashSet();
        var notOffered = data.WorkTypes.First(w => w.IsActive && !offered.Contains(w.Guid));
        var wrongWorkType = ValidBody(server).Replace(data.WorkTypesOfPhase(data.Phases[1].Guid)[0].Guid.ToString(), notOffered.Guid.ToString(), StringComparison.Ordinal);
        using (var response = await client.SendAsync(HttpMethod.Post, "workhours", wrongWorkType))
        {
            await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "workType.guid");
        }

        using (var notJson = await client.SendAsync(HttpMethod.Post, "workhours", ValidBody(server), "text/plain"))
        {
            await SeveraTestClient.AssertErrorAsync(notJson, 415, "InvalidRequest");
        }

        using (var tooLong = await client.SendAsync(HttpMethod.Post, "workhours", ValidBody(server).Replace("7.5", "25", StringComparison.Ordinal)))
        {
            await SeveraTestClient.AssertErrorAsync(tooLong, 400, "InvalidParameter", "quantity");
        }

        Assert.Equal(before, server.Severa.WorkHourCount);
    }

    [Theory]
    [InlineData("""{ "amount": 100 }""", "unitPrice.currencyCode", "")]
    [InlineData("""{ "currencyCode": "EUR" }""", "unitPrice.amount", "")]
    [InlineData("""{ "amount": 100, "currencyCode": "USD" }""", "unitPrice.currencyCode", "EUR")]
    [InlineData("100", "unitPrice", "")]
    public async Task Money_needs_amount_and_the_organisation_currency(string money, string location, string named)
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;

        using var response = await client.SendAsync(HttpMethod.Post, "workhours", ValidBody(server, $", \"unitPrice\": {money}"));

        var error = await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", location);
        Assert.Contains(named, SeveraTestClient.FirstMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_replaces_fields_and_answers_a_list_with_the_updated_row()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 5, 5, 12, 0, 0, TimeSpan.Zero));
        await using var client = await SeveraTestClient.StartAsync(o => o.TimeProvider = clock);
        var server = client.Server;
        var hour = server.Severa.WorkHours.First(h => !h.IsInvoiced);

        var patch = """
            [
              { "op": "replace", "path": "/description", "value": "Changed" },
              { "op": "replace", "path": "/quantity", "value": 2.25 },
              { "op": "replace", "path": "unitPrice", "value": { "amount": 100, "currencyCode": "EUR" } }
            ]
            """;
        using var response = await client.SendAsync(HttpMethod.Patch, $"workhours/{hour.Guid}", patch, "application/json-patch+json");
        var body = await SeveraTestClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal("Changed", body[0].GetProperty("description").GetString());
        var stored = server.Severa.GetWorkHour(hour.Guid)!;
        Assert.Equal(2.25m, stored.Quantity);
        Assert.Equal(100m, stored.UnitPrice.Amount);
        Assert.Equal(clock.GetUtcNow(), stored.LastUpdatedDateTime);

        // The write is what changedSince finds.
        var changed = (await client.WalkTokenPagesAsync("workhours?changedSince=2025-05-05T12:00:00Z")).SelectMany(p => p).ToList();
        Assert.Equal(hour.Guid, changed.Single().GetProperty("guid").GetGuid());
    }

    [Theory]
    [InlineData("""[{ "op": "add", "path": "/description", "value": "x" }]""", "[0].op")]
    [InlineData("""[{ "op": "remove", "path": "/description" }]""", "[0].op")]
    [InlineData("""[{ "op": "replace", "path": "/isInvoiced", "value": false }]""", "[0].path")]
    [InlineData("""[{ "op": "replace", "path": "/description" }]""", "[0].value")]
    [InlineData("""[{ "op": "replace", "path": "/unitPrice", "value": { "amount": 5 } }]""", "unitPrice.currencyCode")]
    [InlineData("""[{ "op": "replace", "path": "/quantity", "value": "a lot" }]""", "quantity")]
    [InlineData("""{ "op": "replace", "path": "/quantity", "value": 1 }""", null)]
    public async Task Patch_refuses_what_the_vendor_does_not_support(string patch, string? location)
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var hour = server.Severa.WorkHours.First(h => !h.IsInvoiced);

        using var response = await client.SendAsync(HttpMethod.Patch, $"workhours/{hour.Guid}", patch);

        await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", location);
        Assert.Equal(hour, server.Severa.GetWorkHour(hour.Guid));
    }

    [Fact]
    public async Task Invoiced_hours_cannot_be_patched_or_deleted()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var invoiced = server.Severa.WorkHours.First(h => h.IsInvoiced);

        using (var patch = await client.SendAsync(HttpMethod.Patch, $"workhours/{invoiced.Guid}", """[{"op":"replace","path":"/quantity","value":1}]"""))
        {
            var error = await SeveraTestClient.AssertErrorAsync(patch, 400, "InvalidOperation");
            Assert.Contains("cannot be modified", SeveraTestClient.FirstMessage(error), StringComparison.Ordinal);
        }

        using (var delete = await client.SendAsync(HttpMethod.Delete, $"workhours/{invoiced.Guid}"))
        {
            await SeveraTestClient.AssertErrorAsync(delete, 400, "InvalidOperation");
        }

        Assert.Equal(invoiced, server.Severa.GetWorkHour(invoiced.Guid));
    }

    [Fact]
    public async Task Delete_is_204_and_the_row_is_gone_everywhere()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var hour = server.Severa.WorkHours.First(h => !h.IsInvoiced);
        var before = server.Severa.WorkHourCount;

        using (var delete = await client.SendAsync(HttpMethod.Delete, $"workhours/{hour.Guid}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.Null(server.Severa.GetWorkHour(hour.Guid));
        Assert.Equal(before - 1, server.Severa.WorkHourCount);
        using (var get = await client.SendAsync(HttpMethod.Get, $"workhours/{hour.Guid}"))
        {
            await SeveraTestClient.AssertErrorAsync(get, 404, "InvalidParameter", "guid");
        }

        using (var again = await client.SendAsync(HttpMethod.Delete, $"workhours/{hour.Guid}"))
        {
            await SeveraTestClient.AssertErrorAsync(again, 404, "InvalidParameter");
        }

        var ofUser = (await client.WalkTokenPagesAsync($"users/{hour.User.Guid}/workhours?rowCount=100")).SelectMany(p => p);
        Assert.DoesNotContain(ofUser, h => h.GetProperty("guid").GetGuid() == hour.Guid);
    }

    [Fact]
    public async Task Writes_show_in_the_sub_lists_and_need_the_write_scope()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        using var created = await client.SendAsync(HttpMethod.Post, "workhours", ValidBody(server));
        var guid = (await SeveraTestClient.ReadJsonAsync(created)).GetProperty("guid").GetGuid();
        var row = server.Severa.GetWorkHour(guid)!;

        var ofUser = (await client.WalkTokenPagesAsync($"users/{row.User.Guid}/workhours?startDate=2020-11-12&endDate=2020-11-12")).SelectMany(p => p).ToList();
        Assert.Equal(guid, ofUser.Single().GetProperty("guid").GetGuid());
        var ofProject = (await client.WalkTokenPagesAsync($"projects/{row.Project.Guid}/workhours?isBilled=false&startDate=2020-11-01&endDate=2020-11-30")).SelectMany(p => p).ToList();
        Assert.Equal(guid, ofProject.Single().GetProperty("guid").GetGuid());

        await client.AuthenticateAsync("hours:read");
        using var readOnly = await client.SendAsync(HttpMethod.Post, "workhours", ValidBody(server));
        await SeveraTestClient.AssertErrorAsync(readOnly, 403, "InsufficientApiScope");
    }
}
