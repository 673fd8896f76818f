using System.Net;

namespace ErpConnectors.Sandbox.Tests;

public sealed class JiwaStatefulTests
{
    private const string Debtor = "Debtors/0000000061000000001V";

    [Fact]
    public async Task Load_edit_save_others_see_the_saved_record_only_after_Save()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.Zero));
        await using var client = await JiwaTestClient.StartAsync(o => o.TimeProvider = clock);
        await using var other = new JiwaTestClient(client.Server);
        await other.LoginAsync();
        var jiwa = client.Server.Jiwa;
        var saved = await client.GetOkAsync(Debtor);

        var loaded = await client.GetOkAsync(Debtor, stateful: true);
        Assert.Equal(saved.GetRawText(), loaded.GetRawText());
        Assert.Equal(1, jiwa.StatefulObjectCount);

        var edited = await client.PatchOkAsync(Debtor, """{"Name":"My new name","CreditLimit":1000}""", stateful: true);
        edited = await client.PatchOkAsync(Debtor, """{"Address1":"SE2L10 100 Walker Street"}""", stateful: true);
        Assert.Equal(("My new name", "SE2L10 100 Walker Street"), (edited.GetProperty("Name").GetString(), edited.GetProperty("Address1").GetString()));
        Assert.Equal(saved.GetProperty("LastSavedDateTime").GetString(), edited.GetProperty("LastSavedDateTime").GetString());
        Assert.Equal(edited.GetRawText(), (await client.GetOkAsync(Debtor, stateful: true)).GetRawText());

        // The saved record is untouched: for a plain GET, for another session, and in the list.
        Assert.Equal(saved.GetRawText(), (await client.GetOkAsync(Debtor)).GetRawText());
        Assert.Equal(saved.GetRawText(), (await other.GetOkAsync(Debtor)).GetRawText());
        Assert.Equal(saved.GetRawText(), (await other.GetOkAsync(Debtor, stateful: true)).GetRawText());
        Assert.Equal(saved.GetProperty("Name").GetString(), (await client.RowsAsync("Queries/DebtorList?AccountNo=C00067")).Single().GetProperty("Name").GetString());

        clock.Advance(TimeSpan.FromMinutes(1));
        var committed = await client.GetOkAsync(Debtor + "/Save");
        Assert.Equal("My new name", committed.GetProperty("Name").GetString());
        Assert.Equal(1000m, committed.GetProperty("CreditLimit").GetDecimal());
        Assert.Equal("2025-06-02T10:01:00", committed.GetProperty("LastSavedDateTime").GetString());
        Assert.Equal(committed.GetRawText(), (await other.GetOkAsync(Debtor)).GetRawText());
        Assert.Equal(1, jiwa.StatefulObjectCount);

        // Saved and forgotten: a second Save has nothing to commit.
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, Debtor + "/Save");
        await other.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, Debtor + "/Abandon");
        Assert.Equal(0, jiwa.StatefulObjectCount);
    }

    [Fact]
    public async Task A_stateful_PATCH_loads_the_record_first_and_Abandon_discards_it()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var saved = await client.GetOkAsync(Debtor);

        await client.PatchOkAsync(Debtor, """{"Name":"Scratch"}""", stateful: true);
        Assert.Equal("Scratch", (await client.GetOkAsync(Debtor, stateful: true)).GetProperty("Name").GetString());

        using (var abandon = await client.SendAsync(HttpMethod.Delete, Debtor + "/Abandon"))
        {
            Assert.Equal(HttpStatusCode.NoContent, abandon.StatusCode);
        }

        Assert.Equal(0, client.Server.Jiwa.StatefulObjectCount);
        Assert.Equal(saved.GetRawText(), (await client.GetOkAsync(Debtor, stateful: true)).GetRawText());
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Delete, "Debtors/00000000610000000002/Abandon");
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, "Debtors/NOSUCHDEBTOR", stateful: true);
    }

    [Fact]
    public async Task Save_after_someone_else_saved_the_record_is_409_and_keeps_the_copy()
    {
        await using var client = await JiwaTestClient.StartAsync();
        await using var other = new JiwaTestClient(client.Server) { ApiKey = SandboxCredentials.JiwaApiKey };
        var order = await client.FirstOrderAsync();
        var path = "SalesOrders/" + order.GetProperty("InvoiceID").GetString();

        await client.PatchOkAsync(path, """{"OrderNo":"MINE"}""", stateful: true);
        var theirs = await other.PatchOkAsync(path, """{"OrderNo":"THEIRS"}""");

        var status = await client.ExpectErrorAsync(409, "ConcurrencyConflictException", HttpMethod.Get, path + "/Save",
            message: "The record was changed by another user since it was read");
        Assert.Empty(status.GetProperty("Errors").EnumerateArray());
        Assert.Equal(theirs.GetRawText(), (await client.GetOkAsync(path)).GetRawText());
        Assert.Equal("MINE", (await client.GetOkAsync(path, stateful: true)).GetProperty("OrderNo").GetString());
        Assert.Equal(1, client.Server.Jiwa.StatefulObjectCount);

        // Abandon, read again, and the next Save goes through.
        await client.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, path + "/Abandon");
        await client.PatchOkAsync(path, """{"OrderNo":"MINE AGAIN"}""", stateful: true);
        Assert.Equal("MINE AGAIN", (await client.GetOkAsync(path + "/Save")).GetProperty("OrderNo").GetString());
    }

    [Fact]
    public async Task A_stateful_POST_creates_an_order_nobody_else_sees_until_it_is_saved()
    {
        await using var client = await JiwaTestClient.StartAsync();
        await using var other = new JiwaTestClient(client.Server);
        await other.LoginAsync();
        var jiwa = client.Server.Jiwa;
        var count = jiwa.SalesOrderCount;
        var debtor = await client.DebtorAsync();

        var created = await client.PostCreatedAsync("SalesOrders",
            $$"""{"DebtorID":"{{debtor.GetProperty("DebtorID").GetString()}}","Lines":[{"PartNo":"P1000","QuantityOrdered":3}]}""", stateful: true);
        var path = "SalesOrders/" + created.GetProperty("InvoiceID").GetString();

        Assert.Equal(count, jiwa.SalesOrderCount);
        await other.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, path);
        await client.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, path);
        Assert.Empty(await client.RowsAsync("Queries/SalesOrderList?InvoiceID=" + created.GetProperty("InvoiceID").GetString()));

        await client.PostCreatedAsync(path + "/Notes", """{"NoteText":"Built up statefully"}""", stateful: true);
        var lines = await client.PatchOkAsync(path, """{"Lines":[{"PartNo":"P1001","QuantityOrdered":1}]}""", stateful: true);
        Assert.Equal(2, lines.GetProperty("Lines").GetArrayLength());

        var saved = await client.GetOkAsync(path + "/Save");
        Assert.Equal(count + 1, jiwa.SalesOrderCount);
        Assert.Equal(saved.GetRawText(), (await other.GetOkAsync(path)).GetRawText());
        Assert.Single(saved.GetProperty("Notes").EnumerateArray());
        Assert.Equal(0, jiwa.StatefulObjectCount);
    }

    [Fact]
    public async Task Stateful_copies_belong_to_their_session_and_die_with_it()
    {
        await using var client = await JiwaTestClient.StartAsync();
        var jiwa = client.Server.Jiwa;

        await client.GetOkAsync(Debtor, stateful: true);
        await client.GetOkAsync("SalesQuotes/" + (await client.RowsAsync("Queries/SalesQuoteList?Take=1")).Single().GetProperty("InvoiceID").GetString(), stateful: true);
        Assert.Equal(2, jiwa.StatefulObjectCount);

        // An API key caller has its own cache: it holds nothing of the session's.
        await using var keyed = new JiwaTestClient(client.Server) { ApiKey = SandboxCredentials.JiwaApiKey };
        await keyed.ExpectErrorAsync(404, "RecordNotFoundException", HttpMethod.Get, Debtor + "/Save");

        await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "auth/logout");
        Assert.Equal(0, jiwa.StatefulObjectCount);

        await client.LoginAsync();
        await client.PatchOkAsync(Debtor, """{"Name":"Lost"}""", stateful: true);
        jiwa.ExpireSessions();
        Assert.Equal(0, jiwa.StatefulObjectCount);
    }
}
