using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The object table: methods and 405, one object, create, partial update, delete, validation.</summary>
public sealed class MicrobizzObjectTests
{
    public static TheoryData<string, string, string> Refused => new()
    {
        { "task", "DELETE", "GET, POST" },
        { "task", "PUT", "GET, POST" },
        { "task", "PATCH", "GET, POST" },
        { "company", "DELETE", "GET, POST" },
        { "user", "POST", "GET" },
        { "foreigncompany", "DELETE", "GET" },
        { "currentuser", "POST", "GET" },
        { "paymenturl", "DELETE", "GET" },
        { "subscriptioninformation", "POST", "GET" },
        { "cancelsubscription", "GET", "POST" },
        { "deviceid", "GET", "POST" },
        { "assignment", "PUT", "GET, POST, DELETE" },
        { "connection", "PATCH", "GET, POST, DELETE" },
        { "notification", "PUT", "GET, POST, DELETE" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_method_the_table_does_not_allow_is_405_naming_the_allowed_ones(string name, string method, string allowed)
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        using var response = await client.SendAsync(new HttpMethod(method), name + "/1", method is "GET" or "DELETE" ? null : "{}");
        await MicrobizzTestClient.AssertErrorAsync(response, 405, "MethodNotAllowed", "Allowed: " + allowed);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
    }

    [Theory]
    [InlineData("assignment")]
    [InlineData("connection")]
    [InlineData("company")]
    [InlineData("foreigncompany")]
    [InlineData("notification")]
    [InlineData("task")]
    [InlineData("user")]
    public async Task Every_collection_lists_and_answers_one_object_by_its_key(string name)
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var rows = await client.ListAsync(name);
        Assert.NotEmpty(rows);
        var key = name + "_id";
        var ids = rows.Select(r => r.GetProperty(key).GetInt64()).ToList();
        Assert.Equal(ids.Order(), ids);

        var one = await client.GetOkAsync($"{name}/{ids[^1]}");
        Assert.Equal(rows[^1].GetRawText(), one.GetRawText());
        await client.AssertErrorAsync(HttpMethod.Get, $"{name}/999999", null, 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Get, $"{name}/abc", null, 404, "NotFound");
    }

    [Fact]
    public async Task The_fixed_collections_have_their_sizes_and_the_documents_field_names()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        Assert.Equal(200, (await client.ListAsync("company")).Count);
        Assert.Equal(20, (await client.ListAsync("user")).Count);
        Assert.Equal(100, (await client.ListAsync("notification")).Count);
        Assert.Equal(100, (await client.ListAsync("assignment")).Count); // one per task, 100 tasks

        var company = await client.GetOkAsync("company/1");
        Assert.Equal(
            ["company_id", "vat_id", "companyname", "branch", "address", "address2", "zip", "city", "country", "phone", "email", "contactperson", "additionaltext"],
            company.EnumerateObject().Select(p => p.Name));
        var connection = await client.GetOkAsync("connection/1");
        Assert.Equal(["connection_id", "company_ref", "foreigncompany_ref", "outgoing_connection", "connection_status", "text"], connection.EnumerateObject().Select(p => p.Name));
        var notification = await client.GetOkAsync("notification/1");
        Assert.Contains(notification.GetProperty("is_read").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(1, notification.GetProperty("user_ref").GetInt64());
        Assert.Equal("task", notification.GetProperty("related_object").GetProperty("object").GetString());
    }

    [Fact]
    public async Task Unknown_objects_and_routes_are_404()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        await client.AssertErrorAsync(HttpMethod.Get, "tasks", null, 404, "NotFound", "No object 'tasks'");
        await client.AssertErrorAsync(HttpMethod.Get, "Task/1", null, 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Get, "task/1/notes", null, 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Get, "currentuser/1", null, 404, "NotFound");
    }

    [Fact]
    public async Task Filters_are_equalities_on_fields_strings_ignoring_case()
    {
        await using var client = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TaskCount = 2000);
        var all = await client.ListAsync("task");
        Assert.Equal(2000, all.Count);

        var expected = all.Where(t => t.GetProperty("status").GetString() == "DONE" && t.GetProperty("company_ref").GetInt64() == 7).Select(t => t.GetProperty("task_id").GetInt64()).ToList();
        Assert.NotEmpty(expected);
        var filtered = await client.ListAsync("task?status=done&company_ref=7");
        Assert.Equal(expected, filtered.Select(t => t.GetProperty("task_id").GetInt64()));

        var unread = await client.ListAsync("notification?is_read=0");
        var read = await client.ListAsync("notification?is_read=true");
        Assert.Equal(100, unread.Count + read.Count);
        Assert.All(unread, n => Assert.False(n.GetProperty("is_read").GetBoolean()));
        Assert.NotEmpty(read);

        var city = (await client.GetOkAsync("company/3")).GetProperty("city").GetString()!;
        var inCity = await client.ListAsync("company?city=" + Uri.EscapeDataString(city.ToUpperInvariant()));
        Assert.Contains(inCity, c => c.GetProperty("company_id").GetInt64() == 3);
        Assert.All(inCity, c => Assert.Equal(city, c.GetProperty("city").GetString()));
    }

    [Theory]
    [InlineData("task?nosuchfield=1", "nosuchfield")]
    [InlineData("task?attachment=1", "attachment")]
    [InlineData("task?company_ref=abc", "whole number")]
    [InlineData("notification?is_read=maybe", "true/false")]
    [InlineData("task?status=NEW&status=DONE", "2 times")]
    [InlineData("task?include_binary_data=yes", "include_binary_data")]
    public async Task A_bad_filter_is_400(string relative, string messageContains)
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        await client.AssertErrorAsync(HttpMethod.Get, relative, null, 400, "BadRequest", messageContains);
    }

    [Fact]
    public async Task Create_is_201_with_an_assigned_id_and_an_update_changes_only_the_given_fields()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var created = await client.OkAsync(HttpMethod.Post, "task", """{"title":"Ny opgave","company_ref":5}""", HttpStatusCode.Created);
        var id = created.GetProperty("task_id").GetInt64();
        Assert.Equal(101, id);
        Assert.Equal("NEW", created.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("description").ValueKind);

        var updated = await client.OkAsync(HttpMethod.Post, $"task/{id}", """{"status":"STARTED","description":"Kom efter kl. 10"}""");
        Assert.Equal("Ny opgave", updated.GetProperty("title").GetString());
        Assert.Equal(5, updated.GetProperty("company_ref").GetInt64());
        Assert.Equal("STARTED", updated.GetProperty("status").GetString());

        var read = await client.GetOkAsync($"task/{id}");
        Assert.Equal(updated.GetRawText(), read.GetRawText());

        // A generated row updates the same way, and the list shows the change.
        var before = await client.GetOkAsync("task/3");
        await client.OkAsync(HttpMethod.Post, "task/3", """{"title":"Omdøbt","task_id":3}""");
        var after = await client.ListAsync("task?title=omdøbt");
        Assert.Equal(3, Assert.Single(after).GetProperty("task_id").GetInt64());
        Assert.Equal(before.GetProperty("description").GetString(), after[0].GetProperty("description").GetString());
        Assert.Equal(101, (await client.ListAsync("task")).Count);
    }

    [Fact]
    public async Task Delete_is_204_then_the_object_is_gone()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        using (var deleted = await client.SendAsync(HttpMethod.Delete, "notification/4"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await client.AssertErrorAsync(HttpMethod.Get, "notification/4", null, 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Delete, "notification/4", null, 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Post, "notification/4", """{"is_read":true}""", 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Delete, "notification", null, 400, "BadRequest");
        var rest = await client.ListAsync("notification");
        Assert.Equal(99, rest.Count);
        Assert.DoesNotContain(rest, n => n.GetProperty("notification_id").GetInt64() == 4);

        var created = await client.OkAsync(HttpMethod.Post, "assignment", """{"task_ref":7,"user_ref":2}""", HttpStatusCode.Created);
        var id = created.GetProperty("assignment_id").GetInt64();
        using (var deleted = await client.SendAsync(HttpMethod.Delete, $"assignment/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await client.AssertErrorAsync(HttpMethod.Get, $"assignment/{id}", null, 404, "NotFound");
    }

    [Theory]
    [InlineData("task", """{"description":"no title"}""", "needs title")]
    [InlineData("task", """{"title":"x","task_id":5}""", "assigned by the server")]
    [InlineData("task", """{"title":"x","Title":"y"}""", "'Title' is not a field")]
    [InlineData("task", """{"title":42}""", "a string")]
    [InlineData("task", """{"title":"x","company_ref":9999}""", "no company 9999")]
    [InlineData("task", """{"title":"x","company_ref":"5"}""", "whole number")]
    [InlineData("task", "[1,2]", "JSON object")]
    [InlineData("task", "{", "not valid JSON")]
    [InlineData("assignment", """{"task_ref":1,"user_ref":1,"start":"2026-12-01 08:00:00"}""", "'start' is not a field")] // the document's assignment has no start
    [InlineData("notification", """{"text":"x","created":"2026-01-01 00:00:00"}""", "'created' is not a field")]
    [InlineData("notification", """{"text":"x","related_object":{"object":"nope","id":1}}""", "related_object")]
    [InlineData("company", """{"city":"Vejle"}""", "needs companyname")]
    public async Task A_bad_create_is_400_and_creates_nothing(string name, string body, string messageContains)
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var count = (await client.ListAsync(name)).Count;
        await client.AssertErrorAsync(HttpMethod.Post, name, body, 400, "BadRequest", messageContains);
        Assert.Equal(count, (await client.ListAsync(name)).Count);
    }

    [Fact]
    public async Task An_update_with_a_different_key_in_the_body_is_400_and_changes_nothing()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var before = await client.GetOkAsync("company/2");
        await client.AssertErrorAsync(HttpMethod.Post, "company/2", """{"company_id":3,"city":"Vejle"}""", 400, "BadRequest", "id in the URL");
        Assert.Equal(before.GetRawText(), (await client.GetOkAsync("company/2")).GetRawText());
    }

    [Fact]
    public async Task Notifications_created_belong_to_the_current_user_and_can_be_marked_read()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var created = await client.OkAsync(HttpMethod.Post, "notification", """{"text":"Ny besked","related_object":{"object":"task","id":3}}""", HttpStatusCode.Created);
        Assert.Equal(1, created.GetProperty("user_ref").GetInt64());
        Assert.False(created.GetProperty("is_read").GetBoolean());
        Assert.False(created.TryGetProperty("created", out _)); // the document's notification has no such field
        var id = created.GetProperty("notification_id").GetInt64();

        var read = await client.OkAsync(HttpMethod.Post, $"notification/{id}", """{"is_read":1}""");
        Assert.True(read.GetProperty("is_read").GetBoolean());
        Assert.Equal("Ny besked", read.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Paymenturl_and_subscriptioninformation_answer_one_object_and_cancelsubscription_stops_renewal()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var url = (await client.GetOkAsync("paymenturl")).GetProperty("url").GetString()!;
        Assert.True(Uri.IsWellFormedUriString(url, UriKind.Absolute), url);

        var subscription = await client.GetOkAsync("subscriptioninformation");
        Assert.True(subscription.GetProperty("got_subscription").GetBoolean());
        Assert.True(subscription.GetProperty("renewing").GetBoolean());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", subscription.GetProperty("end_date").GetString()!);
        Assert.Equal(subscription.GetProperty("unit_price").GetDecimal() * 20, subscription.GetProperty("total_price").GetDecimal());

        await client.AssertErrorAsync(HttpMethod.Post, "cancelsubscription/2", null, 403, "Forbidden");
        await client.AssertErrorAsync(HttpMethod.Post, "cancelsubscription/9999", null, 404, "NotFound");
        await client.AssertErrorAsync(HttpMethod.Post, "cancelsubscription", null, 400, "BadRequest");
        Assert.True(client.Microbizz.SubscriptionRenewing);

        var cancelled = await client.OkAsync(HttpMethod.Post, "cancelsubscription/1");
        Assert.False(cancelled.GetProperty("renewing").GetBoolean());
        Assert.False(client.Microbizz.SubscriptionRenewing);
        Assert.Equal(subscription.GetProperty("end_date").GetString(), cancelled.GetProperty("end_date").GetString());

        client.Microbizz.HasSubscription = false;
        var none = await client.GetOkAsync("subscriptioninformation");
        Assert.Equal(["got_subscription"], none.EnumerateObject().Select(p => p.Name));
        Assert.False(none.GetProperty("got_subscription").GetBoolean());
    }

    [Fact]
    public async Task Deviceid_is_write_only_201_when_new_200_when_posted_again()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        const string Body = """{"platform_name":"ios","device_id_string":"abc123"}""";
        await client.OkAsync(HttpMethod.Post, "deviceid", Body, HttpStatusCode.Created);
        await client.OkAsync(HttpMethod.Post, "deviceid", Body);
        await client.AssertErrorAsync(HttpMethod.Post, "deviceid", """{"platform_name":"windows","device_id_string":"x"}""", 400, "BadRequest", "android or ios");
        await client.AssertErrorAsync(HttpMethod.Post, "deviceid", """{"platform_name":"android"}""", 400, "BadRequest", "device_id_string");
        var device = Assert.Single(client.Microbizz.DeviceIds);
        Assert.Equal(("abc123", "ios"), (device.Key, device.Value));
    }
}
