using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

public sealed class SeveraPagingTests
{
    [Theory]
    [InlineData(2500, 1000, 3)]
    [InlineData(3000, 1000, 3)]
    [InlineData(250, 100, 3)]
    public async Task Token_paging_returns_every_customer_once_and_the_last_page_has_no_token(int customers, int rowCount, int pages)
    {
        await using var client = await SeveraTestClient.StartAsync(o => o.Severa.CustomerCount = customers);

        var walked = await client.WalkTokenPagesAsync($"customers?rowCount={rowCount}");

        Assert.Equal(pages, walked.Count);
        var rows = walked.SelectMany(p => p).ToList();
        Assert.Equal(customers, rows.Count);
        Assert.Equal(customers, rows.Select(r => r.GetProperty("guid").GetGuid()).Distinct().Count());
        Assert.Equal(Enumerable.Range(10000, customers), rows.Select(r => r.GetProperty("number").GetInt32()));
        Assert.All(walked.Take(pages - 1), page => Assert.Equal(rowCount, page.Count));
    }

    [Fact]
    public async Task Customers_changed_in_the_last_30_days_exist_whatever_day_it_is()
    {
        await using var client = await SeveraTestClient.StartAsync();
        string since = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

        var recent = await client.GetOkAsync($"customers?changedSince={since}&rowCount=1000");

        Assert.True(recent.GetArrayLength() > 0);
        Assert.All(recent.EnumerateArray(), c => Assert.True(c.GetProperty("lastUpdatedDateTime").GetDateTimeOffset() <= DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task A_page_token_is_bound_to_the_query_it_came_from()
    {
        await using var client = await SeveraTestClient.StartAsync();
        using var first = await client.SendAsync(HttpMethod.Get, "customers?isActive=true&rowCount=10");
        var token = Uri.EscapeDataString(first.Headers.GetValues("NextPageToken").Single());

        using (var same = await client.SendAsync(HttpMethod.Get, $"customers?rowCount=10&ISACTIVE=true&pageToken={token}"))
        {
            Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        }

        foreach (var changed in new[] { "customers?isActive=false&rowCount=10", "customers?isActive=true&rowCount=20", "users?isActive=true&rowCount=10" })
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"{changed}&pageToken={token}");
            await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "pageToken");
        }

        using var garbage = await client.SendAsync(HttpMethod.Get, "customers?isActive=true&rowCount=10&pageToken=bm90IGEgdG9rZW4%3D");
        await SeveraTestClient.AssertErrorAsync(garbage, 400, "InvalidParameter", "pageToken");
    }

    [Fact]
    public async Task A_page_token_is_standard_base64_and_must_be_url_encoded()
    {
        await using var client = await SeveraTestClient.StartAsync();
        string? withPlus = null;
        var url = "customers?rowCount=1";
        for (var i = 0; i < 200 && withPlus is null; i++)
        {
            using var response = await client.SendAsync(HttpMethod.Get, url);
            var next = response.Headers.GetValues("NextPageToken").Single();
            withPlus = next.Contains('+', StringComparison.Ordinal) ? next : null;
            url = $"customers?rowCount=1&pageToken={Uri.EscapeDataString(next)}";
        }

        Assert.NotNull(withPlus);
        using (var encoded = await client.SendAsync(HttpMethod.Get, $"customers?rowCount=1&pageToken={Uri.EscapeDataString(withPlus)}"))
        {
            Assert.Equal(HttpStatusCode.OK, encoded.StatusCode);
        }

        // Sent as is, '+' arrives as a space: the token no longer decodes.
        using var raw = await client.SendAsync(HttpMethod.Get, $"customers?rowCount=1&pageToken={withPlus}");
        await SeveraTestClient.AssertErrorAsync(raw, 400, "InvalidParameter", "pageToken");
    }

    [Fact]
    public async Task FirstRow_is_refused_on_token_paged_lists_and_pageToken_on_row_paged_ones()
    {
        await using var client = await SeveraTestClient.StartAsync();

        foreach (var list in new[] { "customers", "users", "projects", "phases", "workhours", "invoices" })
        {
            using var response = await client.SendAsync(HttpMethod.Get, $"{list}?firstRow=100");
            await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "firstRow");
        }

        using var rowPaged = await client.SendAsync(HttpMethod.Get, "contactpersons?pageToken=abc");
        await SeveraTestClient.AssertErrorAsync(rowPaged, 400, "InvalidParameter", "pageToken");
    }

    [Theory]
    [InlineData("customers?rowCount=1001")]
    [InlineData("customers?rowCount=0")]
    [InlineData("customers?rowCount=-5")]
    [InlineData("customers?rowCount=ten")]
    [InlineData("contactpersons?rowCount=1001")]
    [InlineData("invoicestatuses?rowCount=0")]
    public async Task RowCount_outside_1_to_max_is_400(string url)
    {
        await using var client = await SeveraTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Get, url);

        await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "rowCount");
    }

    [Fact]
    public async Task The_maximum_rowCount_is_configurable_and_named_in_the_error()
    {
        await using var client = await SeveraTestClient.StartAsync(o => { o.Severa.MaxRowCount = 500; o.Severa.CustomerCount = 600; });

        using var response = await client.SendAsync(HttpMethod.Get, "customers?rowCount=501");

        var error = await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", "rowCount");
        Assert.Contains("maximum is 500", SeveraTestClient.FirstMessage(error), StringComparison.Ordinal);
        Assert.Equal(500, (await client.GetOkAsync("customers?rowCount=500")).GetArrayLength());
    }

    [Fact]
    public async Task Row_paging_walks_contact_persons_to_a_short_last_page()
    {
        await using var client = await SeveraTestClient.StartAsync(o => o.Severa.CustomerCount = 230);

        var all = new List<JsonElement>();
        for (var firstRow = 0; ; firstRow += 100)
        {
            var page = await client.GetOkAsync($"contactpersons?rowCount=100&firstRow={firstRow}");
            all.AddRange(page.EnumerateArray());
            if (page.GetArrayLength() < 100)
            {
                break;
            }
        }

        Assert.Equal(460, all.Count);
        Assert.Equal(460, all.Select(c => c.GetProperty("guid").GetGuid()).Distinct().Count());
        Assert.Equal(100, (await client.GetOkAsync("contactpersons")).GetArrayLength());
        Assert.Equal(0, (await client.GetOkAsync("contactpersons?firstRow=460")).GetArrayLength());
    }

    [Fact]
    public async Task ChangedSince_is_inclusive_and_must_parse()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;
        var pivot = server.Severa.Data.Customer(200);
        var since = Uri.EscapeDataString(pivot.LastUpdatedDateTime.ToString("O"));

        var rows = (await client.WalkTokenPagesAsync($"customers?changedSince={since}")).SelectMany(p => p).ToList();
        Assert.Equal(50, rows.Count);
        Assert.Equal(pivot.Guid, rows[0].GetProperty("guid").GetGuid());

        var later = Uri.EscapeDataString(pivot.LastUpdatedDateTime.AddTicks(1).ToString("O"));
        Assert.Equal(49, (await client.GetOkAsync($"customers?changedSince={later}")).GetArrayLength());

        var contact = server.Severa.Data.ContactPerson(300);
        var contactSince = Uri.EscapeDataString(contact.LastUpdatedDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        var contacts = await client.GetOkAsync($"contactpersons?changedSince={contactSince}");
        Assert.Equal(contact.Guid, contacts[0].GetProperty("guid").GetGuid());
        Assert.Equal(200, contacts.GetArrayLength() + 100);

        // An unencoded '+' arrives as a space: the timestamp no longer parses, as on the real server.
        using var unencoded = await client.SendAsync(HttpMethod.Get, "customers?changedSince=2024-03-01T08:15:00+00:00");
        await SeveraTestClient.AssertErrorAsync(unencoded, 400, "InvalidParameter", "changedSince");
    }

    [Fact]
    public async Task List_parameters_repeat_their_key_and_filters_combine()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;

        var byNumber = await client.GetOkAsync("customers?numbers=10005&numbers=10007&numbers=99999999");
        Assert.Equal([10005, 10007], byNumber.EnumerateArray().Select(c => c.GetProperty("number").GetInt32()));

        using (var commaSeparated = await client.SendAsync(HttpMethod.Get, "customers?numbers=10005,10007"))
        {
            await SeveraTestClient.AssertErrorAsync(commaSeparated, 400, "InvalidParameter", "numbers");
        }

        var inactive = (await client.WalkTokenPagesAsync("customers?isActive=false")).SelectMany(p => p).ToList();
        Assert.NotEmpty(inactive);
        Assert.All(inactive, c => Assert.False(c.GetProperty("isActive").GetBoolean()));

        var name = server.Severa.Data.Customer(17).Name;
        var byName = await client.GetOkAsync("customers?customerNames=" + Uri.EscapeDataString(name.ToUpperInvariant()));
        Assert.Equal(name, byName.EnumerateArray().Single().GetProperty("name").GetString());
    }

    [Fact]
    public async Task Customers_sort_by_name_or_number_and_refuse_other_keys()
    {
        await using var client = await SeveraTestClient.StartAsync();
        var server = client.Server;

        var descending = (await client.WalkTokenPagesAsync("customers?rowCount=100&sortings[0][key]=number&sortings[0][value]=Desc")).SelectMany(p => p).ToList();
        Assert.Equal(Enumerable.Range(10000, 250).Reverse(), descending.Select(c => c.GetProperty("number").GetInt32()));

        var dotted = await client.GetOkAsync("customers?rowCount=1&sortings[0].key=name&sortings[0].value=desc");
        Assert.Equal(server.Severa.Data.Customer(249).Guid, dotted[0].GetProperty("guid").GetGuid());

        using (var unknownKey = await client.SendAsync(HttpMethod.Get, "customers?sortings[0][key]=vatNumber&sortings[0][value]=Asc"))
        {
            await SeveraTestClient.AssertErrorAsync(unknownKey, 400, "InvalidParameter", "sortings[0].key");
        }

        using (var badDirection = await client.SendAsync(HttpMethod.Get, "customers?sortings[0][key]=name&sortings[0][value]=Up"))
        {
            await SeveraTestClient.AssertErrorAsync(badDirection, 400, "InvalidParameter", "sortings[0].value");
        }

        using var notSortable = await client.SendAsync(HttpMethod.Get, "users?sortings[0][key]=lastName&sortings[0][value]=Asc");
        await SeveraTestClient.AssertErrorAsync(notSortable, 400, "InvalidParameter");
    }

    [Theory]
    [InlineData("customers?textToSearch=abc", "textToSearch", "")]
    [InlineData("customers?active=true", "active", "isActive")]
    [InlineData("invoices?invoiceStatusGuid=6f9619ff-8b86-d011-b42d-00cf4fc964ff", "invoiceStatusGuid", "invoiceStatusGuids")]
    [InlineData("projects?customerGuid=6f9619ff-8b86-d011-b42d-00cf4fc964ff", "customerGuid", "customerGuids")]
    [InlineData("workhours?userGuids=6f9619ff-8b86-d011-b42d-00cf4fc964ff", "userGuids", "")]
    public async Task Parameters_the_endpoint_does_not_take_in_v1_are_refused(string url, string location, string hint)
    {
        await using var client = await SeveraTestClient.StartAsync();

        using var response = await client.SendAsync(HttpMethod.Get, url);

        var error = await SeveraTestClient.AssertErrorAsync(response, 400, "InvalidParameter", location);
        Assert.Contains(hint, SeveraTestClient.FirstMessage(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_million_customers_cost_nothing_until_asked_for()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var client = await SeveraTestClient.StartAsync(o => o.Severa.CustomerCount = 1_000_000);
        var server = client.Server;
        var data = server.Severa.Data;

        // The tail via changedSince: a single short page, found by arithmetic.
        var since = Uri.EscapeDataString(data.Customer(999_990).LastUpdatedDateTime.ToString("O"));
        using var tail = await client.SendAsync(HttpMethod.Get, $"customers?rowCount=1000&changedSince={since}");
        var rows = await SeveraTestClient.ReadJsonAsync(tail);
        Assert.Equal(10, rows.GetArrayLength());
        Assert.Equal(10000 + 999_999, rows[9].GetProperty("number").GetInt32());
        Assert.False(tail.Headers.Contains("NextPageToken"));

        // The last page from the other end, a deep page by token, and single records by guid.
        var last = await client.GetOkAsync("customers?rowCount=1000&sortings[0][key]=number&sortings[0][value]=Desc");
        Assert.Equal(data.Customer(999_999).Guid, last[0].GetProperty("guid").GetGuid());
        Assert.Equal(data.Customer(999_000).Name, (await client.GetOkAsync($"customers/{data.Customer(999_000).Guid}")).GetProperty("name").GetString());
        Assert.Equal(data.ContactPerson(1_999_999).Guid, (await client.GetOkAsync($"contactpersons?firstRow=1999999")).EnumerateArray().Single().GetProperty("guid").GetGuid());
        Assert.Equal(2000, data.Projects.Count);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"Took {started.Elapsed}.");
    }

    [Fact]
    public async Task Other_lists_page_and_filter()
    {
        await using var client = await SeveraTestClient.StartAsync(o => o.Severa.CustomerCount = 600);
        var server = client.Server;
        var data = server.Severa.Data;

        var users = (await client.WalkTokenPagesAsync("users?rowCount=20")).SelectMany(p => p).ToList();
        Assert.Equal(50, users.Count);
        Assert.All((await client.WalkTokenPagesAsync("users?isActive=false")).SelectMany(p => p), u => Assert.False(u.GetProperty("isActive").GetBoolean()));

        var projects = (await client.WalkTokenPagesAsync("projects?rowCount=50")).SelectMany(p => p).ToList();
        Assert.Equal(200, projects.Count);
        var project = data.Projects[3];
        var ofCustomer = (await client.WalkTokenPagesAsync($"customers/{project.Customer.Guid}/projects")).SelectMany(p => p).ToList();
        Assert.Contains(ofCustomer, p => p.GetProperty("guid").GetGuid() == project.Guid);

        var phases = (await client.WalkTokenPagesAsync($"phases?projectGuids={project.Guid}&projectGuids={data.Projects[4].Guid}")).SelectMany(p => p).ToList();
        Assert.Equal(data.PhasesOfProject(project.Guid).Count + data.PhasesOfProject(data.Projects[4].Guid).Count, phases.Count);

        var tree = await client.GetOkAsync($"projects/{project.Guid}/phaseswithhierarchy");
        Assert.Equal(0, tree[0].GetProperty("level").GetInt32());
        Assert.Equal(JsonValueKind.Null, tree[0].GetProperty("parentPhase").ValueKind);
        Assert.All(tree.EnumerateArray().Skip(1), p => Assert.NotEqual(JsonValueKind.Null, p.GetProperty("parentPhase").ValueKind));

        var phase = data.PhasesOfProject(project.Guid)[1];
        var workTypes = (await client.WalkTokenPagesAsync($"phases/{phase.Guid}/worktypes?rowCount=2")).SelectMany(p => p).ToList();
        Assert.Equal(data.WorkTypesOfPhase(phase.Guid).Select(w => w.Guid), workTypes.Select(w => w.GetProperty("guid").GetGuid()));

        var hours = (await client.WalkTokenPagesAsync("workhours?rowCount=100")).SelectMany(p => p).ToList();
        Assert.Equal(server.Severa.WorkHourCount, hours.Count);
        var june = (await client.WalkTokenPagesAsync("workhours?rowCount=100&eventDateStart=2024-06-01&eventDateEnd=2024-06-30")).SelectMany(p => p).ToList();
        Assert.NotEmpty(june);
        Assert.All(june, h => Assert.StartsWith("2024-06-", h.GetProperty("eventDate").GetString(), StringComparison.Ordinal));

        var approved = data.InvoiceStatuses.Single(s => s.Name == "Approved");
        var invoices = (await client.WalkTokenPagesAsync($"invoices?invoiceStatusGuids={approved.Guid}")).SelectMany(p => p).ToList();
        Assert.NotEmpty(invoices);
        Assert.All(invoices, i => Assert.Equal("Approved", i.GetProperty("status").GetProperty("name").GetString()));
        var invoice = invoices[0];
        var rows = (await client.WalkTokenPagesAsync($"invoices/{invoice.GetProperty("guid").GetGuid()}/invoicerows?rowCount=1")).SelectMany(p => p).ToList();
        Assert.Equal(invoice.GetProperty("totalExcludingTax").GetProperty("amount").GetDecimal(), rows.Sum(r => r.GetProperty("totalExcludingTax").GetProperty("amount").GetDecimal()));

        var statuses = await client.GetOkAsync("invoicestatuses?textToSearch=PAI");
        Assert.Equal("Paid", statuses.EnumerateArray().Single().GetProperty("name").GetString());
        Assert.Equal(2, (await client.GetOkAsync("invoicestatuses?firstRow=4")).GetArrayLength());
    }
}
