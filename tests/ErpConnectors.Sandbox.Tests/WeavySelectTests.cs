using System.Globalization;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// POST v1/Data/{projectCode}/Select: the bare array, return fields, every operator, groups, sorting, limit and
/// offset. Expected rows are computed from the stored records (WeavySandbox.Records), so each test checks the
/// server's filtering against an independent evaluation.
/// </summary>
public sealed class WeavySelectTests
{
    private const int Customers = 600;

    private static Task<WeavyTestClient> StartAsync() => WeavyTestClient.StartAsync(o => o.Weavy.CustomerCount = Customers);

    [Fact]
    public async Task Select_answers_a_bare_array_of_whole_records_in_code_order_in_the_documented_formats()
    {
        await using var client = await StartAsync();

        var rows = await client.SelectAsync("""{"entityName":"customer","limit":1000,"offset":0}""");

        Assert.Equal(Customers, rows.Count);
        Assert.Equal(Stored(client).Select(r => (string)r["customer_ID"]!), rows.Select(r => r.GetProperty("customer_ID").GetString()));
        var first = rows[0];
        Assert.Equal(
            ["customer_ID", "name", "city", "email", "revenue", "status", "isActive", "createdOn", "baseuser_ID", "srvDateUTC", "srvExport"],
            first.EnumerateObject().Select(p => p.Name));
        var stored = Stored(client)[0];
        Assert.Equal(((DateTime)stored["srvDateUTC"]!).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), first.GetProperty("srvDateUTC").GetString());
        Assert.Equal(JsonValueKind.Number, first.GetProperty("srvExport").ValueKind);
        Assert.True(first.GetProperty("isActive").ValueKind is JsonValueKind.True or JsonValueKind.False);
        var withRevenue = rows.First(r => r.GetProperty("revenue").ValueKind == JsonValueKind.Number);
        Assert.Matches(@"^\d+(\.\d+)?$", withRevenue.GetProperty("revenue").GetRawText());
        Assert.Contains(rows, r => r.GetProperty("email").ValueKind == JsonValueKind.Null);
        Assert.Equal(1, client.Weavy.SelectRequests);
    }

    [Fact]
    public async Task ReturnFields_answers_only_those_fields_in_the_order_asked()
    {
        await using var client = await StartAsync();

        var rows = await client.SelectAsync("""{"entityName":"customer","limit":3,"returnFields":[{"fieldName":"city"},{"fieldName":"customer_ID"}]}""");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(["city", "customer_ID"], r.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData("Equal", "city", """["Lyon"]""")]
    [InlineData("Equal", "city", """["lyon"]""")]
    [InlineData("NotEqual", "city", """["Lyon"]""")]
    [InlineData("GreaterThan", "revenue", """[250000.5]""")]
    [InlineData("GreaterThanOrEqual", "createdOn", """["2018-06-01T00:00:00"]""")]
    [InlineData("LessThan", "revenue", """["100000"]""")]
    [InlineData("LessThanOrEqual", "createdOn", """["2015-01-01T00:00:00"]""")]
    [InlineData("Contains", "name", """["ERT"]""")]
    [InlineData("StartsWith", "name", """["du"]""")]
    [InlineData("In", "city", """["Lyon","Nice","Dijon"]""")]
    [InlineData("Equal", "isActive", """[false]""")]
    [InlineData("Equal", "email", """[null]""")]
    [InlineData("NotEqual", "revenue", """[null]""")]
    public async Task Each_operator_selects_what_it_says(string op, string field, string values)
    {
        await using var client = await StartAsync();

        var wanted = JsonDocument.Parse(values).RootElement.EnumerateArray().Select(v => Typed(field, v)).ToList();
        await AssertSelectsAsync(
            client,
            $$"""
            {"entityName":"customer","limit":1000,
             "filterFields":[{"filterKey":"f1","fieldName":"{{field}}","operator":"{{op}}","filterValues":{{values}}}]}
            """,
            r => Matches(op, r[field], wanted));
    }

    [Fact]
    public async Task Ungrouped_filters_are_anded_and_a_group_combines_its_filters_with_its_operator()
    {
        await using var client = await StartAsync();

        await AssertSelectsAsync(
            client,
            """
            {"entityName":"customer","limit":1000,
             "filterFields":[
               {"filterKey":"lyon","fieldName":"city","operator":"Equal","filterValues":["Lyon"]},
               {"filterKey":"nice","fieldName":"city","operator":"Equal","filterValues":["Nice"]},
               {"filterKey":"active","fieldName":"isActive","operator":"Equal","filterValues":[true]}],
             "filterGroups":[{"groupKey":"cities","groupLogicalOperator":"OR","filterKeys":["lyon","nice"]}]}
            """,
            r => r["city"] is "Lyon" or "Nice" && (bool)r["isActive"]!);
    }

    [Fact]
    public async Task Groups_nest_and_an_and_group_inside_an_or_group_is_evaluated_on_its_own()
    {
        await using var client = await StartAsync();

        // (city = Lyon AND isActive = false) OR (revenue > 450000)
        var codes = await AssertSelectsAsync(
            client,
            """
            {"entityName":"customer","limit":1000,
             "filterFields":[
               {"filterKey":"lyon","fieldName":"city","operator":"Equal","filterValues":["Lyon"]},
               {"filterKey":"inactive","fieldName":"isActive","operator":"Equal","filterValues":["false"]},
               {"filterKey":"rich","fieldName":"revenue","operator":"GreaterThan","filterValues":["450000"]}],
             "filterGroups":[
               {"groupKey":"top","groupLogicalOperator":"OR","filterKeys":["rich"],"groupKeys":["lyonInactive"]},
               {"groupKey":"lyonInactive","groupLogicalOperator":"AND","filterKeys":["lyon","inactive"]}]}
            """,
            r => (r["city"] is "Lyon" && !(bool)r["isActive"]!) || r["revenue"] is > 450000m);

        Assert.Contains(codes, c => client.Weavy.Record("customer", c)!["city"] is "Lyon");
        Assert.Contains(codes, c => client.Weavy.Record("customer", c)!["city"] is not "Lyon");
    }

    [Theory]
    [InlineData("""{"groupKey":"g","groupLogicalOperator":"OR","filterKeys":["missing"]}""", "filterGroups[0].filterKeys")]
    [InlineData("""{"groupKey":"g","groupLogicalOperator":"XOR","filterKeys":["a"]}""", "filterGroups[0].groupLogicalOperator")]
    [InlineData("""{"groupKey":"g","groupLogicalOperator":"OR","filterKeys":["a"],"groupKeys":["g"]}""", "filterGroups[0].groupKeys")]
    public async Task A_group_naming_what_does_not_exist_or_itself_is_400(string group, string field)
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("Select", $$"""
            {"entityName":"customer","filterFields":[{"filterKey":"a","fieldName":"city","operator":"Equal","filterValues":["Lyon"]}],
             "filterGroups":[{{group}}]}
            """);

        Assert.Equal([field], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(response, 400, "InvalidRequest")));
    }

    [Fact]
    public async Task SortFields_order_the_records_with_nulls_first_ascending_and_ties_by_code()
    {
        await using var client = await StartAsync();

        var rows = await client.SelectAsync("""
            {"entityName":"customer","limit":1000,"sortFields":[{"fieldName":"city","direction":"DESC"},{"fieldName":"revenue","direction":"ASC"}],
             "returnFields":[{"fieldName":"customer_ID"},{"fieldName":"city"},{"fieldName":"revenue"}]}
            """);

        var expected = Stored(client)
            .OrderByDescending(r => (string)r["city"]!, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r["revenue"] is decimal d ? d : decimal.MinValue)
            .ThenBy(r => (string)r["customer_ID"]!, StringComparer.Ordinal)
            .Select(r => (string)r["customer_ID"]!);
        Assert.Equal(expected, rows.Select(r => r.GetProperty("customer_ID").GetString()));
        Assert.Equal(JsonValueKind.Null, rows.First(r => r.GetProperty("city").GetString() == rows[0].GetProperty("city").GetString()).GetProperty("revenue").ValueKind);
    }

    [Fact]
    public async Task Offset_pages_through_every_record_once_and_a_short_page_is_the_last()
    {
        await using var client = await StartAsync();
        var all = new List<string>();
        var pages = 0;
        for (var offset = 0; ; offset += 250)
        {
            var page = await client.CodesAsync($$"""{"entityName":"customer","limit":250,"offset":{{offset}},"sortFields":[{"fieldName":"city"}]}""");
            all.AddRange(page);
            pages++;
            if (page.Count < 250)
            {
                break;
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(Customers, all.Count);
        Assert.Equal(Customers, all.Distinct().Count());
    }

    [Theory]
    [InlineData(1001, "LimitExceeded")]
    [InlineData(0, "InvalidRequest")]
    public async Task A_limit_outside_1_to_1000_is_400(int limit, string code)
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("Select", $$"""{"entityName":"customer","limit":{{limit}}}""");

        Assert.Equal(["limit"], WeavyTestClient.DetailFields(await WeavyTestClient.AssertErrorAsync(response, 400, code)));
    }

    [Theory]
    [InlineData("""{"entityName":"client"}""", "UnknownEntity", "entityName", "'client'")]
    [InlineData("""{"entityName":"customer","returnFields":[{"fieldName":"Name"}]}""", "UnknownField", "returnFields[0].fieldName", "'name'")]
    [InlineData("""{"entityName":"customer","filterFields":[{"fieldName":"town","operator":"Equal","filterValues":["x"]}]}""", "UnknownField", "filterFields[0].fieldName", "'town'")]
    [InlineData("""{"entityName":"customer","filterFields":[{"fieldName":"city","operator":"Like","filterValues":["x"]}]}""", "UnknownOperator", "filterFields[0].operator", "'Like'")]
    [InlineData("""{"entityName":"customer","filterFields":[{"fieldName":"revenue","operator":"Equal","filterValues":["12,5"]}]}""", "InvalidValue", "filterFields[0].filterValues[0]", "dot")]
    [InlineData("""{"entityName":"customer","filterFields":[{"fieldName":"revenue","operator":"Contains","filterValues":["12"]}]}""", "InvalidRequest", "filterFields[0].operator", "text fields")]
    [InlineData("""{"entityName":"customer","filterFields":[{"fieldName":"city","operator":"Equal","filterValues":["a","b"]}]}""", "InvalidRequest", "filterFields[0].filterValues", "exactly one")]
    [InlineData("""{"entityName":"customer","sortFields":[{"fieldName":"city","direction":"DOWN"}]}""", "InvalidRequest", "sortFields[0].direction", "ASC or DESC")]
    public async Task Unknown_names_and_bad_values_are_400_naming_them(string body, string code, string field, string says)
    {
        await using var client = await StartAsync();

        using var response = await client.PostDataAsync("Select", body);

        var error = await WeavyTestClient.AssertErrorAsync(response, 400, code, says);
        Assert.Equal([field], WeavyTestClient.DetailFields(error));
    }

    [Fact]
    public async Task SrvExport_selects_by_export_status_and_another_company_is_403()
    {
        await using var client = await StartAsync();

        var codes = await client.CodesAsync("""{"entityName":"customer","companyCode":"C01","srvExport":0}""");
        Assert.Equal(Stored(client).Where(r => (long)r["srvExport"]! == 0).Select(r => (string)r["customer_ID"]!), codes);
        Assert.InRange(codes.Count, 1, Customers - 1);

        using var other = await client.PostDataAsync("Select", """{"entityName":"customer","companyCode":"C02"}""");
        await WeavyTestClient.AssertErrorAsync(other, 403, "CompanyNotAllowed");
    }

    /// <summary>
    /// The Select answers exactly the stored customers the predicate keeps, in code order; and the predicate
    /// keeps some but not all (so the test says something). The codes answered.
    /// </summary>
    private static async Task<List<string>> AssertSelectsAsync(WeavyTestClient client, string select, Func<IReadOnlyDictionary<string, object?>, bool> expected)
    {
        var codes = await client.CodesAsync(select);
        var wanted = Stored(client).Where(expected).Select(r => (string)r["customer_ID"]!).ToList();
        Assert.NotEmpty(wanted);
        Assert.NotEqual(Customers, wanted.Count);
        Assert.Equal(wanted, codes);
        return codes;
    }

    private static List<IReadOnlyDictionary<string, object?>> Stored(WeavyTestClient client) =>
        [.. client.Weavy.Records("customer").Where(r => !(bool)r["deleted"]!)];

    private static object? Typed(string field, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        _ when field is "revenue" => decimal.Parse(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), CultureInfo.InvariantCulture),
        _ when field is "createdOn" => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ when field is "isActive" => value.GetBoolean(),
        _ => value.GetString(),
    };

    /// <summary>The operators' meaning, evaluated independently of the server: SQL nulls, text ignoring case.</summary>
    private static bool Matches(string op, object? value, List<object?> wanted)
    {
        if (wanted[0] is null)
        {
            return (value is null) == (op == "Equal");
        }

        if (value is null)
        {
            return false;
        }

        int Compare(object? w) => value is string s ? string.Compare(s, (string)w!, StringComparison.OrdinalIgnoreCase) : ((IComparable)value).CompareTo(w);
        return op switch
        {
            "Equal" => Compare(wanted[0]) == 0,
            "NotEqual" => Compare(wanted[0]) != 0,
            "GreaterThan" => Compare(wanted[0]) > 0,
            "GreaterThanOrEqual" => Compare(wanted[0]) >= 0,
            "LessThan" => Compare(wanted[0]) < 0,
            "LessThanOrEqual" => Compare(wanted[0]) <= 0,
            "Contains" => ((string)value).Contains((string)wanted[0]!, StringComparison.OrdinalIgnoreCase),
            "StartsWith" => ((string)value).StartsWith((string)wanted[0]!, StringComparison.OrdinalIgnoreCase),
            "In" => wanted.Any(w => Compare(w) == 0),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
    }
}
