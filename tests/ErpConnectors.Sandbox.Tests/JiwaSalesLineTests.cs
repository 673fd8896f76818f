using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// The line routes as the vendor's SalesOrderLine*/SalesQuoteLine* DTOs and JiwaFinancials/JiwaAPITests use them,
/// and the line fields the DTOs have: what the real server would ignore, the sandbox ignores too.
/// </summary>
public sealed class JiwaSalesLineTests
{
    [Theory]
    [InlineData("SalesOrders", "InvoiceID", "InvoiceHistoryID", "InvoiceLineID")]
    [InlineData("SalesQuotes", "QuoteID", "QuoteHistoryID", "QuoteLineID")]
    public async Task Lines_are_appended_read_changed_and_deleted_through_the_history(string route, string idName, string historyName, string lineName)
    {
        await using var client = await JiwaTestClient.StartAsync();
        var debtor = await client.DebtorAsync();
        var document = await client.PostCreatedAsync(route, $$"""
            {"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}
            """);
        var path = $"{route}/{document.GetProperty(idName).GetString()}";
        var lines = $"{path}/Historys/{document.GetProperty("Histories")[0].GetProperty(historyName).GetString()}/Lines";

        var added = await client.PostCreatedAsync(lines, """{"PartNo":"P1001","QuantityOrdered":3}""");
        var line = $"{lines}/{added.GetProperty(lineName).GetString()}";
        Assert.Equal(3m, (await client.GetOkAsync(line)).GetProperty("QuantityOrdered").GetDecimal());
        var comment = await client.PostCreatedAsync(lines, """{"CommentLine":true,"CommentText":"Deliver before noon"}""");
        Assert.True(comment.GetProperty("CommentLine").GetBoolean());

        var changed = await client.PatchOkAsync(line, """{"QuantityOrdered":8,"DiscountedPrice":9.99}""");
        Assert.Equal((8m, 9.99m), (changed.GetProperty("QuantityOrdered").GetDecimal(), changed.GetProperty("DiscountedPrice").GetDecimal()));
        Assert.Equal(3, (await client.GetOkAsync(lines)).GetArrayLength());

        using (var deleted = await client.SendAsync(HttpMethod.Delete, line))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, line);
        Assert.Equal(2, (await client.GetOkAsync(path)).GetProperty("Lines").GetArrayLength());
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Post, $"{path}/Historys/nosuchhistory/Lines", """{"PartNo":"P1001","QuantityOrdered":1}""");
    }

    [Theory]
    [InlineData("SalesOrders")]
    [InlineData("SalesQuotes")]
    public async Task A_property_the_line_DTO_lacks_is_ignored_as_the_server_ignores_it(string route)
    {
        await using var client = await JiwaTestClient.StartAsync();
        var debtor = await client.DebtorAsync();
        var item = await client.InventoryAsync();

        // "Price" and "Quantity" are not SalesOrderLine/SalesQuoteLine properties: the line is priced by Jiwa.
        var ignored = await client.ExpectErrorAsync(400, "GreaterThan", HttpMethod.Post, route, $$"""
            {"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","Lines":[{"PartNo":"{{item.GetProperty("PartNo").GetString()}}","Quantity":2}]}
            """);
        Assert.Contains("QuantityOrdered", ignored.GetProperty("Errors")[0].GetProperty("FieldName").GetString(), StringComparison.Ordinal);
        var document = await client.PostCreatedAsync(route, $$"""
            {"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","Lines":[{"PartNo":"{{item.GetProperty("PartNo").GetString()}}","QuantityOrdered":2,"Price":1.23}]}
            """);
        Assert.Equal(item.GetProperty("DefaultPrice").GetDecimal(), document.GetProperty("Lines")[0].GetProperty("DiscountedPrice").GetDecimal());
    }

    [Fact]
    public async Task A_quote_expires_on_its_history_and_its_header_has_the_delivery_date()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var debtor = await client.DebtorAsync();

        var quote = await client.PostCreatedAsync("SalesQuotes", $$"""
            {"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","ExpectedDeliveryDate":"2025-07-01","ExpiryDate":"2025-08-01","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}
            """);

        Assert.Equal("2025-07-01T00:00:00", quote.GetProperty("ExpectedDeliveryDate").GetString());
        Assert.False(quote.TryGetProperty("ExpiryDate", out _));
        Assert.True(quote.GetProperty("Histories")[0].TryGetProperty("ExpiryDate", out _));
    }
}
