using System.Net;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>Detail entities by key: reads, writes, validation; Overview entities refusing writes.</summary>
public sealed class QicsDetailTests
{
    [Theory]
    [InlineData("Customer(3)", "CustomerId", "Code,Name,Email,City,IsActive,CreatedOn")]
    [InlineData("Employee(3)", "EmployeeId", "Code,FirstName,LastName,Email,IsActive")]
    [InlineData("Project(3)", "ProjectId", "Code,Name,CustomerId,StartDate,Budget")]
    [InlineData("Item(3)", "ItemId", "Code,Description,Price")]
    [InlineData("EntityState(3)", "EntityStateId", "CompanyId,DataSource,EntityType,EntityId,DataSourceKey,DataSourceDate,IsError,Message")]
    public async Task An_entity_is_read_by_key_with_its_properties(string path, string key, string properties)
    {
        await using var client = await QicsTestClient.StartAsync();

        var body = await client.GetOkAsync(path);

        Assert.EndsWith($"/$metadata#{path[..path.IndexOf('(', StringComparison.Ordinal)]}/$entity", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
        Assert.Equal(["@odata.context", key, .. properties.Split(',')], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, body.GetProperty(key).GetInt64());
    }

    [Fact]
    public async Task Keys_may_be_named_and_selected_and_unknown_or_malformed_keys_are_refused()
    {
        await using var client = await QicsTestClient.StartAsync();

        var named = await client.GetOkAsync("Customer(CustomerId=7)?$select=Name");
        Assert.Equal(["@odata.context", "Name"], named.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("#Customer(Name)/$entity", named.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);

        using (var missing = await client.SendAsync(HttpMethod.Get, "Customer(501)"))
        {
            var error = await QicsTestClient.AssertErrorAsync(missing, 404, "Customer(501) does not exist");
            Assert.Equal("NotFound", error.GetProperty("code").GetString());
        }

        using (var malformed = await client.SendAsync(HttpMethod.Get, "Customer(abc)"))
        {
            await QicsTestClient.AssertErrorAsync(malformed, 400, "not a valid Edm.Int64");
        }

        using (var wrongName = await client.SendAsync(HttpMethod.Get, "Customer(ItemId=3)"))
        {
            await QicsTestClient.AssertErrorAsync(wrongName, 400, "The key of Customer is CustomerId");
        }

        using var top = await client.SendAsync(HttpMethod.Get, "Customer(3)?$top=1");
        await QicsTestClient.AssertErrorAsync(top, 400, "applies to collections", "$top");
    }

    [Fact]
    public async Task Post_creates_the_entity_with_a_new_key_and_the_servers_values()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero));
        await using var client = await QicsTestClient.StartAsync(o => o.TimeProvider = clock);

        using var response = await client.SendAsync(
            HttpMethod.Post,
            "Customer",
            """{"@odata.type":"#Qics.Customer","Code":"N1","Name":"Nieuw B.V.","City":"Delft","CreatedOn":"2000-01-01T00:00:00Z","CustomerId":0}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await QicsTestClient.ReadJsonAsync(response);
        Assert.Equal(501, body.GetProperty("CustomerId").GetInt64());
        Assert.Equal($"{client.Server.QicsBaseUri}/V3/odata/Customer(501)", response.Headers.Location!.ToString());
        Assert.Equal("2025-03-01T12:00:00.123+00:00", body.GetProperty("CreatedOn").GetString());
        Assert.True(body.GetProperty("IsActive").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("Email").ValueKind);
        var read = await client.GetOkAsync("Customer(501)");
        Assert.Equal(("Nieuw B.V.", "Delft"), (read.GetProperty("Name").GetString(), read.GetProperty("City").GetString()));
    }

    [Fact]
    public async Task Put_replaces_the_entity_and_patch_changes_only_what_it_sends()
    {
        await using var client = await QicsTestClient.StartAsync();
        var before = await client.GetOkAsync("Customer(5)");
        Assert.NotEqual(JsonValueKind.Null, before.GetProperty("City").ValueKind);

        using (var patch = await client.SendAsync(HttpMethod.Patch, "Customer(5)", """{"Name":"Hernoemd","IsActive":false}"""))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            var body = await QicsTestClient.ReadJsonAsync(patch);
            Assert.Equal(("Hernoemd", false), (body.GetProperty("Name").GetString(), body.GetProperty("IsActive").GetBoolean()));
            Assert.Equal(before.GetProperty("City").GetString(), body.GetProperty("City").GetString());
            Assert.Equal(before.GetProperty("CreatedOn").GetString(), body.GetProperty("CreatedOn").GetString());
        }

        using (var put = await client.SendAsync(HttpMethod.Put, "Customer(5)", """{"CustomerId":5,"Name":"Vervangen"}"""))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
            var body = await QicsTestClient.ReadJsonAsync(put);
            Assert.Equal("Vervangen", body.GetProperty("Name").GetString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("City").ValueKind);
            Assert.True(body.GetProperty("IsActive").GetBoolean());
            Assert.Equal(before.GetProperty("CreatedOn").GetString(), body.GetProperty("CreatedOn").GetString());
        }

        var read = await client.GetOkAsync("Customer(5)");
        Assert.Equal(JsonValueKind.Null, read.GetProperty("City").ValueKind);
    }

    [Fact]
    public async Task Prefer_return_minimal_makes_writes_204()
    {
        await using var client = await QicsTestClient.StartAsync();
        static void Minimal(HttpRequestMessage request) => request.Headers.Add("Prefer", "return=minimal");

        using (var post = await client.SendAsync(HttpMethod.Post, "Item", """{"Code":"X1","Price":9.95}""", Minimal))
        {
            Assert.Equal(HttpStatusCode.NoContent, post.StatusCode);
            Assert.Equal("return=minimal", post.Headers.GetValues("Preference-Applied").Single());
            Assert.Equal($"{client.Server.QicsBaseUri}/V3/odata/Item(201)", post.Headers.Location!.ToString());
            Assert.Equal(post.Headers.Location.ToString(), post.Headers.GetValues("OData-EntityId").Single());
        }

        using (var patch = await client.SendAsync(HttpMethod.Patch, "Item(201)", """{"Price":10}""", Minimal))
        {
            Assert.Equal(HttpStatusCode.NoContent, patch.StatusCode);
        }

        Assert.Equal(10m, (await client.GetOkAsync("Item(201)")).GetProperty("Price").GetDecimal());
    }

    [Fact]
    public async Task Delete_is_204_then_the_key_is_gone_and_is_not_reused()
    {
        await using var client = await QicsTestClient.StartAsync();

        using (var delete = await client.SendAsync(HttpMethod.Delete, "Item(200)"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using (var again = await client.SendAsync(HttpMethod.Delete, "Item(200)"))
        {
            await QicsTestClient.AssertErrorAsync(again, 404, "Item(200) does not exist");
        }

        using (var get = await client.SendAsync(HttpMethod.Get, "Item(200)"))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }

        using var post = await client.SendAsync(HttpMethod.Post, "Item", """{"Code":"X2"}""");
        Assert.Equal(201, (await QicsTestClient.ReadJsonAsync(post)).GetProperty("ItemId").GetInt64());
    }

    [Fact]
    public async Task A_customer_with_projects_cannot_be_deleted()
    {
        await using var client = await QicsTestClient.StartAsync();
        var withProjects = (await client.ValuesAsync("OverviewCustomer?$filter=ProjectCount%20gt%200&$top=1"))[0].GetProperty("CustomerId").GetInt64();
        var without = (await client.ValuesAsync("OverviewCustomer?$filter=ProjectCount%20eq%200&$top=1"))[0].GetProperty("CustomerId").GetInt64();

        using (var refused = await client.SendAsync(HttpMethod.Delete, $"Customer({withProjects})"))
        {
            await QicsTestClient.AssertErrorAsync(refused, 409, "project(s) belong to it");
        }

        using var deleted = await client.SendAsync(HttpMethod.Delete, $"Customer({without})");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Theory]
    [InlineData("POST", "Customer", """{"Name":"A","Colour":"red"}""", "Could not find a property named 'Colour' on type 'Qics.Customer'", "Colour")]
    [InlineData("POST", "Customer", """{"name":"A"}""", "Property names are case-sensitive: 'Name'", "name")]
    [InlineData("POST", "Customer", """{"Code":"A"}""", "The property 'Name' is required", "Name")]
    [InlineData("POST", "Customer", """{"Name":null}""", "The property 'Name' cannot be null", "Name")]
    [InlineData("POST", "Customer", """{"Name":"A","IsActive":"yes"}""", "not a valid Edm.Boolean", "IsActive")]
    [InlineData("POST", "Customer", """{"Name":"A","CustomerId":12}""", "CustomerId is assigned by the server", "CustomerId")]
    [InlineData("POST", "Item", """{"Code":"A","Price":"9.95"}""", "not a valid Edm.Decimal", "Price")]
    [InlineData("POST", "Project", """{"Name":"A","CustomerId":1.5}""", "not a valid Edm.Int64", "CustomerId")]
    [InlineData("POST", "Project", """{"Name":"A","CustomerId":9999}""", "CustomerId 9999 does not name an existing Customer", "CustomerId")]
    [InlineData("POST", "Project", """{"Name":"A","CustomerId":1,"StartDate":"2025-01-01T00:00:00"}""", "with an offset", "StartDate")]
    [InlineData("POST", "Project", """{"Name":"A","CustomerId":1,"StartDate":"2025-01-01"}""", "not a valid Edm.DateTimeOffset", "StartDate")]
    [InlineData("PUT", "Customer(2)", """{"Code":"A"}""", "The property 'Name' is required", "Name")]
    [InlineData("PUT", "Customer(2)", """{"CustomerId":3,"Name":"A"}""", "does not match the key 2 in the URL", "CustomerId")]
    [InlineData("PATCH", "Project(2)", """{"CustomerId":123456}""", "CustomerId 123456 does not name an existing Customer", "CustomerId")]
    public async Task Invalid_bodies_are_400_naming_the_property(string method, string path, string json, string problem, string target)
    {
        await using var client = await QicsTestClient.StartAsync();

        using var response = await client.SendAsync(new HttpMethod(method), path, json);

        await QicsTestClient.AssertErrorAsync(response, 400, problem, target);
    }

    [Fact]
    public async Task Bodies_must_be_json_objects()
    {
        await using var client = await QicsTestClient.StartAsync();

        using (var form = await client.SendAsync(HttpMethod.Post, "Customer", configure: r => r.Content = new StringContent("Name=A", Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            await QicsTestClient.AssertErrorAsync(form, 415, "send application/json");
        }

        using (var broken = await client.SendAsync(HttpMethod.Post, "Customer", """{"Name":"""))
        {
            await QicsTestClient.AssertErrorAsync(broken, 400, "not valid JSON");
        }

        using var array = await client.SendAsync(HttpMethod.Post, "Customer", """[{"Name":"A"}]""");
        await QicsTestClient.AssertErrorAsync(array, 400, "must be a JSON object");
    }

    [Fact]
    public async Task Put_patch_and_delete_of_an_unknown_key_are_404()
    {
        await using var client = await QicsTestClient.StartAsync();

        foreach (var (method, json) in new[] { (HttpMethod.Put, """{"Name":"A"}"""), (HttpMethod.Patch, """{"Name":"A"}"""), (HttpMethod.Delete, null) })
        {
            using var response = await client.SendAsync(method, "Customer(9999)", json);
            await QicsTestClient.AssertErrorAsync(response, 404, "Customer(9999) does not exist");
        }
    }

    [Theory]
    [InlineData("POST", "OverviewCustomer", "Write Customer instead")]
    [InlineData("PUT", "OverviewCustomer(1)", "Write Customer instead")]
    [InlineData("PATCH", "OverviewProject(1)", "Write Project instead")]
    [InlineData("DELETE", "OverviewItem(1)", "Write Item instead")]
    public async Task Overview_entities_are_read_only(string method, string path, string hint)
    {
        await using var client = await QicsTestClient.StartAsync();

        using var response = await client.SendAsync(new HttpMethod(method), path, method == "DELETE" ? null : """{"Name":"A"}""");

        var error = await QicsTestClient.AssertErrorAsync(response, 405, hint);
        Assert.Equal("MethodNotAllowed", error.GetProperty("code").GetString());
        Assert.Equal(["GET"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Detail_entities_are_not_listed_and_collections_take_no_key_methods()
    {
        await using var client = await QicsTestClient.StartAsync();

        using (var list = await client.SendAsync(HttpMethod.Get, "Customer"))
        {
            await QicsTestClient.AssertErrorAsync(list, 405, "query OverviewCustomer for lists");
            Assert.Equal(["POST"], list.Content.Headers.Allow);
        }

        using (var patch = await client.SendAsync(HttpMethod.Patch, "EntityState", """{"Message":"x"}"""))
        {
            await QicsTestClient.AssertErrorAsync(patch, 405);
            Assert.Equal(["GET", "POST"], patch.Content.Headers.Allow);
        }

        using var post = await client.SendAsync(HttpMethod.Post, "Customer(1)", """{"Name":"A"}""");
        await QicsTestClient.AssertErrorAsync(post, 405);
        Assert.Equal(["GET", "PUT", "PATCH", "DELETE"], post.Content.Headers.Allow);
    }

    [Fact]
    public async Task An_overview_row_can_be_read_by_key()
    {
        await using var client = await QicsTestClient.StartAsync();

        var row = await client.GetOkAsync("OverviewProject(4)");
        var project = await client.GetOkAsync("Project(4)");
        var customer = await client.GetOkAsync($"Customer({project.GetProperty("CustomerId").GetInt64()})");

        Assert.Equal(customer.GetProperty("Name").GetString(), row.GetProperty("CustomerName").GetString());
        Assert.EndsWith("#OverviewProject/$entity", row.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);
    }
}
