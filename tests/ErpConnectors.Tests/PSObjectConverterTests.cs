using System.Management.Automation;
using System.Text;
using System.Text.Json;
using ErpConnectors.Core.Connections;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Tests;

public class PSObjectConverterTests
{
    private static object? Parse(string json, string? typeName = null) => ConnectionRuntime.ParseValue(Encoding.UTF8.GetBytes(json), typeName);

    private static object? Value(string jsonValue) => ((PSObject)Parse($"{{\"v\":{jsonValue}}}")!).Properties["v"].Value;

    [Fact]
    public void Numbers_become_int_long_decimal_or_double()
    {
        Assert.Equal(42, Assert.IsType<int>(Value("42")));
        Assert.Equal(-7, Assert.IsType<int>(Value("-7")));
        Assert.Equal(2147483648L, Assert.IsType<long>(Value("2147483648")));
        Assert.Equal(-9007199254740993L, Assert.IsType<long>(Value("-9007199254740993")));
        Assert.Equal(12.50m, Assert.IsType<decimal>(Value("12.50")));
        Assert.Equal(0.1m, Assert.IsType<decimal>(Value("0.1"))); // exact, not 0.1000000000000000055
        Assert.Equal(1.5e300, Assert.IsType<double>(Value("1.5e300")));
        Assert.Equal(123456789012345678901234567890.0, Assert.IsType<double>(Value("123456789012345678901234567890")));
    }

    [Fact]
    public void Iso_date_times_with_an_offset_become_DateTimeOffset()
    {
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 15, 0, TimeSpan.FromHours(2)), Assert.IsType<DateTimeOffset>(Value("\"2024-03-01T08:15:00+02:00\"")));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 15, 0, TimeSpan.Zero), Assert.IsType<DateTimeOffset>(Value("\"2024-03-01T08:15:00Z\"")));
        var withFraction = Assert.IsType<DateTimeOffset>(Value("\"2024-03-01T08:15:00.1234567-05:00\""));
        Assert.Equal(TimeSpan.FromHours(-5), withFraction.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 8, 15, 0, TimeSpan.FromHours(-5)).AddTicks(1234567), withFraction);
    }

    [Fact]
    public void Iso_date_times_without_an_offset_become_DateTime()
    {
        var local = Assert.IsType<DateTime>(Value("\"2024-03-01T08:15:00\""));
        Assert.Equal(new DateTime(2024, 3, 1, 8, 15, 0), local);
        Assert.Equal(DateTimeKind.Unspecified, local.Kind);

        var fraction = Assert.IsType<DateTime>(Value("\"2024-03-01T08:15:00.500\""));
        Assert.Equal(500, fraction.Millisecond);
    }

    [Fact]
    public void Date_only_becomes_a_DateTime_at_midnight()
    {
        var day = Assert.IsType<DateTime>(Value("\"2024-02-29\""));
        Assert.Equal(new DateTime(2024, 2, 29), day);
        Assert.Equal(TimeSpan.Zero, day.TimeOfDay);
    }

    [Theory]
    [InlineData("2024-13-01")]            // no month 13
    [InlineData("2023-02-29")]            // not a leap year
    [InlineData("2024-03-01 08:15:00")]   // space instead of T
    [InlineData("2024-03-01T08:15")]      // no seconds
    [InlineData("2024-03-01-0001")]       // an invoice number
    [InlineData("2024-03-01x")]
    [InlineData("1.2.2024")]
    [InlineData("01/02/2024")]
    [InlineData("March 1, 2024")]
    [InlineData("20240301")]
    [InlineData("2024-3-1")]
    [InlineData("12345-03-01")]
    [InlineData("2024-03-01T25:00:00")]
    [InlineData("2024-03-01T08:15:00 and more")]
    [InlineData("INV-2024-03-01")]
    [InlineData("")]
    public void Strings_that_only_look_like_dates_stay_strings(string text)
    {
        Assert.Equal(text, Assert.IsType<string>(Value($"\"{text}\"")));
    }

    [Fact]
    public void Nested_objects_and_arrays_stay_nested_and_untagged()
    {
        var record = Assert.IsType<PSObject>(Parse("{\"a\":{\"b\":[1,{\"c\":\"x\"},[true,null]]},\"e\":[],\"o\":{}}", "T.Record"));

        Assert.Equal("T.Record", record.TypeNames[0]);
        var a = Assert.IsType<PSObject>(record.Properties["a"].Value);
        Assert.DoesNotContain("T.Record", a.TypeNames);
        var b = Assert.IsType<object?[]>(a.Properties["b"].Value);
        Assert.Equal(1, b[0]);
        Assert.Equal("x", Assert.IsType<PSObject>(b[1]).Properties["c"].Value);
        Assert.Equal(new object?[] { true, null }, Assert.IsType<object?[]>(b[2]));
        Assert.Empty(Assert.IsType<object?[]>(record.Properties["e"].Value));
        Assert.Empty(Assert.IsType<PSObject>(record.Properties["o"].Value).Properties);
    }

    [Fact]
    public void Property_names_and_order_are_kept_as_the_api_sends_them()
    {
        var record = (PSObject)Parse("{\"zeta\":1,\"Alpha\":2,\"guid\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}")!;
        Assert.Equal(new[] { "zeta", "Alpha", "guid" }, record.Properties.Select(p => p.Name));
        Assert.Equal("3f2504e0-4f89-11d3-9a0c-0305e82c3301", record.Properties["guid"].Value);
    }

    [Fact]
    public void A_duplicate_key_keeps_the_last_value_once()
    {
        var record = (PSObject)Parse("{\"a\":1,\"b\":2,\"a\":3,\"A\":4}")!;
        Assert.Equal(2, record.Properties.Count());
        Assert.Equal(4, record.Properties["a"].Value);
    }

    [Fact]
    public void A_wide_record_keeps_every_property_and_still_finds_a_late_duplicate()
    {
        string fields = string.Join(",", Enumerable.Range(0, 70).Select(i => $"\"p{i}\":{i}"));
        var record = (PSObject)Parse("{" + fields + ",\"P3\":\"late\"}")!;
        Assert.Equal(70, record.Properties.Count());
        Assert.Equal("late", record.Properties["p3"].Value);
        Assert.Equal(69, record.Properties["p69"].Value);
    }

    [Fact]
    public void Duplicates_are_found_among_escaped_and_long_names_too_and_nested_objects_keep_their_own()
    {
        string longName = new('x', 80); // longer than the name pool takes
        var record = (PSObject)Parse($"{{\"n\\u0061me\":1,\"{longName}\":2,\"inner\":{{\"name\":5,\"NAME\":6}},\"Name\":3,\"{longName.ToUpperInvariant()}\":4}}")!;

        Assert.Equal(["name", longName, "inner"], record.Properties.Select(p => p.Name)); // first spelling, first place
        Assert.Equal(3, record.Properties["name"].Value);
        Assert.Equal(4, record.Properties[longName].Value);
        var inner = (PSObject)record.Properties["inner"].Value;
        Assert.Equal(["name"], inner.Properties.Select(p => p.Name));
        Assert.Equal(6, inner.Properties["name"].Value);
    }

    [Fact]
    public void A_value_cut_by_the_end_of_a_buffer_is_not_read_until_the_rest_has_come()
    {
        byte[] json = Encoding.UTF8.GetBytes("{\"a\":{\"b\":[1,2,{\"c\":\"text\"}]},\"d\":12345}");
        for (int cut = 1; cut < json.Length; cut++)
        {
            var partial = new Utf8JsonReader(json.AsSpan(0, cut), isFinalBlock: false, default);
            Assert.True(partial.Read());
            Assert.False(PSObjectConverter.TryReadTopLevel(ref partial, "T", out _), $"cut at {cut}");
        }

        var whole = new Utf8JsonReader(json, isFinalBlock: false, default);
        Assert.True(whole.Read());
        Assert.True(PSObjectConverter.TryReadTopLevel(ref whole, "T", out object? value));
        var record = Assert.IsType<PSObject>(value);
        Assert.Equal(12345, record.Properties["d"].Value);
        Assert.Equal("text", ((PSObject)((object?[])((PSObject)record.Properties["a"].Value).Properties["b"].Value)[2]!).Properties["c"].Value);
    }

    [Fact]
    public void Every_record_of_a_list_answer_carries_the_type_name()
    {
        var items = Assert.IsType<object?[]>(Parse("[{\"id\":1},{\"id\":2}]", "ErpConnectors.Severa.Customer"));
        Assert.Equal(2, items.Length);
        Assert.All(items, item => Assert.Equal("ErpConnectors.Severa.Customer", ((PSObject)item!).TypeNames[0]));
    }

    [Fact]
    public void Empty_and_null_answers_are_null()
    {
        Assert.Null(Parse(""));
        Assert.Null(Parse("null"));
    }

    [Fact]
    public void TryParseDate_rejects_what_it_cannot_read()
    {
        Assert.False(PSObjectConverter.TryParseDate("2024-03-01T08:15:00+99:00", out _));
        Assert.True(PSObjectConverter.TryParseDate("2024-03-01t08:15:00z", out object? lower));
        Assert.IsType<DateTimeOffset>(lower);
    }
}
