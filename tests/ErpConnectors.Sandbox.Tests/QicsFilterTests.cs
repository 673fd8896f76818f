using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>
/// $filter on OverviewCustomer: each filter's answer is compared with the same predicate evaluated here over
/// all 500 rows, and must select some rows but not all (so a filter that is ignored, or matches nothing, fails).
/// </summary>
public sealed class QicsFilterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset June2015 = new(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NewYear2016Amsterdam = new(2016, 1, 1, 0, 0, 0, TimeSpan.FromHours(1));

    private static readonly Dictionary<string, Func<JsonElement, bool>> Filters = new()
    {
        ["IsActive eq true"] = r => Bool(r, "IsActive"),
        ["IsActive eq false"] = r => !Bool(r, "IsActive"),
        ["IsActive ne true"] = r => !Bool(r, "IsActive"),
        ["IsActive"] = r => Bool(r, "IsActive"),
        ["not IsActive"] = r => !Bool(r, "IsActive"),
        ["CustomerId eq 250"] = r => Long(r, "CustomerId") == 250,
        ["CustomerId ne 250"] = r => Long(r, "CustomerId") != 250,
        ["CustomerId gt 250"] = r => Long(r, "CustomerId") > 250,
        ["CustomerId ge 250"] = r => Long(r, "CustomerId") >= 250,
        ["CustomerId lt 250"] = r => Long(r, "CustomerId") < 250,
        ["CustomerId le 250"] = r => Long(r, "CustomerId") <= 250,
        ["CustomerId gt -1 and CustomerId lt 3"] = r => Long(r, "CustomerId") < 3,
        ["ProjectCount ge 2"] = r => Long(r, "ProjectCount") >= 2,
        ["TotalBudget gt 50000.5"] = r => r.GetProperty("TotalBudget").GetDecimal() > 50000.5m,
        ["TotalBudget eq 0"] = r => r.GetProperty("TotalBudget").GetDecimal() == 0,
        ["City eq '''s-Hertogenbosch'"] = r => Text(r, "City") == "'s-Hertogenbosch",
        ["City ne 'Amsterdam'"] = r => Text(r, "City") != "Amsterdam",
        ["City eq 'UTRECHT'"] = r => Text(r, "City") == "Utrecht",
        ["City gt 'N'"] = r => string.Compare(Text(r, "City"), "N", StringComparison.OrdinalIgnoreCase) > 0,
        ["contains(Name,'''')"] = r => Text(r, "Name")!.Contains('\'', StringComparison.Ordinal),
        ["startswith(Name,'''t Hart ')"] = r => Text(r, "Name")!.StartsWith("'t Hart ", StringComparison.Ordinal),
        ["City eq 'Utrecht' or City eq 'Breda'"] = r => Text(r, "City") is "Utrecht" or "Breda",
        ["(City eq 'Utrecht' or City eq 'Breda') and IsActive eq false"] = r => Text(r, "City") is "Utrecht" or "Breda" && !Bool(r, "IsActive"),
        ["City eq 'Utrecht' or City eq 'Breda' and IsActive eq false"] = r => Text(r, "City") == "Utrecht" || (Text(r, "City") == "Breda" && !Bool(r, "IsActive")),
        ["not (City eq 'Utrecht') and not(City eq 'Breda')"] = r => Text(r, "City") is not ("Utrecht" or "Breda"),
        ["City in ('Utrecht', 'Breda','Zwolle')"] = r => Text(r, "City") is "Utrecht" or "Breda" or "Zwolle",
        ["Email eq null"] = r => r.GetProperty("Email").ValueKind == JsonValueKind.Null,
        ["Email ne null"] = r => r.GetProperty("Email").ValueKind != JsonValueKind.Null,
        ["null eq Email"] = r => r.GetProperty("Email").ValueKind == JsonValueKind.Null,
        ["CreatedOn lt 2015-06-01T00:00:00Z"] = r => Time(r, "CreatedOn") < June2015,
        ["CreatedOn ge 2016-01-01T00:00:00+01:00"] = r => Time(r, "CreatedOn") >= NewYear2016Amsterdam,
        ["CreatedOn gt 2015-12-31T23:00:00.0000000Z"] = r => Time(r, "CreatedOn") > NewYear2016Amsterdam,
        ["contains(Name,'groep')"] = r => Text(r, "Name")!.Contains("Groep", StringComparison.Ordinal),
        ["startswith(Code,'C001')"] = r => Text(r, "Code")!.StartsWith("C001", StringComparison.Ordinal),
        ["endswith(Name, 'B.V.') eq false"] = r => !Text(r, "Name")!.EndsWith("B.V.", StringComparison.Ordinal),
        ["contains(Email,'bouw')"] = r => Text(r, "Email")?.Contains("bouw", StringComparison.Ordinal) == true,
        ["tolower(City) eq 'den haag'"] = r => Text(r, "City") == "Den Haag",
        ["toupper(City) eq 'DEN HAAG' and ProjectCount gt 0"] = r => Text(r, "City") == "Den Haag" && Long(r, "ProjectCount") > 0,
    };

    private QicsTestClient _client = null!;
    private List<JsonElement> _all = null!;

    public static TheoryData<string> FilterTexts() => [.. Filters.Keys];

    public async Task InitializeAsync()
    {
        _client = await QicsTestClient.StartAsync();
        _all = await _client.ValuesAsync("OverviewCustomer?$top=1000");
        Assert.Equal(500, _all.Count);
    }

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Theory]
    [MemberData(nameof(FilterTexts))]
    public async Task The_filter_selects_what_the_predicate_selects(string filter)
    {
        var expected = _all.Where(Filters[filter]).Select(r => Long(r, "CustomerId")).ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(_all.Count, expected.Count);

        var actual = await _client.IdsAsync("OverviewCustomer" + QicsTestClient.Query(("$filter", filter), ("$top", "1000")));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Name eq 'x", "no closing quote")]
    [InlineData("Nmae eq 'x'", "Could not find a property named 'Nmae' on type 'Qics.OverviewCustomer'")]
    [InlineData("name eq 'x'", "case-sensitive: 'Name'")]
    [InlineData("Name eq 5", "cannot compare Edm.String with Edm.Int64")]
    [InlineData("CustomerId eq '5'", "cannot compare Edm.Int64 with Edm.String")]
    [InlineData("IsActive gt false", "cannot compare Edm.Boolean")]
    [InlineData("CreatedOn gt 5", "cannot compare Edm.DateTimeOffset")]
    [InlineData("Name EQ 'x'", "operators are lower case (eq)")]
    [InlineData("City eq 'A' AND IsActive", "operators are lower case (and)")]
    [InlineData("not Name eq 'x'", "'not' needs a Boolean operand")]
    [InlineData("(Name eq 'x'", "no matching ')'")]
    [InlineData("Name eq 'x' and", "ends where a value was expected")]
    [InlineData("Name eq 'x' IsActive", "unexpected 'IsActive'")]
    [InlineData("Name", "must be a Boolean expression")]
    [InlineData("CustomerId and IsActive", "'and' needs Boolean operands")]
    [InlineData("CreatedOn gt datetime'2020-01-01T00:00:00'", "OData v3 syntax")]
    [InlineData("CreatedOn gt 2020-01-01", "is an Edm.Date")]
    [InlineData("CreatedOn gt 2020-01-01T00:00:00", "needs an offset")]
    [InlineData("CreatedOn gt 2020-13-01T00:00:00Z", "not a valid timestamp")]
    [InlineData("substringof('a',Name)", "unknown function 'substringof' (OData v3")]
    [InlineData("contains(Name)", "contains takes 2 argument(s), not 1")]
    [InlineData("contains(CustomerId,'1')", "argument 1 of contains must be Edm.String")]
    [InlineData("CustomerId add 1 eq 2", "'add' is not supported")]
    [InlineData("CustomerId eq 10L", "unexpected 'L' after the literal 10")]
    [InlineData("Customer/Name eq 'x'", "property paths")]
    [InlineData("Name eq \"x\"", "unexpected character '\"'")]
    [InlineData("   ", "empty")]
    public async Task A_bad_filter_is_400_naming_the_problem(string filter, string problem)
    {
        using var response = await _client.SendAsync(HttpMethod.Get, "OverviewCustomer" + QicsTestClient.Query(("$filter", filter)));

        var error = await QicsTestClient.AssertErrorAsync(response, 400, problem, target: "$filter");
        Assert.Equal("BadRequest", error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_plus_lost_to_url_decoding_is_explained()
    {
        // The client forgot to escape '+': the server reads a space there.
        using var response = await _client.SendAsync(HttpMethod.Get, "OverviewCustomer?$filter=CreatedOn%20gt%202016-01-01T00:00:00+01:00");

        await QicsTestClient.AssertErrorAsync(response, 400, "send the offset's '+' as %2B", target: "$filter");
    }

    [Fact]
    public async Task Filters_work_on_every_queryable_set()
    {
        var projects = await _client.ValuesAsync("OverviewProject" + QicsTestClient.Query(("$filter", "CustomerId eq 1 and Budget ge 0"), ("$top", "1000")));
        Assert.All(projects, p => Assert.Equal(1, Long(p, "CustomerId")));
        Assert.All(projects, p => Assert.Equal(Text(_all[0], "Name"), Text(p, "CustomerName")));
        Assert.Equal(Long(_all[0], "ProjectCount"), projects.Count);

        var employees = await _client.ValuesAsync("OverviewEmployee" + QicsTestClient.Query(("$filter", "startswith(FullName, 'Emma ')")));
        Assert.NotEmpty(employees);
        Assert.All(employees, e => Assert.Equal("Emma", Text(e, "FirstName")));

        var items = await _client.ValuesAsync("OverviewItem" + QicsTestClient.Query(("$filter", "Price lt 100 and Price gt 99.5")));
        Assert.All(items, i => Assert.InRange(i.GetProperty("Price").GetDecimal(), 99.51m, 99.99m));

        var states = await _client.ValuesAsync("EntityState" + QicsTestClient.Query(("$filter", "IsError and EntityType eq 'General'")));
        Assert.Equal("AFAS", Text(Assert.Single(states), "DataSource"));
    }

    private static bool Bool(JsonElement row, string name) => row.GetProperty(name).GetBoolean();

    private static long Long(JsonElement row, string name) => row.GetProperty(name).GetInt64();

    private static string? Text(JsonElement row, string name) => row.GetProperty(name).GetString();

    private static DateTimeOffset Time(JsonElement row, string name) => row.GetProperty(name).GetDateTimeOffset();
}
