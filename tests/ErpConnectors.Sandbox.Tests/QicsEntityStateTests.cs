using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>EntityState: the query, writes, the one-record-per-combination rule and the EntityType list.</summary>
public sealed class QicsEntityStateTests
{
    private static string Body(
        string dataSource = "Twinfield",
        string entityType = "Customer",
        long entityId = 42,
        long companyId = 1,
        string? message = null,
        bool isError = false,
        long entityStateId = 0) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["EntityStateId"] = entityStateId, // Required on the vendor's help pages (0 on a POST)
            ["CompanyId"] = companyId,
            ["DataSource"] = dataSource,
            ["EntityType"] = entityType,
            ["EntityId"] = entityId,
            ["DataSourceKey"] = "TW-" + entityId,
            ["DataSourceDate"] = "2025-02-03T10:15:00+01:00",
            ["IsError"] = isError,
            ["Message"] = message,
        });

    [Fact]
    public async Task The_seeded_records_are_queryable_like_the_overviews()
    {
        await using var client = await QicsTestClient.StartAsync();

        var all = await client.ValuesAsync("EntityState");
        var errors = await client.ValuesAsync("EntityState?$filter=IsError%20and%20CompanyId%20eq%201&$orderby=EntityStateId%20desc");

        Assert.Equal(client.Qics.EntityStates.Count, all.Count);
        Assert.InRange(all.Count, 3, 50);
        Assert.Contains(all, r => r.GetProperty("EntityType").GetString() == "General" && r.GetProperty("EntityId").GetInt64() == 0);
        var expected = client.Qics.EntityStates.Where(s => s.IsError && s.CompanyId == 1).Select(s => s.EntityStateId).Reverse();
        Assert.Equal(expected, errors.Select(r => r.GetProperty("EntityStateId").GetInt64()));
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task Post_creates_a_record_that_the_knob_and_a_read_show()
    {
        await using var client = await QicsTestClient.StartAsync();
        var before = client.Qics.EntityStates.Count;

        using var response = await client.SendAsync(HttpMethod.Post, "EntityState", Body(message: "Customer not found; VAT code unknown.", isError: true));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await QicsTestClient.ReadJsonAsync(response);
        var id = created.GetProperty("EntityStateId").GetInt64();
        Assert.Equal("2025-02-03T10:15:00+01:00", created.GetProperty("DataSourceDate").GetString());
        var state = Assert.Single(client.Qics.EntityStates, s => s.EntityStateId == id);
        Assert.Equal(
            new QicsEntityState(id, 1, "Twinfield", "Customer", 42, "TW-42", new DateTimeOffset(2025, 2, 3, 10, 15, 0, TimeSpan.FromHours(1)), true, "Customer not found; VAT code unknown."),
            state);
        Assert.Equal(before + 1, client.Qics.EntityStates.Count);
        Assert.Equal(id, (await client.GetOkAsync($"EntityState({id})")).GetProperty("EntityStateId").GetInt64());
    }

    [Fact]
    public async Task A_second_record_for_the_same_combination_is_409_naming_the_existing_one()
    {
        await using var client = await QicsTestClient.StartAsync();
        using var first = await client.SendAsync(HttpMethod.Post, "EntityState", Body());
        var id = (await QicsTestClient.ReadJsonAsync(first)).GetProperty("EntityStateId").GetInt64();

        foreach (var duplicate in new[] { Body(), Body(dataSource: "TWINFIELD", message: "other") })
        {
            using var response = await client.SendAsync(HttpMethod.Post, "EntityState", duplicate);
            var error = await QicsTestClient.AssertErrorAsync(response, 409, $"already exists: EntityStateId {id}.", $"EntityState({id})");
            Assert.Equal("Conflict", error.GetProperty("code").GetString());
        }

        // Any part of the combination differing makes another record.
        foreach (var other in new[] { Body(entityId: 43), Body(companyId: 2), Body(entityType: "Employee"), Body(dataSource: "Exact Online") })
        {
            using var response = await client.SendAsync(HttpMethod.Post, "EntityState", other);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Single(client.Qics.EntityStates, s => s.DataSource == "Twinfield" && s.EntityType == "Customer" && s.EntityId == 42 && s.CompanyId == 1);
    }

    [Fact]
    public async Task EntityId_0_is_allowed_for_any_type_and_General_is_for_problems_bound_to_no_entity()
    {
        await using var client = await QicsTestClient.StartAsync();

        foreach (var body in new[] { Body(entityType: "Customer", entityId: 0), Body(entityType: "General", entityId: 0), Body(entityType: "EntityState", entityId: 0) })
        {
            using var response = await client.SendAsync(HttpMethod.Post, "EntityState", body);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("Invoice", 1L, 1L, "EntityType 'Invoice' is not one of the entity types", "EntityType")]
    [InlineData("customer", 1L, 1L, "(the spelling is 'Customer')", "EntityType")]
    [InlineData("Customer", -1L, 1L, "EntityId -1 is not valid", "EntityId")]
    [InlineData("Customer", 1L, 9L, "CompanyId 9 is not a company of this tenant: 1, 2.", "CompanyId")]
    [InlineData("Customer", 1L, 0L, "CompanyId 0 is not a company", "CompanyId")]
    public async Task Invalid_records_are_400_naming_the_property(string entityType, long entityId, long companyId, string problem, string target)
    {
        await using var client = await QicsTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "EntityState", Body(entityType: entityType, entityId: entityId, companyId: companyId));

        var error = await QicsTestClient.AssertErrorAsync(response, 400, problem, target);
        if (target == "EntityType")
        {
            Assert.Contains("General | CustomerCategory | Company", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""{"EntityStateId":0,"DataSource":"X","EntityType":"Customer","EntityId":1,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""", "CompanyId")]
    [InlineData("""{"EntityStateId":0,"CompanyId":1,"EntityType":"Customer","EntityId":1,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""", "DataSource")]
    [InlineData("""{"EntityStateId":0,"CompanyId":1,"DataSource":"X","EntityId":1,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""", "EntityType")]
    [InlineData("""{"EntityStateId":0,"CompanyId":1,"DataSource":"X","EntityType":"Customer","DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""", "EntityId")]
    [InlineData("""{"EntityStateId":0,"CompanyId":1,"DataSource":" ","EntityType":"Customer","EntityId":1,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""", "DataSource")]
    // Required as the vendor's help pages mark them (POST V3/odata/EntityState): the key, the date, the flag.
    [InlineData("""{"CompanyId":1,"DataSource":"X","EntityType":"Customer","EntityId":1,"DataSourceDate":"2025-02-03T10:15:00Z","IsError":false}""", "EntityStateId")]
    [InlineData("""{"EntityStateId":0,"CompanyId":1,"DataSource":"X","EntityType":"Customer","EntityId":1,"IsError":false}""", "DataSourceDate")]
    [InlineData("""{"EntityStateId":0,"CompanyId":1,"DataSource":"X","EntityType":"Customer","EntityId":1,"DataSourceDate":"2025-02-03T10:15:00Z"}""", "IsError")]
    public async Task The_combination_properties_are_required(string json, string target)
    {
        await using var client = await QicsTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Post, "EntityState", json);

        await QicsTestClient.AssertErrorAsync(response, 400, target, target);
    }

    [Fact]
    public async Task Put_updates_a_record_but_not_into_another_ones_combination()
    {
        await using var client = await QicsTestClient.StartAsync();
        using var a = await client.SendAsync(HttpMethod.Post, "EntityState", Body(entityId: 1));
        using var b = await client.SendAsync(HttpMethod.Post, "EntityState", Body(entityId: 2));
        var idA = (await QicsTestClient.ReadJsonAsync(a)).GetProperty("EntityStateId").GetInt64();
        var idB = (await QicsTestClient.ReadJsonAsync(b)).GetProperty("EntityStateId").GetInt64();

        using (var put = await client.SendAsync(HttpMethod.Put, $"EntityState({idB})", Body(entityId: 2, message: "Two problems. Merged into one message.", isError: true, entityStateId: idB)))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        Assert.Equal("Two problems. Merged into one message.", client.Qics.EntityStates.Single(s => s.EntityStateId == idB).Message);

        using (var collide = await client.SendAsync(HttpMethod.Put, $"EntityState({idB})", Body(entityId: 1, entityStateId: idB)))
        {
            await QicsTestClient.AssertErrorAsync(collide, 409, $"EntityStateId {idA}", $"EntityState({idA})");
        }

        using (var collidePatch = await client.SendAsync(HttpMethod.Patch, $"EntityState({idB})", """{"EntityId":1}"""))
        {
            await QicsTestClient.AssertErrorAsync(collidePatch, 409, $"EntityStateId {idA}");
        }

        Assert.Equal(2, client.Qics.EntityStates.Single(s => s.EntityStateId == idB).EntityId);
    }

    [Fact]
    public async Task Delete_frees_the_combination()
    {
        await using var client = await QicsTestClient.StartAsync();
        using var first = await client.SendAsync(HttpMethod.Post, "EntityState", Body());
        var id = (await QicsTestClient.ReadJsonAsync(first)).GetProperty("EntityStateId").GetInt64();

        using (var delete = await client.SendAsync(HttpMethod.Delete, $"EntityState({id})"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        Assert.DoesNotContain(client.Qics.EntityStates, s => s.EntityStateId == id);
        using var again = await client.SendAsync(HttpMethod.Post, "EntityState", Body());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(id, (await QicsTestClient.ReadJsonAsync(again)).GetProperty("EntityStateId").GetInt64());
    }
}
