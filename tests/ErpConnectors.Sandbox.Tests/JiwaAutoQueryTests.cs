using System.Globalization;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaAutoQueryTests
{
    [Fact]
    public async Task The_answer_is_Offset_Total_Results_ResponseStatus_and_rows_are_flat()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var answer = await client.GetOkAsync("Queries/DebtorList?Take=3&format=json");

        Assert.Equal(["Offset", "Total", "Results", "ResponseStatus"], answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal((0, 0), (answer.GetProperty("Offset").GetInt32(), answer.GetProperty("Total").GetInt32()));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("ResponseStatus").ValueKind);
        var rows = answer.GetProperty("Results").EnumerateArray().ToList();
        Assert.Equal(["C00001", "C00002", "C00003"], rows.Select(r => r.GetProperty("AccountNo").GetString()));
        Assert.DoesNotContain(rows[0].EnumerateObject(), p => p.Name == "ContactNames");
        var debtor = await client.GetOkAsync("Debtors/" + rows[0].GetProperty("DebtorID").GetString());
        Assert.Equal(debtor.EnumerateObject().Where(p => p.Name != "ContactNames").Select(p => (p.Name, p.Value.GetRawText())), rows[0].EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())));
    }

    [Fact]
    public async Task Take_is_capped_silently_and_no_Take_gives_the_cap()
    {
        await using var client = await JiwaTestClient.StartAsync();

        Assert.Equal(100, (await client.RowsAsync("Queries/DebtorList?Take=500")).Count);
        Assert.Equal(100, (await client.RowsAsync("Queries/DebtorList")).Count);
        Assert.Equal(7, (await client.RowsAsync("Queries/DebtorList?Take=7")).Count);
        Assert.Empty(await client.RowsAsync("Queries/DebtorList?Take=0"));

        client.Server.Jiwa.TakeCap = 25;
        Assert.Equal(25, (await client.RowsAsync("Queries/DebtorList?Take=500")).Count);
        Assert.Equal(25, (await client.RowsAsync("Queries/InventoryItemList")).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => client.Server.Jiwa.TakeCap = 0);
    }

    [Fact]
    public async Task Paging_with_Skip_and_Include_Total_visits_every_row_once_in_key_order()
    {
        await using var client = await JiwaTestClient.StartAsync(o =>
        {
            o.Jiwa.DebtorCount = 530;
            o.Jiwa.TakeCap = 100;
        });
        var seen = new List<string>();
        var total = -1;
        while (true)
        {
            // Ask for more than the cap: a short page is not the end, the Total is.
            var page = await client.GetOkAsync($"Queries/DebtorList?Skip={seen.Count}&Take=250&Include=Total&Fields=AccountNo");
            Assert.Equal(seen.Count, page.GetProperty("Offset").GetInt32());
            total = page.GetProperty("Total").GetInt32();
            var rows = page.GetProperty("Results").EnumerateArray().Select(r => r.GetProperty("AccountNo").GetString()!).ToList();
            seen.AddRange(rows);
            if (rows.Count == 0 || seen.Count >= total)
            {
                break;
            }

            Assert.Equal(100, rows.Count);
        }

        Assert.Equal(530, total);
        Assert.Equal(Enumerable.Range(1, 530).Select(i => $"C{i:D5}"), seen);
    }

    [Fact]
    public async Task OrderBy_takes_a_list_with_minus_for_descending_and_OrderByDesc_sorts_descending()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var byTotal = await client.RowsAsync("Queries/SalesOrderList?OrderBy=-InvoiceTotal&Take=50");
        var totals = byTotal.Select(r => r.GetProperty("InvoiceTotal").GetDecimal()).ToList();
        Assert.Equal(totals.OrderByDescending(t => t), totals);

        var byAddress4 = await client.RowsAsync("Queries/DebtorList?OrderBy=Address4,-AccountNo&Take=100&Fields=Address4,AccountNo");
        var keys = byAddress4.Select(r => (r.GetProperty("Address4").GetString()!, r.GetProperty("AccountNo").GetString()!)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Item1, StringComparer.OrdinalIgnoreCase).ThenByDescending(k => k.Item2, StringComparer.Ordinal), keys);
        Assert.Equal("ACT", keys[0].Item1);

        var desc = await client.RowsAsync("Queries/InventoryItemList?OrderByDesc=PartNo&Take=2");
        Assert.Equal(["P1299", "P1298"], desc.Select(r => r.GetProperty("PartNo").GetString()));
    }

    [Fact]
    public async Task Implicit_filters_parse_by_field_type_and_compare_text_case_insensitively()
    {
        await using var client = await JiwaTestClient.StartAsync();
        const string Debtors = "Queries/DebtorList?Take=100&";

        async Task AllMatch(string filter, Func<JsonElement, bool> predicate)
        {
            var rows = await client.RowsAsync(Debtors + filter);
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.True(predicate(r), $"{filter}: {r}"));
        }

        await AllMatch("accountonhold=TRUE", r => r.GetProperty("AccountOnHold").GetBoolean());
        await AllMatch("NameStartsWith=golden", r => r.GetProperty("Name").GetString()!.StartsWith("Golden ", StringComparison.Ordinal));
        await AllMatch("NameEndsWith=ltd", r => r.GetProperty("Name").GetString()!.EndsWith("Ltd", StringComparison.Ordinal));
        await AllMatch("NameContains=HARDWARE", r => r.GetProperty("Name").GetString()!.Contains("Hardware", StringComparison.Ordinal));
        await AllMatch("Address4NotEqualTo=nsw", r => r.GetProperty("Address4").GetString() != "NSW");
        await AllMatch("CreditLimitGreaterThanOrEqualTo=20000", r => r.GetProperty("CreditLimit").GetDecimal() >= 20000m);
        await AllMatch("CreditLimitLessThan=2500.5", r => r.GetProperty("CreditLimit").GetDecimal() < 2500.5m);
        await AllMatch("CreditLimit=5000", r => r.GetProperty("CreditLimit").GetDecimal() == 5000m);
        Assert.Equal(["C00002", "C00005"], (await client.RowsAsync(Debtors + "AccountNoIn=c00005,C00002,NOPE")).Select(r => r.GetProperty("AccountNo").GetString()));
        Assert.Equal(100, (await client.RowsAsync(Debtors + "Address4NotEqualTo=nsw")).Count);

        var window = await client.RowsAsync("Queries/SalesOrderList?Take=100&InvoiceInitDateGreaterThan=2024-06-01&InvoiceInitDateLessThanOrEqualTo=2024-06-30T00:00:00");
        Assert.NotEmpty(window);
        Assert.All(window, r =>
        {
            var date = DateTime.Parse(r.GetProperty("InvoiceInitDate").GetString()!, CultureInfo.InvariantCulture);
            Assert.InRange(date, new DateTime(2024, 6, 1, 0, 0, 1), new DateTime(2024, 6, 30));
        });
    }

    [Fact]
    public async Task Filters_combine_and_Include_Total_counts_every_match()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var all = await client.GetOkAsync("Queries/DebtorList?Address4=VIC&Include=Total&Take=1");
        var both = await client.GetOkAsync("Queries/DebtorList?Address4=VIC&AccountOnHold=false&Include=Total&Take=1");
        var onHold = await client.GetOkAsync("Queries/DebtorList?Address4=VIC&AccountOnHold=true&Include=Total&Take=1");

        Assert.True(all.GetProperty("Total").GetInt32() > 100);
        Assert.Equal(all.GetProperty("Total").GetInt32(), both.GetProperty("Total").GetInt32() + onHold.GetProperty("Total").GetInt32());
        Assert.Single(all.GetProperty("Results").EnumerateArray());
    }

    [Fact]
    public async Task Between_takes_low_and_high_inclusive_as_the_query_DTOs_declare_it()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var rows = await client.RowsAsync("Queries/DebtorList?Take=100&CreditLimitBetween=5000,20000");

        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.InRange(r.GetProperty("CreditLimit").GetDecimal(), 5000m, 20000m));
        Assert.Contains(rows, r => r.GetProperty("CreditLimit").GetDecimal() == 5000m);
        await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?CreditLimitBetween=5000");
    }

    [Fact]
    public async Task The_inventory_list_is_InventoryItemList_with_the_view_columns_and_InventoryList_is_404()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var row = (await client.RowsAsync("Queries/InventoryItemList?Take=1")).Single();

        Assert.Equal(["InventoryID", "PartNo", "Description", "AvailableStock", "SellPrice", "RRPPrice", "LastSavedDateTime", "InStock"], row.EnumerateObject().Select(p => p.Name));
        var item = await client.GetOkAsync("Inventory/" + row.GetProperty("InventoryID").GetString());
        Assert.Equal(item.GetProperty("DefaultPrice").GetDecimal(), row.GetProperty("SellPrice").GetDecimal());
        await client.ExpectErrorAsync(404, "NotFound", HttpMethod.Get, "Queries/InventoryList");
    }

    [Fact]
    public async Task A_null_value_matches_no_filter()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var withUnit = await client.GetOkAsync("Queries/DebtorList?Address2StartsWith=Unit&Include=Total&Take=1");
        var notOther = await client.GetOkAsync("Queries/DebtorList?Address2NotEqualTo=nothing&Include=Total&Take=1");

        Assert.True(withUnit.GetProperty("Total").GetInt32() > 0);
        Assert.Equal(withUnit.GetProperty("Total").GetInt32(), notOther.GetProperty("Total").GetInt32());
    }

    [Fact]
    public async Task Fields_chooses_the_columns_in_wire_order()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var rows = await client.RowsAsync("Queries/InventoryItemList?Fields=description, partno&Take=2");

        Assert.All(rows, r => Assert.Equal(["PartNo", "Description"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Unknown_parameters_fields_and_bad_values_are_400()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var unknown = await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?NameBeginsWith=A");
        Assert.Equal(["NameBeginsWith"], JiwaTestClient.FieldNames(unknown));
        Assert.Contains("AccountNo", unknown.GetProperty("Message").GetString(), StringComparison.Ordinal);

        await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?Colour=red");
        await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?OrderBy=Colour");
        await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?Fields=Name,ContactNames");
        await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?Include=Everything");
        await client.ExpectErrorAsync(400, "ArgumentException", HttpMethod.Get, "Queries/DebtorList?CreditLimitStartsWith=1");

        var value = await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Get, "Queries/DebtorList?CreditLimitGreaterThan=lots");
        Assert.Equal(["CreditLimitGreaterThan"], JiwaTestClient.FieldNames(value));
        await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Get, "Queries/DebtorList?AccountOnHold=yes");
        await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Get, "Queries/SalesOrderList?InvoiceInitDateGreaterThan=last-week");
        await client.ExpectErrorAsync(400, "SerializationException", HttpMethod.Get, "Queries/DebtorList?Take=-1");
        await client.ExpectErrorAsync(406, "NotAcceptable", HttpMethod.Get, "Queries/DebtorList?format=xml");
    }

    [Fact]
    public async Task Transactions_list_with_their_fields_and_balances_add_up()
    {
        await using var client = await JiwaTestClient.StartAsync();

        var first = (await client.RowsAsync("Queries/DebtorTransactionList?Take=1")).Single();
        Assert.Equal(
            ["TransID", "DebtorID", "AccountNo", "TranDate", "InvRemitNo", "Remark", "Description", "DebitCredit", "Amount", "AllocatedAmount", "OutstandingAmount"],
            first.EnumerateObject().Select(p => p.Name));

        var debtorId = first.GetProperty("DebtorID").GetString();
        var transactions = await client.RowsAsync($"Queries/DebtorTransactionList?DebtorID={debtorId}&Take=100");
        var balance = transactions.Sum(t => (t.GetProperty("DebitCredit").GetBoolean() ? 1 : -1) * t.GetProperty("Amount").GetDecimal());
        Assert.Equal(balance, (await client.GetOkAsync("Debtors/" + debtorId)).GetProperty("CurrentBalance").GetDecimal());
        Assert.All(transactions, t => Assert.Contains(t.GetProperty("Description").GetString(), new[] { "Invoice", "Payment", "CreditNote" }));

        var types = await client.RowsAsync("Queries/DebtorTransactionList?DescriptionIn=Payment,CreditNote&Take=100");
        Assert.DoesNotContain(types, t => t.GetProperty("Description").GetString() == "Invoice");
        var dates = (await client.RowsAsync("Queries/DebtorTransactionList?Take=100")).Select(t => t.GetProperty("TranDate").GetString()).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }
}
