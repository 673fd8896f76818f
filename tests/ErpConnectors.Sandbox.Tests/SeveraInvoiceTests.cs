using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraInvoiceTests
{
    [Fact]
    public async Task Patch_sets_status_number_and_reference_number()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var approved = server.Severa.Invoices.First(i => i.Status.Name == "Approved");
        var sent = server.Severa.Data.InvoiceStatuses.Single(s => s.Name == "Sent");

        var patch = $$"""
            [
              { "op": "replace", "path": "/status", "value": { "guid": "{{sent.Guid}}" } },
              { "op": "replace", "path": "/number", "value": 45 },
              { "op": "replace", "path": "/referenceNumber", "value": "1234561" }
            ]
            """;
        using var response = await client.SendAsync(HttpMethod.Patch, $"invoices/{approved.Guid}", patch);
        var body = await SeveraTestClient.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Array, body.ValueKind);
        Assert.Equal(45, body[0].GetProperty("number").GetInt32());
        var stored = server.Severa.GetInvoice(approved.Guid)!;
        Assert.Equal(("Sent", 45, "1234561"), (stored.Status.Name, stored.Number!.Value, stored.ReferenceNumber));
        var sentNow = (await client.WalkTokenPagesAsync($"invoices?invoiceStatusGuids={sent.Guid}&numbers=45")).SelectMany(p => p).ToList();
        Assert.Equal(approved.Guid, sentNow.Single().GetProperty("guid").GetGuid());
    }

    [Theory]
    [InlineData("""[{ "op": "replace", "path": "/status", "value": { "guid": "6f9619ff-8b86-d011-b42d-00cf4fc964ff" } }]""", "status.guid")]
    [InlineData("""[{ "op": "replace", "path": "/status", "value": "Sent" }]""", "status.guid")]
    [InlineData("""[{ "op": "replace", "path": "/number", "value": "45" }]""", "number")]
    [InlineData("""[{ "op": "replace", "path": "/number", "value": 0 }]""", "number")]
    [InlineData("""[{ "op": "replace", "path": "/dueDate", "value": "2024-01-01" }]""", "[0].path")]
    [InlineData("""[{ "op": "copy", "from": "/number", "path": "/referenceNumber" }]""", "[0].op")]
    public async Task Patch_refuses_unknown_statuses_bad_values_and_other_paths(string patch, string location)
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var invoice = server.Severa.Invoices[0];

        using var response = await client.SendAsync(HttpMethod.Patch, $"invoices/{invoice.Guid}", patch);

        await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", location);
        Assert.Equal(invoice, server.Severa.GetInvoice(invoice.Guid));
    }

    [Fact]
    public async Task An_invoice_number_in_use_is_refused()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var numbered = server.Severa.Invoices.First(i => i.Number is not null);
        var other = server.Severa.Invoices.First(i => i.Guid != numbered.Guid);

        using var response = await client.SendAsync(HttpMethod.Patch, $"invoices/{other.Guid}", $$"""[{"op":"replace","path":"/number","value":{{numbered.Number}}}]""");

        await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "number");
    }
}
