namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaSalesQuoteTests
{
    [Fact]
    public async Task Quotes_follow_the_order_pattern_with_the_quote_DTO_names()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var debtor = await client.DebtorAsync();
        var before = client.Server.Jiwa.SalesQuoteCount;

        var quote = await client.PostCreatedAsync("SalesQuotes", $$"""
            {"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","ExpectedDeliveryDate":"2025-07-31",
             "Lines":[{"PartNo":"P1002","QuantityOrdered":4,"DiscountedPrice":2.5}],"Notes":[{"NoteText":"Valid 30 days"}]}
            """);

        Assert.Equal(
            ["QuoteID", "QuoteNo", "DebtorID", "DebtorAccountNo", "DebtorName", "OrderNo", "InitiatedDate", "InvoiceInitDate", "ExpectedDeliveryDate",
             "Status", "Lines", "Histories", "Notes", "LastSavedDateTime"],
            quote.EnumerateObject().Select(p => p.Name));
        Assert.Equal($"SQ{before + 1:D6}", quote.GetProperty("QuoteNo").GetString());
        Assert.Equal(10m, quote.GetProperty("Histories")[0].GetProperty("HistoryTotal").GetDecimal());
        Assert.Equal("e_SalesQuoteEntered", quote.GetProperty("Status").GetString());
        var line = quote.GetProperty("Lines")[0];
        Assert.Equal(["QuoteLineID", "InventoryID", "PartNo", "Description", "CommentLine", "CommentText", "QuantityOrdered", "DiscountedPrice", "LineTotal"], line.EnumerateObject().Select(p => p.Name));

        var path = "SalesQuotes/" + quote.GetProperty("QuoteID").GetString();
        var patched = await client.PatchOkAsync(path, $$"""{"Lines":[{"QuoteLineID":"{{line.GetProperty("QuoteLineID").GetString()}}","QuantityOrdered":6}]}""");
        Assert.Equal(15m, patched.GetProperty("Histories")[0].GetProperty("HistoryTotal").GetDecimal());
        Assert.Equal(patched.GetRawText(), (await client.GetOkAsync(path)).GetRawText());
        Assert.Single((await client.GetOkAsync(path + "/Notes")).EnumerateArray());

        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, "SalesQuotes/nosuchquote", message: "Sales quote with QuoteID 'nosuchquote' not found");
        var missing = await client.ExpectErrorAsync(400, "GreaterThan", HttpMethod.Post, "SalesQuotes", """{"DebtorAccountNo":"C00001","Lines":[{"PartNo":"P1002"}]}""");
        Assert.Equal(["Lines[0].QuantityOrdered"], JiwaTestClient.FieldNames(missing));
        Assert.Equal(before + 1, client.Server.Jiwa.SalesQuoteCount);
    }

    [Fact]
    public async Task Seeded_quotes_are_listed_under_the_legacy_InvoiceID_and_InvoiceNo_and_readable()
    {
        await using var client = await JiwaTestClient.StartAsync();

        // v_Jiwa_SalesQuote_List: "InvoiceNo is actually the QuoteNo. For reasons of legacy." (JiwaAPITests)
        var row = (await client.RowsAsync("Queries/SalesQuoteList?Take=1&OrderBy=InvoiceNo")).Single();
        var quote = await client.GetOkAsync("SalesQuotes/" + row.GetProperty("InvoiceID").GetString());

        Assert.False(row.TryGetProperty("QuoteID", out _));
        Assert.Equal("SQ000001", row.GetProperty("InvoiceNo").GetString());
        Assert.Equal(quote.GetProperty("QuoteNo").GetString(), row.GetProperty("InvoiceNo").GetString());
        Assert.Equal(row.GetProperty("InvoiceTotal").GetDecimal(), quote.GetProperty("Histories")[0].GetProperty("HistoryTotal").GetDecimal());
        Assert.DoesNotContain(row.EnumerateObject(), p => p.Name is "Lines" or "Notes");
    }
}
