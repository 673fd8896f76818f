using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>ImportDataSet, RelationalDataSet and DeleteDataSet: multi-record writes, each one transaction.</summary>
public sealed class WeavyDataSetTests
{
    private static Task<WeavyTestClient> StartAsync() => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = 50);

    [Fact]
    public async Task ImportDataSet_upserts_the_main_record_and_its_linked_records()
    {
        await using var client = await StartAsync();
        var contact = client.Weavy.Records("customercontact")[0];

        var answer = await client.PostDataOkAsync("ImportDataSet", $$"""
            {"customer":[{"customer_ID":"DS1","name":"Dataset SAS","baseuser_ID":"U001"}],
             "customercontact":[
               {"customercontact_ID":"DS1-A","customer_ID":"DS1","lastName":"Martin"},
               {"customercontact_ID":"DS1-B","customer_ID":"DS1","lastName":"Petit"},
               {"customercontact_ID":"{{contact["customercontact_ID"]}}","phone":"+33 6 00 00 00 00"}]}
            """);

        Assert.Equal(["addedRow", "updatedRow"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((3, 1), (answer.GetProperty("addedRow").GetInt32(), answer.GetProperty("updatedRow").GetInt32()));
        Assert.Equal("DS1", client.Weavy.Record("customercontact", "DS1-B")!["customer_ID"]);
        Assert.Equal("+33 6 00 00 00 00", client.Weavy.Record("customercontact", (string)contact["customercontact_ID"]!)!["phone"]);
        Assert.Equal(contact["lastName"], client.Weavy.Record("customercontact", (string)contact["customercontact_ID"]!)!["lastName"]);
    }

    [Fact]
    public async Task ImportDataSet_sent_again_unchanged_changes_nothing()
    {
        await using var client = await StartAsync();
        const string DataSet = """{"product":[{"product_ID":"DS-P","label":"Lampe","price":10.5}]}""";
        await client.PostDataOkAsync("ImportDataSet", DataSet);
        var stamp = client.Weavy.Record("product", "DS-P")!["srvDateUTC"];

        var again = await client.PostDataOkAsync("ImportDataSet", DataSet);

        Assert.Equal((0, 0), (again.GetProperty("addedRow").GetInt32(), again.GetProperty("updatedRow").GetInt32()));
        Assert.Equal(stamp, client.Weavy.Record("product", "DS-P")!["srvDateUTC"]);
    }

    [Theory]
    [InlineData("""{"customer":[{"customer_ID":"M1"},{"customer_ID":"M2"}],"customercontact":[]}""", "customer")]
    [InlineData("""{"customer":[],"customercontact":[{"customercontact_ID":"M1"}]}""", "customer")]
    [InlineData("""{}""", null)]
    public async Task ImportDataSet_needs_exactly_one_main_record(string body, string? field)
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("ImportDataSet", body);

        var error = await WeavyTestClient.AssertErrorAsync(response, 400, "InvalidRequest");
        Assert.Equal(field is null ? [] : [field], WeavyTestClient.DetailFields(error));
        Assert.Null(client.Weavy.Record("customer", "M1"));
        Assert.Null(client.Weavy.Record("customercontact", "M1"));
    }

    [Fact]
    public async Task ImportDataSet_is_atomic_a_bad_foreign_key_cancels_everything()
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("ImportDataSet", """
            {"customer":[{"customer_ID":"AT1","name":"Atomique"}],
             "customercontact":[
               {"customercontact_ID":"AT1-A","customer_ID":"AT1"},
               {"customercontact_ID":"AT1-B","customer_ID":"NOBODY"}]}
            """);

        var error = await WeavyTestClient.AssertErrorAsync(response, 400, "InvalidForeignKey", "NOBODY");
        Assert.Equal(["customercontact[1].customer_ID"], WeavyTestClient.DetailFields(error));
        Assert.Null(client.Weavy.Record("customer", "AT1"));
        Assert.Null(client.Weavy.Record("customercontact", "AT1-A"));
    }

    [Fact]
    public async Task RelationalDataSet_writes_data_then_relations_then_deletes_and_answers_the_rows_as_stored()
    {
        await using var client = await StartAsync();

        var answer = await client.PostDataOkAsync("RelationalDataSet", """
            {"noResultData":false,
             "data":{"customer":[{"customer_ID":"R1","name":"Relation SA"}],
                     "customercontact":[{"customercontact_ID":"RC1","lastName":"Durand"}]},
             "deletes":{"product":["P0005","NOPE"]},
             "relations":[{"SourceEntityName":"customer","SourceRowCode":"R1","TargetEntityName":"customercontact","TargetRowCode":"RC1","TargetFieldName":"customer_ID"}]}
            """);

        Assert.Equal(["addedRow", "updatedRow", "deletedRow", "data"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((2, 0, 1), (answer.GetProperty("addedRow").GetInt32(), answer.GetProperty("updatedRow").GetInt32(), answer.GetProperty("deletedRow").GetInt32()));
        var data = answer.GetProperty("data");
        Assert.Equal("Relation SA", data.GetProperty("customer")[0].GetProperty("name").GetString());
        var contact = data.GetProperty("customercontact")[0];
        Assert.Equal("R1", contact.GetProperty("customer_ID").GetString());
        Assert.Equal(JsonValueKind.String, contact.GetProperty("srvDateUTC").ValueKind);
        Assert.Equal("R1", client.Weavy.Record("customercontact", "RC1")!["customer_ID"]);
        Assert.True((bool)client.Weavy.Record("product", "P0005")!["deleted"]!);
    }

    [Fact]
    public async Task RelationalDataSet_with_noResultData_answers_the_counts_only_and_a_relation_to_a_stored_record_counts_as_updated()
    {
        await using var client = await StartAsync();
        var contact = (string)client.Weavy.Records("customercontact")[0]["customercontact_ID"]!;

        var answer = await client.PostDataOkAsync("RelationalDataSet", $$"""
            {"noResultData":true,
             "data":{"customer":[{"customer_ID":"R2","name":"Nouveau parent"}]},
             "relations":[{"SourceEntityName":"customer","SourceRowCode":"R2","TargetEntityName":"customercontact","TargetRowCode":"{{contact}}","TargetFieldName":"customer_ID"}]}
            """);

        Assert.Equal(["addedRow", "updatedRow", "deletedRow"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 1, 0), (answer.GetProperty("addedRow").GetInt32(), answer.GetProperty("updatedRow").GetInt32(), answer.GetProperty("deletedRow").GetInt32()));
        Assert.Equal("R2", client.Weavy.Record("customercontact", contact)!["customer_ID"]);
    }

    [Theory]
    [InlineData("customer", "R3", "customercontact", "NOPE", "customer_ID", "relations[0].TargetRowCode", "InvalidValue")]
    [InlineData("customer", "R3", "customercontact", "RC3", "lastName", "relations[0].TargetFieldName", "InvalidValue")]
    [InlineData("customer", "MISSING", "customercontact", "RC3", "customer_ID", "data.customercontact[0].customer_ID", "InvalidForeignKey")]
    public async Task RelationalDataSet_is_atomic_a_bad_relation_cancels_the_data_too(
        string source, string sourceCode, string target, string targetCode, string field, string detail, string code)
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("RelationalDataSet", $$"""
            {"data":{"customer":[{"customer_ID":"R3"}],"customercontact":[{"customercontact_ID":"RC3"}]},
             "deletes":{"product":["P0006"]},
             "relations":[{"SourceEntityName":"{{source}}","SourceRowCode":"{{sourceCode}}","TargetEntityName":"{{target}}","TargetRowCode":"{{targetCode}}","TargetFieldName":"{{field}}"}]}
            """);

        var error = await WeavyTestClient.AssertErrorAsync(response, 400, code);
        Assert.Equal([detail], WeavyTestClient.DetailFields(error));
        Assert.Null(client.Weavy.Record("customer", "R3"));
        Assert.Null(client.Weavy.Record("customercontact", "RC3"));
        Assert.False((bool)client.Weavy.Record("product", "P0006")!["deleted"]!);
    }

    [Fact]
    public async Task DeleteDataSet_deletes_logically_counts_what_it_deleted_and_skips_unknown_codes()
    {
        await using var client = await StartAsync();
        var contacts = client.Weavy.Records("customercontact").Take(2).Select(r => (string)r["customercontact_ID"]!).ToList();

        var answer = await client.PostDataOkAsync("DeleteDataSet", $$"""
            {"customercontact":["{{contacts[0]}}","{{contacts[1]}}","NOPE"],"product":["P0003"]}
            """);

        Assert.Equal(["deletedRow", "statistics"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, answer.GetProperty("deletedRow").GetInt32());
        Assert.Equal(4, answer.GetProperty("statistics").GetProperty("queryCount").GetInt32());
        Assert.All(contacts, c => Assert.True((bool)client.Weavy.Record("customercontact", c)!["deleted"]!));
        Assert.Equal(299, client.Weavy.Count("product"));

        var again = await client.PostDataOkAsync("DeleteDataSet", """{"product":["P0003"]}""");
        Assert.Equal(0, again.GetProperty("deletedRow").GetInt32());
    }

    [Fact]
    public async Task DeleteDataSet_physical_is_refused_whole_while_a_record_is_referred_to()
    {
        await using var client = await StartAsync();
        var customer = (string)client.Weavy.Records("customercontact")[0]["customer_ID"]!;

        using var response = await client.SendAsync(HttpMethod.Post, "v1/Data/DEMO/DeleteDataSet?deleteMode=Physical", $$"""
            {"product":["P0004"],"customer":["{{customer}}"]}
            """);

        await WeavyTestClient.AssertErrorAsync(response, 409, "StillReferenced");
        Assert.NotNull(client.Weavy.Record("product", "P0004"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);

        var unreferenced = await client.OkAsync(HttpMethod.Post, "v1/Data/DEMO/DeleteDataSet?deleteMode=Physical", """{"product":["P0004"]}""");
        Assert.Equal(1, unreferenced.GetProperty("deletedRow").GetInt32());
        Assert.Null(client.Weavy.Record("product", "P0004"));
    }
}
