using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>GET v1/Dictionary/{projectCode}[/{entity}]: the entities and their fields, labelled DE/EN/FR.</summary>
public sealed class WeavyDictionaryTests
{
    [Fact]
    public async Task The_entity_list_names_the_four_entities_with_their_labels()
    {
        await using var client = await WeavyTestClient.StartAsync();

        var list = await client.OkAsync(HttpMethod.Get, "v1/Dictionary/DEMO");

        Assert.Equal(["customer", "customercontact", "product", "baseuser"], list.EnumerateArray().Select(e => e.GetProperty("entityName").GetString()));
        var customer = list[0];
        Assert.Equal(["entityName", "translations"], customer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [("DE", "Kunde"), ("EN", "Customer"), ("FR", "Client")],
            customer.GetProperty("translations").EnumerateArray().Select(t => (t.GetProperty("languageCode").GetString(), t.GetProperty("text").GetString())));
    }

    [Fact]
    public async Task An_entity_answers_its_fields_like_the_documents_example()
    {
        await using var client = await WeavyTestClient.StartAsync();

        var customer = await client.OkAsync(HttpMethod.Get, "v1/Dictionary/DEMO/customer");

        Assert.Equal(["entityName", "translations", "fields"], customer.EnumerateObject().Select(p => p.Name));
        var fields = customer.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("fieldName").GetString()!);
        Assert.Equal(
            ["customer_ID", "name", "city", "email", "revenue", "status", "isActive", "createdOn", "baseuser_ID", "srvDateUTC", "srvExport"],
            fields.Keys);
        Assert.Equal(("text", 255), (fields["name"].GetProperty("fieldType").GetString(), fields["name"].GetProperty("fieldLength").GetInt32()));
        Assert.Equal("text(foreignkey)", fields["baseuser_ID"].GetProperty("fieldType").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, fields["baseuser_ID"].GetProperty("fieldLength").ValueKind);
        Assert.Equal("Base / Utilisateur", fields["baseuser_ID"].GetProperty("translations")[2].GetProperty("text").GetString());
        Assert.Equal(
            ["decimal", "boolean", "datetime", "datetime", "integer"],
            new[] { "revenue", "isActive", "createdOn", "srvDateUTC", "srvExport" }.Select(n => fields[n].GetProperty("fieldType").GetString()));

        var product = await client.OkAsync(HttpMethod.Get, "v1/Dictionary/DEMO/product");
        Assert.Contains(product.GetProperty("fields").EnumerateArray(), f => f.GetProperty("fieldName").GetString() == "stock" && f.GetProperty("fieldType").GetString() == "integer");
    }

    [Fact]
    public async Task An_unknown_entity_is_404_with_a_hint_for_a_case_mistake()
    {
        await using var client = await WeavyTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Get, "v1/Dictionary/DEMO/CustomerContact");

        await WeavyTestClient.AssertErrorAsync(response, 404, "UnknownEntity", "'customercontact'");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
