namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraRecordTests
{
    [Fact]
    public async Task Every_record_is_readable_by_guid_and_matches_its_list_row()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;

        foreach (var list in new[] { "customers", "contactpersons", "addresses", "users", "projects", "phases", "workhours", "invoices", "invoicestatuses", "invoicerows" })
        {
            var first = (await client.GetOkAsync($"{list}?rowCount=1"))[0];
            var one = await client.GetOkAsync($"{list}/{first.GetProperty("guid").GetGuid()}");
            Assert.Equal(first.GetRawText(), one.GetRawText());
        }

        var customer = server.Severa.Data.Customer(42);
        var hq = await client.GetOkAsync($"addresses/{customer.HeadquarterAddress.Guid}");
        Assert.Equal(customer.HeadquarterAddress.Addressline, hq.GetProperty("addressline").GetString());
        var contacts = await client.GetOkAsync($"customers/{customer.Guid}/contactpersons");
        Assert.Equal(2, contacts.GetArrayLength());
        Assert.All(contacts.EnumerateArray(), c => Assert.Equal(customer.Guid, c.GetProperty("customer").GetProperty("guid").GetGuid()));
    }

    [Theory]
    [InlineData("customers")]
    [InlineData("contactpersons")]
    [InlineData("addresses")]
    [InlineData("users")]
    [InlineData("projects")]
    [InlineData("phases")]
    [InlineData("workhours")]
    [InlineData("invoices")]
    [InlineData("invoicestatuses")]
    [InlineData("invoicerows")]
    public async Task Unknown_guids_are_404_and_malformed_ones_400(string list)
    {
        await using var client = await SeveraTestClient.StartAsync();

        using (var unknown = await client.SendAsync(HttpMethod.Get, $"{list}/{Guid.NewGuid()}"))
        {
            await SeveraTestClient.AssertErrorAsync(unknown, 404, "InvalidParameter", "guid");
        }

        using var malformed = await client.SendAsync(HttpMethod.Get, $"{list}/not-a-guid");
        await SeveraTestClient.AssertErrorAsync(malformed, 400, "InvalidParameter", "guid");
    }

    [Fact]
    public async Task A_guid_of_another_kind_is_not_found()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;

        using var response = await client.SendAsync(HttpMethod.Get, $"users/{server.Severa.Data.Customer(0).Guid}");

        await SeveraTestClient.AssertErrorAsync(response, 404, "InvalidParameter", "guid");
    }
}
