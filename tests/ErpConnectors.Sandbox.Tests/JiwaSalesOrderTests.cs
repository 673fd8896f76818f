using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaSalesOrderTests
{
    public static readonly string[] OrderFields =
    [
        "InvoiceID", "InvoiceNo", "DebtorID", "DebtorAccountNo", "DebtorName", "OrderNo", "InitiatedDate", "InvoiceInitDate", "ExpectedDeliveryDate",
        "Status", "Lines", "Histories", "Notes", "LastSavedDateTime",
    ];

    [Fact]
    public async Task A_sales_order_has_the_DTO_fields_and_its_history_total_is_the_sum_of_its_lines()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var order = await client.FirstOrderAsync();

        Assert.Equal(OrderFields, order.EnumerateObject().Select(p => p.Name));
        Assert.Equal("SO000001", order.GetProperty("InvoiceNo").GetString());
        Assert.Matches("^[0-9a-f]{20}$", order.GetProperty("InvoiceID").GetString());
        var lines = order.GetProperty("Lines").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.Equal(["InvoiceLineID", "InventoryID", "PartNo", "Description", "CommentLine", "CommentText", "QuantityOrdered", "DiscountedPrice", "LineTotal"], lines[0].EnumerateObject().Select(p => p.Name));
        var history = order.GetProperty("Histories").EnumerateArray().Single();
        Assert.Matches("^[0-9a-f]{20}$", history.GetProperty("InvoiceHistoryID").GetString());
        Assert.Equal(lines.Sum(l => l.GetProperty("QuantityOrdered").GetDecimal() * l.GetProperty("DiscountedPrice").GetDecimal()), history.GetProperty("HistoryTotal").GetDecimal());
        var debtor = await client.GetOkAsync("Debtors/" + order.GetProperty("DebtorID").GetString());
        Assert.Equal(debtor.GetProperty("AccountNo").GetString(), order.GetProperty("DebtorAccountNo").GetString());
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, "SalesOrders/nosuchorder", message: "Sales order with InvoiceID 'nosuchorder' not found");
    }

    [Fact]
    public async Task POST_creates_an_order_with_201_resolving_debtor_and_items_and_defaulting_price_and_note_type()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 2, 14, 5, 9, TimeSpan.Zero));
        await using var client = await JiwaTestClient.StartAsync(o => o.TimeProvider = clock);
        var debtor = await client.DebtorAsync();
        var first = await client.InventoryAsync(0);
        var second = await client.InventoryAsync(1);
        var before = client.Server.Jiwa.SalesOrderCount;

        var order = await client.PostCreatedAsync("SalesOrders", $$"""
            {"debtorAccountNo":"{{debtor.GetProperty("AccountNo").GetString()}}","OrderNo":"PO-1","ExpectedDeliveryDate":"2025-06-20",
             "Lines":[{"PartNo":"{{first.GetProperty("PartNo").GetString()}}","QuantityOrdered":2},
                      {"InventoryID":"{{second.GetProperty("InventoryID").GetString()}}","PartNo":"IGNORED","QuantityOrdered":1.5,"DiscountedPrice":10}],
             "Notes":[{"NoteText":"Leave at the gate"},{"NoteText":"Fragile","NoteType":"Delivery"}]}
            """);

        Assert.Equal(OrderFields, order.EnumerateObject().Select(p => p.Name));
        Assert.Equal(debtor.GetProperty("DebtorID").GetString(), order.GetProperty("DebtorID").GetString());
        Assert.Equal(debtor.GetProperty("Name").GetString(), order.GetProperty("DebtorName").GetString());
        Assert.Equal(("PO-1", "e_SalesOrderEntered"), (order.GetProperty("OrderNo").GetString(), order.GetProperty("Status").GetString()));
        Assert.Equal("2025-06-02T00:00:00", order.GetProperty("InitiatedDate").GetString());
        Assert.Equal("2025-06-20T00:00:00", order.GetProperty("ExpectedDeliveryDate").GetString());
        Assert.Equal("2025-06-02T14:05:09", order.GetProperty("LastSavedDateTime").GetString());
        var lines = order.GetProperty("Lines");
        Assert.Equal(first.GetProperty("InventoryID").GetString(), lines[0].GetProperty("InventoryID").GetString());
        Assert.Equal(first.GetProperty("DefaultPrice").GetDecimal(), lines[0].GetProperty("DiscountedPrice").GetDecimal());
        Assert.Equal(first.GetProperty("Description").GetString(), lines[0].GetProperty("Description").GetString());
        Assert.Equal(second.GetProperty("PartNo").GetString(), lines[1].GetProperty("PartNo").GetString());
        Assert.Equal((1.5m, 10m), (lines[1].GetProperty("QuantityOrdered").GetDecimal(), lines[1].GetProperty("DiscountedPrice").GetDecimal()));
        Assert.Equal((2 * first.GetProperty("DefaultPrice").GetDecimal()) + 15m, order.GetProperty("Histories")[0].GetProperty("HistoryTotal").GetDecimal());
        var notes = order.GetProperty("Notes");
        Assert.Equal(("Default", "Delivery"), (notes[0].GetProperty("NoteType").GetString(), notes[1].GetProperty("NoteType").GetString()));
        Assert.True(Guid.TryParse(notes[0].GetProperty("NoteID").GetString(), out _));
        Assert.Equal(["NoteID", "NoteText", "NoteType", "LastSavedDateTime"], notes[0].EnumerateObject().Select(p => p.Name));

        Assert.Equal(before + 1, client.Server.Jiwa.SalesOrderCount);
        Assert.Equal($"SO{before + 1:D6}", order.GetProperty("InvoiceNo").GetString());
        var id = order.GetProperty("InvoiceID").GetString();
        Assert.Equal(order.GetRawText(), (await client.GetOkAsync("SalesOrders/" + id)).GetRawText());
        Assert.Single(await client.RowsAsync("Queries/SalesOrderList?InvoiceID=" + id));
    }

    [Fact]
    public async Task DebtorID_wins_over_DebtorAccountNo()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var debtor = await client.DebtorAsync();
        var part = (await client.InventoryAsync()).GetProperty("PartNo").GetString();

        var order = await client.PostCreatedAsync("SalesOrders", $$"""
            {"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","DebtorAccountNo":"NOSUCHACCOUNT","Lines":[{"PartNo":"{{part}}","QuantityOrdered":1}]}
            """);

        Assert.Equal(debtor.GetProperty("AccountNo").GetString(), order.GetProperty("DebtorAccountNo").GetString());
    }

    [Fact]
    public async Task POST_validation_lists_every_problem_in_a_400()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var before = client.Server.Jiwa.SalesOrderCount;

        var none = await client.ExpectErrorAsync(400, "NotEmpty", HttpMethod.Post, "SalesOrders", "{}", message: "'Debtor ID' must not be empty.");
        Assert.Equal(["DebtorID", "Lines"], JiwaTestClient.FieldNames(none));

        var lines = await client.ExpectErrorAsync(400, "NotEmpty", HttpMethod.Post, "SalesOrders", """
            {"DebtorAccountNo":"C00001","Lines":[{"QuantityOrdered":1},{"PartNo":"P1000","QuantityOrdered":0},{"PartNo":"P1000"}],"Notes":[{"NoteType":"Delivery"}]}
            """);
        Assert.Equal(["Lines[0].PartNo", "Lines[1].QuantityOrdered", "Lines[2].QuantityOrdered", "Notes[0].NoteText"], JiwaTestClient.FieldNames(lines));
        Assert.Equal("'Quantity Ordered' must be greater than '0'.", lines.GetProperty("Errors")[1].GetProperty("Message").GetString());
        Assert.Equal("GreaterThan", lines.GetProperty("Errors")[1].GetProperty("ErrorCode").GetString());

        var types = await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Post, "SalesOrders", """
            {"DebtorAccountNo":"C00001","ExpectedDeliveryDate":"soon","Lines":[{"PartNo":"P1000","QuantityOrdered":"two"}]}
            """);
        Assert.Equal(["ExpectedDeliveryDate", "Lines[0].QuantityOrdered"], JiwaTestClient.FieldNames(types));
        Assert.Equal(before, client.Server.Jiwa.SalesOrderCount);
    }

    [Fact]
    public async Task An_unknown_debtor_or_item_is_404_naming_it()
    {
        await using var client = await JiwaTestClient.StartAsync();

        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Post, "SalesOrders",
            """{"DebtorAccountNo":"NOPE","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}""", message: "Debtor with AccountNo 'NOPE' not found");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Post, "SalesOrders",
            """{"DebtorID":"NOPE","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}""", message: "Debtor with DebtorID 'NOPE' not found");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Post, "SalesOrders",
            """{"DebtorAccountNo":"C00001","Lines":[{"PartNo":"P1000","QuantityOrdered":1},{"PartNo":"ZZZ","QuantityOrdered":1}]}""", message: "Inventory item with PartNo 'ZZZ' not found");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Post, "SalesOrders",
            """{"DebtorAccountNo":"C00001","Lines":[{"InventoryID":"ZZZ","PartNo":"P1000","QuantityOrdered":1}]}""", message: "Inventory item with InventoryID 'ZZZ' not found");
    }

    [Fact]
    public async Task A_debtor_on_hold_cannot_order_409()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var onHold = await client.DebtorAsync(onHold: true);
        var accountNo = onHold.GetProperty("AccountNo").GetString();
        var before = client.Server.Jiwa.SalesOrderCount;

        var status = await client.ExpectErrorAsync(409, "DebtorOnHoldException", HttpMethod.Post, "SalesOrders",
            $$"""{"DebtorAccountNo":"{{accountNo}}","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}""");

        Assert.StartsWith($"Debtor {accountNo} is on hold", status.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Empty(status.GetProperty("Errors").EnumerateArray());
        Assert.Equal(before, client.Server.Jiwa.SalesOrderCount);
    }

    [Fact]
    public async Task PATCH_sets_scalars_updates_a_line_by_its_id_appends_lines_and_notes()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var order = await client.FirstOrderAsync();
        var id = order.GetProperty("InvoiceID").GetString();
        var line = order.GetProperty("Lines")[0];
        var lineId = line.GetProperty("InvoiceLineID").GetString();
        var lineCount = order.GetProperty("Lines").GetArrayLength();
        var noteCount = order.GetProperty("Notes").GetArrayLength();

        var patched = await client.PatchOkAsync("SalesOrders/" + id, $$"""
            {"ExpectedDeliveryDate":"2025-09-20","OrderNo":"PO-77","Status":"e_salesorderclosed",
             "Lines":[{"PartNo":"P1001","QuantityOrdered":5},{"InvoiceLineID":"{{lineId!.ToUpperInvariant()}}","QuantityOrdered":10,"CustomFieldValues":[{"SettingID":"x","Contents":"y"}]}],
             "Notes":[{"NoteText":"Customer telephoned"}]}
            """);

        Assert.Equal("2025-09-20T00:00:00", patched.GetProperty("ExpectedDeliveryDate").GetString());
        Assert.Equal(("PO-77", "e_SalesOrderClosed"), (patched.GetProperty("OrderNo").GetString(), patched.GetProperty("Status").GetString()));
        var lines = patched.GetProperty("Lines").EnumerateArray().ToList();
        Assert.Equal(lineCount + 1, lines.Count);
        Assert.Equal(10m, lines[0].GetProperty("QuantityOrdered").GetDecimal());
        Assert.Equal(line.GetProperty("DiscountedPrice").GetDecimal(), lines[0].GetProperty("DiscountedPrice").GetDecimal());
        Assert.Equal(("P1001", 5m), (lines[^1].GetProperty("PartNo").GetString(), lines[^1].GetProperty("QuantityOrdered").GetDecimal()));
        Assert.Equal(lines.Sum(l => l.GetProperty("QuantityOrdered").GetDecimal() * l.GetProperty("DiscountedPrice").GetDecimal()), patched.GetProperty("Histories")[0].GetProperty("HistoryTotal").GetDecimal());
        Assert.Equal(noteCount + 1, patched.GetProperty("Notes").GetArrayLength());
        Assert.Equal(order.GetProperty("InvoiceNo").GetString(), patched.GetProperty("InvoiceNo").GetString());
        Assert.NotEqual(order.GetProperty("LastSavedDateTime").GetString(), patched.GetProperty("LastSavedDateTime").GetString());
    }

    [Fact]
    public async Task PATCH_errors_unknown_order_or_line_404_bad_values_400_and_nothing_changes()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var order = await client.FirstOrderAsync();
        var path = "SalesOrders/" + order.GetProperty("InvoiceID").GetString();

        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Patch, "SalesOrders/nosuchorder", """{"OrderNo":"x"}""");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Patch, path,
            """{"OrderNo":"x","Lines":[{"InvoiceLineID":"nosuchline","QuantityOrdered":1}]}""", message: "Sales order line with InvoiceLineID 'nosuchline' not found");
        var status = await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Patch, path, """{"Status":"Shipped"}""");
        Assert.Contains("e_SalesOrderEntered, e_SalesOrderProcessed, e_SalesOrderClosed", status.GetProperty("Errors")[0].GetProperty("Message").GetString(), StringComparison.Ordinal);
        await client.ExpectErrorAsync(400, "GreaterThan", HttpMethod.Patch, path, """{"Lines":[{"InvoiceLineID":"x","QuantityOrdered":-1}]}""");

        Assert.Equal(order.GetRawText(), (await client.GetOkAsync(path)).GetRawText());
    }

    [Fact]
    public async Task Notes_route_answers_204_when_there_are_none_and_POST_adds_one_with_201()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 2, 9, 0, 0, TimeSpan.Zero));
        await using var client = await JiwaTestClient.StartAsync(o => o.TimeProvider = clock);
        var debtor = await client.DebtorAsync();
        var order = await client.PostCreatedAsync("SalesOrders",
            $$"""{"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}""");
        var notes = $"SalesOrders/{order.GetProperty("InvoiceID").GetString()}/Notes";

        using (var empty = await client.SendAsync(HttpMethod.Get, notes))
        {
            Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(3));
        var note = await client.PostCreatedAsync(notes, """{"NoteText":"Call first"}""");
        Assert.Equal(("Call first", "Default", "2025-06-02T09:03:00"),
            (note.GetProperty("NoteText").GetString(), note.GetProperty("NoteType").GetString(), note.GetProperty("LastSavedDateTime").GetString()));

        var list = await client.GetOkAsync(notes);
        Assert.Equal(note.GetRawText(), list.EnumerateArray().Single().GetRawText());
        await client.ExpectErrorAsync(400, "NotEmpty", HttpMethod.Post, notes, """{"NoteType":"Delivery"}""");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, "SalesOrders/nosuchorder/Notes");
    }

    [Fact]
    public async Task Concurrent_creates_and_patches_all_land_with_distinct_numbers()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var before = client.Server.Jiwa.SalesOrderCount;
        var order = await client.FirstOrderAsync();
        var path = "SalesOrders/" + order.GetProperty("InvoiceID").GetString();
        var lineCount = order.GetProperty("Lines").GetArrayLength();

        var creates = Enumerable.Range(0, 20).Select(_ => client.PostCreatedAsync("SalesOrders",
            """{"DebtorAccountNo":"C00001","Lines":[{"PartNo":"P1000","QuantityOrdered":1}]}"""));
        var patches = Enumerable.Range(0, 20).Select(_ => client.PatchOkAsync(path, """{"Lines":[{"PartNo":"P1001","QuantityOrdered":1}]}"""));
        var created = await Task.WhenAll(creates);
        await Task.WhenAll(patches);

        Assert.Equal(before + 20, client.Server.Jiwa.SalesOrderCount);
        Assert.Equal(20, created.Select(o => o.GetProperty("InvoiceNo").GetString()).Distinct().Count());
        Assert.Equal(lineCount + 20, (await client.GetOkAsync(path)).GetProperty("Lines").GetArrayLength());
    }
}
