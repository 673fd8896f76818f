using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaDebtorTests
{
    [Fact]
    public async Task A_debtor_has_the_contract_fields_in_order_with_contacts()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var debtor = await client.GetOkAsync("Debtors/0000000061000000001V");

        Assert.Equal(
            ["DebtorID", "AccountNo", "Name", "EmailAddress", "Phone", "Address1", "Address2", "Address3", "Address4", "Postcode", "Country",
             "CreditLimit", "CurrentBalance", "AccountOnHold", "ContactNames", "LastSavedDateTime"],
            debtor.EnumerateObject().Select(p => p.Name));
        Assert.Equal("0000000061000000001V", debtor.GetProperty("DebtorID").GetString());
        Assert.Equal("C00067", debtor.GetProperty("AccountNo").GetString());
        Assert.Equal(JsonValueKind.Number, debtor.GetProperty("CreditLimit").ValueKind);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$", debtor.GetProperty("LastSavedDateTime").GetString());
        var contacts = debtor.GetProperty("ContactNames").EnumerateArray().ToList();
        Assert.InRange(contacts.Count, 1, 3);
        Assert.Single(contacts, c => c.GetProperty("DefaultContact").GetBoolean());
        Assert.Equal(
            ["ContactNameID", "FirstName", "Surname", "EmailAddress", "Phone", "DefaultContact"],
            contacts[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Ids_match_case_insensitively_and_an_unknown_one_is_404_RecordNotFoundException()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var debtor = await client.GetOkAsync("debtors/0000000061000000001v");
        Assert.Equal("0000000061000000001V", debtor.GetProperty("DebtorID").GetString());

        var status = await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, "Debtors/NOSUCHDEBTOR", message: "Debtor with DebtorID 'NOSUCHDEBTOR' not found");
        Assert.Empty(status.GetProperty("Errors").EnumerateArray());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_debtors()
    {
        await using var a = await JiwaTestClient.StartAsync(o => o.Seed = 5);
        await using var b = await JiwaTestClient.StartAsync(o => o.Seed = 5);
        await using var c = await JiwaTestClient.StartAsync(o => o.Seed = 6);

        var first = (await a.GetOkAsync("Debtors/00000000610000000010")).GetRawText();

        Assert.Equal(first, (await b.GetOkAsync("Debtors/00000000610000000010")).GetRawText());
        Assert.NotEqual(first, (await c.GetOkAsync("Debtors/00000000610000000010")).GetRawText());
    }

    [Fact]
    public async Task DebtorCount_sets_how_many_there_are()
    {
        await using var client = await JiwaTestClient.StartAsync(o => o.Jiwa.DebtorCount = 40);

        var list = await client.GetOkAsync("Queries/DebtorList?Include=Total&Take=1");

        Assert.Equal(40, list.GetProperty("Total").GetInt32());
        await client.GetOkAsync("Debtors/00000000610000000014");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, "Debtors/00000000610000000015");
    }

    [Fact]
    public async Task PATCH_changes_the_given_fields_keeps_the_others_and_stamps_LastSavedDateTime()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 2, 8, 30, 15, 250, TimeSpan.Zero));
        await using var client = await JiwaTestClient.StartAsync(o => o.TimeProvider = clock);
        var before = await client.GetOkAsync("Debtors/0000000061000000001V");

        var patched = await client.PatchOkAsync(
            "Debtors/0000000061000000001V",
            """{"name":"Renamed Pty Ltd","CreditLimit":"1234.5","AccountOnHold":true,"Address2":"Level 2","Address3":null,"Suburb":"Ignored","State":"Ignored","CurrentBalance":99,"DebtorID":"ignored"}""");

        Assert.Equal("Renamed Pty Ltd", patched.GetProperty("Name").GetString());
        Assert.Equal(1234.5m, patched.GetProperty("CreditLimit").GetDecimal());
        Assert.True(patched.GetProperty("AccountOnHold").GetBoolean());
        Assert.Equal("Level 2", patched.GetProperty("Address2").GetString());
        Assert.Equal(before.GetProperty("Address3").GetString(), patched.GetProperty("Address3").GetString());
        Assert.Equal(before.GetProperty("CurrentBalance").GetDecimal(), patched.GetProperty("CurrentBalance").GetDecimal());
        Assert.Equal("0000000061000000001V", patched.GetProperty("DebtorID").GetString());
        Assert.Equal(before.GetProperty("ContactNames").GetRawText(), patched.GetProperty("ContactNames").GetRawText());
        Assert.Equal("2025-06-02T08:30:15", patched.GetProperty("LastSavedDateTime").GetString());
        Assert.Equal(patched.GetRawText(), (await client.GetOkAsync("Debtors/0000000061000000001V")).GetRawText());
        var row = (await client.RowsAsync("Queries/DebtorList?AccountNo=C00067")).Single();
        Assert.Equal("Renamed Pty Ltd", row.GetProperty("Name").GetString());
    }

    [Fact]
    public async Task PATCH_refuses_bad_values_with_400_and_changes_nothing()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var before = (await client.GetOkAsync("Debtors/0000000061000000001V")).GetRawText();

        var binding = await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Patch, "Debtors/0000000061000000001V", """{"CreditLimit":"lots","AccountOnHold":"maybe"}""");
        Assert.Equal(["CreditLimit", "AccountOnHold"], JiwaTestClient.FieldNames(binding));

        var validation = await client.ExpectErrorAsync(400, "NotEmpty", HttpMethod.Patch, "Debtors/0000000061000000001V", """{"Name":" ","CreditLimit":-1}""", message: "'Name' must not be empty.");
        Assert.Equal(["Name", "CreditLimit"], JiwaTestClient.FieldNames(validation));
        Assert.Equal("GreaterThanOrEqual", validation.GetProperty("Errors")[1].GetProperty("ErrorCode").GetString());

        await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Patch, "Debtors/0000000061000000001V", "{not json");
        Assert.Equal(before, (await client.GetOkAsync("Debtors/0000000061000000001V")).GetRawText());
    }

    [Fact]
    public async Task PATCH_to_an_account_number_another_debtor_has_is_409()
    {
        await using var client = await JiwaTestClient.StartAsync();

        await client.ExpectErrorAsync(409, "DuplicateRecordException", HttpMethod.Patch, "Debtors/0000000061000000001V", """{"AccountNo":"c00001"}""");
        var renumbered = await client.PatchOkAsync("Debtors/0000000061000000001V", """{"AccountNo":"X99999"}""");

        Assert.Equal("X99999", renumbered.GetProperty("AccountNo").GetString());
    }

    [Fact]
    public async Task PATCH_of_an_unknown_debtor_is_404_and_a_non_JSON_body_415()
    {
        await using var client = await JiwaTestClient.StartAsync();

        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Patch, "Debtors/NOSUCHDEBTOR", """{"Name":"x"}""");
        using var request = new HttpRequestMessage(HttpMethod.Patch, client.Url("Debtors/0000000061000000001V"))
        {
            Content = new StringContent("Name=x", System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Add("X-ss-id", client.SessionId);
        using var response = await client.Http.SendAsync(request);
        await JiwaTestClient.AssertErrorAsync(response, 415, "UnsupportedMediaType");
    }

    [Fact]
    public async Task An_inventory_item_is_200_and_an_unknown_one_204_No_Content()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var row = await client.InventoryAsync(skip: 3);

        var item = await client.GetOkAsync("Inventory/" + row.GetProperty("InventoryID").GetString());

        Assert.Equal(
            ["InventoryID", "PartNo", "Description", "Status", "DefaultPrice", "RRPPrice", "LastSavedDateTime"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("P1003", item.GetProperty("PartNo").GetString());
        Assert.Equal(row.GetRawText(), item.GetRawText());
        Assert.Contains(item.GetProperty("Status").GetString(), new[] { "Active", "Discontinued" });

        using var none = await client.SendAsync(HttpMethod.Get, "Inventory/NOSUCHITEM");
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
        Assert.Empty(await none.Content.ReadAsByteArrayAsync());
    }
}
