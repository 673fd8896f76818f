using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using System.Web;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Tests;

public class JsonBodyTests
{
    private static string Json(object? value) => Encoding.UTF8.GetString(JsonBody.Serialize(value));

    private static T WithCulture<T>(string culture, Func<T> action)
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Fact]
    public void A_hashtable_becomes_an_object()
    {
        var table = new Hashtable { ["name"] = "Acme", ["count"] = 3, ["active"] = true, ["none"] = null };
        using var document = JsonDocument.Parse(Json(table));
        JsonElement root = document.RootElement;

        Assert.Equal(4, root.EnumerateObject().Count());
        Assert.Equal("Acme", root.GetProperty("name").GetString());
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        Assert.True(root.GetProperty("active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("none").ValueKind);
    }

    [Fact]
    public void An_ordered_dictionary_keeps_its_order()
    {
        var ordered = new OrderedDictionary { ["b"] = 1, ["a"] = "x", ["c"] = new[] { 1, 2 } };
        Assert.Equal("{\"b\":1,\"a\":\"x\",\"c\":[1,2]}", Json(ordered));
    }

    [Fact]
    public void A_PSCustomObject_becomes_an_object_of_its_note_properties()
    {
        var row = new PSObject();
        row.Properties.Add(new PSNoteProperty("Name", "Acme"));
        row.Properties.Add(new PSNoteProperty("Amount", 12.5m));
        var inner = new PSObject();
        inner.Properties.Add(new PSNoteProperty("City", "Oulu"));
        row.Properties.Add(new PSNoteProperty("Address", inner));

        Assert.Equal("{\"Name\":\"Acme\",\"Amount\":12.5,\"Address\":{\"City\":\"Oulu\"}}", Json(row));
    }

    [Fact]
    public void A_wrapped_value_is_serialised_as_its_base_object()
    {
        Assert.Equal("{\"a\":1}", Json(new PSObject(new OrderedDictionary { ["a"] = 1 })));
        Assert.Equal("\"text\"", Json(new PSObject("text")));
        Assert.Equal("[1,\"two\",null,[3,4],{\"k\":\"v\"}]", Json(new object?[] { 1, new PSObject("two"), null, new List<int> { 3, 4 }, new OrderedDictionary { ["k"] = "v" } }));
    }

    [Fact]
    public void Numbers_are_culture_invariant_even_under_de_DE()
    {
        string json = WithCulture("de-DE", () =>
        {
            Assert.Equal("1,5", 1.5m.ToString(CultureInfo.CurrentCulture)); // the culture really is German
            return Json(new OrderedDictionary { ["m"] = 1234.56m, ["d"] = 0.25d, ["f"] = 1.5f, ["l"] = 9_000_000_000L, ["neg"] = -1.5m });
        });

        Assert.Equal("{\"m\":1234.56,\"d\":0.25,\"f\":1.5,\"l\":9000000000,\"neg\":-1.5}", json);
    }

    [Fact]
    public void Dates_are_invariant_ISO_8601_whatever_the_culture()
    {
        var utc = new DateTime(2024, 3, 1, 8, 15, 30, 500, DateTimeKind.Utc);
        var unspecified = new DateTime(2024, 3, 1, 8, 15, 30, DateTimeKind.Unspecified);
        var moment = new DateTimeOffset(2024, 3, 1, 8, 15, 30, TimeSpan.FromHours(2));

        foreach (string culture in new[] { "de-DE", "th-TH", "ar-SA", "fi-FI" })
        {
            string json = WithCulture(culture, () => Json(new object[] { utc, unspecified, moment }));
            using var document = JsonDocument.Parse(json); // the writer may escape '+' as \u002B
            Assert.Equal(
                new[] { "2024-03-01T08:15:30.5Z", "2024-03-01T08:15:30", "2024-03-01T08:15:30+02:00" },
                document.RootElement.EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public void Guids_enums_and_bytes_have_their_usual_json_forms()
    {
        var guid = new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        Assert.Equal("[\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\",\"Friday\",\"AQID\",\"x\"]", Json(new object[] { guid, DayOfWeek.Friday, new byte[] { 1, 2, 3 }, 'x' }));
    }

    [Fact]
    public void A_SecureString_is_refused_anywhere_in_the_body()
    {
        var secret = SecretText.Protect("pw");
        Assert.Throws<ArgumentException>(() => JsonBody.Serialize(secret));
        Assert.Throws<ArgumentException>(() => JsonBody.Serialize(new Hashtable { ["password"] = secret }));
        Assert.Throws<ArgumentException>(() => JsonBody.Serialize(new object[] { 1, new PSObject(secret) }));
    }

    [Fact]
    public void A_reference_cycle_is_refused_instead_of_overflowing_the_stack()
    {
        var table = new Hashtable();
        table["self"] = table;
        Assert.Throws<ArgumentException>(() => JsonBody.Serialize(table));
    }

    [Fact]
    public void User_input_strings_are_checked_and_sent_as_they_are()
    {
        Assert.Equal("{ \"a\" : 1 }", Encoding.UTF8.GetString(JsonBody.FromUserInput("{ \"a\" : 1 }")));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(JsonBody.FromUserInput(new Hashtable { ["a"] = 1 })));
        Assert.ThrowsAny<JsonException>(() => JsonBody.FromUserInput("{ not json"));
    }

    [Fact]
    public void JsonPatch_emits_only_replace_operations_with_slash_paths()
    {
        byte[] patch = new JsonPatch().Replace("name", "New").Replace("/isClosed", true).Replace("amount", null).ToJson();
        using var document = JsonDocument.Parse(patch);
        var ops = document.RootElement.EnumerateArray().ToArray();

        Assert.Equal(3, ops.Length);
        Assert.All(ops, op =>
        {
            Assert.Equal("replace", op.GetProperty("op").GetString());
            Assert.StartsWith("/", op.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.Equal(new[] { "op", "path", "value" }, op.EnumerateObject().Select(p => p.Name));
        });
        Assert.Equal(new[] { "/name", "/isClosed", "/amount" }, ops.Select(o => o.GetProperty("path").GetString()));
        Assert.Equal("New", ops[0].GetProperty("value").GetString());
        Assert.True(ops[1].GetProperty("value").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ops[2].GetProperty("value").ValueKind);
    }

    [Fact]
    public void BuildUri_escapes_keys_and_values_and_repeats_keys_in_order()
    {
        var request = new ApiRequest(HttpMethod.Get, "/customers")
            .Add("textToSearch", "a&b=c d+é#?/")
            .AddEach("numbers", new[] { 1, 2, 3 })
            .Add("sortings[0][key]", "name")
            .Add("skipped", null);

        Uri uri = request.BuildUri(new Uri("https://api.test/rest-api/v1.0/"));

        Assert.Equal("https://api.test/rest-api/v1.0/customers", uri.GetLeftPart(UriPartial.Path));
        Assert.StartsWith("?textToSearch=a%26b%3Dc%20d%2B%C3%A9%23%3F%2F&numbers=1&numbers=2&numbers=3&", uri.Query, StringComparison.Ordinal);
        var parsed = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("a&b=c d+é#?/", parsed["textToSearch"]);
        Assert.Equal(new[] { "1", "2", "3" }, parsed.GetValues("numbers"));
        Assert.Equal("name", parsed["sortings[0][key]"]);
        Assert.Null(parsed["skipped"]);
        Assert.Equal(string.Empty, uri.Fragment);
    }

    [Fact]
    public void Set_replaces_every_value_of_a_key()
    {
        var request = ApiRequest.Get("x").AddEach("k", new[] { "1", "2" }).Set("K", "3");
        Assert.Equal(new[] { "3" }, request.Query.Select(p => p.Value));
        Assert.Equal("3", request.GetQueryValue("k"));
    }

    [Fact]
    public void A_path_with_its_own_query_gets_more_parameters_with_an_ampersand()
    {
        Uri uri = ApiRequest.Get("api.php?object=task").Add("id", 5).BuildUri(new Uri("https://go.test"));
        Assert.Equal("https://go.test/api.php?object=task&id=5", uri.AbsoluteUri);
    }

    [Fact]
    public void Describe_leaves_the_query_out()
    {
        Assert.Equal("GET /customers", ApiRequest.Get("customers").Add("access_token", "t").Describe());
    }

    [Fact]
    public void Format_turns_dates_into_UTC_Z()
    {
        Assert.Equal("2024-03-01T08:15:00.000Z", ApiRequest.Format(new DateTime(2024, 3, 1, 8, 15, 0, DateTimeKind.Utc)));
        Assert.Equal("2024-03-01T06:15:00.250Z", ApiRequest.Format(new DateTimeOffset(2024, 3, 1, 8, 15, 0, 250, TimeSpan.FromHours(2))));

        // A DateTime without a kind is the person's own local time.
        var typed = new DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Unspecified);
        string text = ApiRequest.Format(typed);
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(typed, TimeZoneInfo.Local.GetUtcOffset(typed)), DateTimeOffset.Parse(text, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Format_is_culture_invariant()
    {
        var values = WithCulture("de-DE", () => new[]
        {
            ApiRequest.Format(1.5m), ApiRequest.Format(2.25d), ApiRequest.Format(true), ApiRequest.Format(1234567),
            ApiRequest.Format(new DateTime(2024, 3, 1, 8, 15, 0, DateTimeKind.Utc)),
            ApiRequest.Format(new Guid("3f2504e0-4f89-11d3-9a0c-0305e82c3301")),
        });

        Assert.Equal(new[] { "1.5", "2.25", "true", "1234567", "2024-03-01T08:15:00.000Z", "3f2504e0-4f89-11d3-9a0c-0305e82c3301" }, values);
        Assert.Equal("2024-03-01T08:15:00.000Z", WithCulture("th-TH", () => ApiRequest.Format(new DateTime(2024, 3, 1, 8, 15, 0, DateTimeKind.Utc))));
    }
}
