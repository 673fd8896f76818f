using System.Management.Automation;
using System.Text;
using System.Text.Json;
using ErpConnectors.Core.Json;
using ErpConnectors.Tests.Support;

namespace ErpConnectors.Tests;

public class JsonElementStreamTests
{
    private static async Task<List<object?>> ReadAllAsync(JsonElementStream elements)
    {
        var items = new List<object?>();
        while (true)
        {
            var (found, value) = await elements.ReadNextAsync(CancellationToken.None);
            if (!found)
            {
                return items;
            }

            items.Add(value);
        }
    }

    private static async Task<List<object?>> ReadAllAsync(Stream stream, string? arrayProperty = null, string? typeName = null)
    {
        using var elements = new JsonElementStream(stream, arrayProperty, typeName);
        return await ReadAllAsync(elements);
    }

    private static string Records(int count) =>
        "[" + string.Join(",\n  ", Enumerable.Range(0, count).Select(i =>
            $"{{\"id\":{i},\"name\":\"Åström \\\"{i}\\\" ✓ 漢字\",\"amount\":{i}.25,\"changed\":\"2024-03-0{i % 9 + 1}T08:15:00+02:00\"," +
            $"\"tags\":[\"a\",{i},null,true],\"address\":{{\"city\":\"Oulu\",\"lines\":[\"x\",\"y\"]}},\"big\":{5_000_000_000L + i}}}")) + "]";

    private static void AssertRecord(int i, object? value)
    {
        var record = Assert.IsType<PSObject>(value);
        Assert.Equal(i, record.Properties["id"].Value);
        Assert.Equal($"Åström \"{i}\" ✓ 漢字", record.Properties["name"].Value);
        Assert.Equal(i + 0.25m, record.Properties["amount"].Value);
        Assert.Equal(new DateTimeOffset(2024, 3, i % 9 + 1, 8, 15, 0, TimeSpan.FromHours(2)), record.Properties["changed"].Value);
        Assert.Equal(new object?[] { "a", i, null, true }, (object?[])record.Properties["tags"].Value);
        var address = Assert.IsType<PSObject>(record.Properties["address"].Value);
        Assert.Equal("Oulu", address.Properties["city"].Value);
        Assert.Equal(new object?[] { "x", "y" }, (object?[])address.Properties["lines"].Value);
        Assert.Equal(5_000_000_000L + i, record.Properties["big"].Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    public async Task Elements_split_across_reads_at_any_byte_are_read_intact(int seed)
    {
        var stream = new TrickleStream(Records(60), maxChunk: 7, seed: seed);
        var items = await ReadAllAsync(stream, typeName: "T.Row");

        Assert.Equal(60, items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            AssertRecord(i, items[i]);
            Assert.Equal("T.Row", ((PSObject)items[i]!).TypeNames[0]);
        }

        Assert.True(stream.Reads > 100, "the stream must really have been read in small pieces");
    }

    [Fact]
    public async Task One_byte_reads_work()
    {
        var items = await ReadAllAsync(new TrickleStream(Records(3), maxChunk: 1));
        Assert.Equal(3, items.Count);
        AssertRecord(2, items[2]);
    }

    [Fact]
    public async Task An_element_larger_than_the_initial_buffer_is_read_whole()
    {
        string huge = new string('x', 100_000) + "é";
        string json = $"[{{\"id\":1}},{{\"id\":2,\"blob\":\"{huge}\",\"n\":[{string.Join(",", Enumerable.Range(0, 5000))}]}},{{\"id\":3}}]";
        var items = await ReadAllAsync(new TrickleStream(json, maxChunk: 4096));

        Assert.Equal(3, items.Count);
        var big = (PSObject)items[1]!;
        Assert.Equal(huge, big.Properties["blob"].Value);
        Assert.Equal(5000, ((object?[])big.Properties["n"].Value).Length);
        Assert.Equal(3, ((PSObject)items[2]!).Properties["id"].Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n ")]
    public async Task An_empty_body_yields_nothing(string body)
    {
        using var elements = new JsonElementStream(new MemoryStream(Encoding.UTF8.GetBytes(body)), null, null);
        Assert.Empty(await ReadAllAsync(elements));
        Assert.False(elements.FoundArray);
    }

    [Fact]
    public async Task An_empty_array_yields_nothing_but_counts_as_found()
    {
        using var elements = new JsonElementStream(new TrickleStream(" [ ] "), null, null);
        Assert.Empty(await ReadAllAsync(elements));
        Assert.True(elements.FoundArray);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("value")]
    public async Task A_null_body_yields_nothing(string? arrayProperty)
    {
        using var elements = new JsonElementStream(new TrickleStream("null"), arrayProperty, null);
        Assert.Empty(await ReadAllAsync(elements));
        Assert.False(elements.FoundArray);
    }

    [Theory]
    [InlineData("[{\"id\":1},{\"id\":")]
    [InlineData("[{\"id\":1},")]
    [InlineData("[{\"id\":1}")]
    [InlineData("{\"Total\":3,\"Results\":[{\"id\":1}")]
    [InlineData("{\"Total\":3,\"Results\":[{\"id\":1}],\"Offset\":")]
    public async Task A_truncated_body_is_a_body_cut_off_after_the_complete_elements(string body)
    {
        using var elements = new JsonElementStream(new TrickleStream(body, maxChunk: 3), "Results", null);
        var (found, first) = await elements.ReadNextAsync(CancellationToken.None);
        Assert.True(found);
        Assert.Equal(1, ((PSObject)first!).Properties["id"].Value);

        // Without framing, a clean end inside the array is how a cut-off connection looks: an I/O failure, read again.
        await Assert.ThrowsAsync<BodyEndedEarlyException>(async () =>
        {
            while ((await elements.ReadNextAsync(CancellationToken.None)).Found)
            {
            }
        });
    }

    [Theory]
    [InlineData("<html><body>Sign in</body></html>")]
    [InlineData("Service unavailable")]
    [InlineData("42")]
    public async Task A_body_that_is_not_JSON_is_a_JSON_error_not_a_cut_off(string body)
    {
        using var elements = new JsonElementStream(new TrickleStream(body, maxChunk: 3), null, null);
        await Assert.ThrowsAnyAsync<JsonException>(async () => await elements.ReadNextAsync(CancellationToken.None));
        Assert.Equal(body, await elements.ExcerptAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_byte_order_mark_split_across_reads_is_passed_over()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "[{\"id\":1}]"u8.ToArray()];
        using var elements = new JsonElementStream(new TrickleStream(body, maxChunk: 1), null, null);
        var (found, first) = await elements.ReadNextAsync(CancellationToken.None);
        Assert.True(found);
        Assert.Equal(1, ((PSObject)first!).Properties["id"].Value);
    }

    [Fact]
    public async Task Envelope_scalars_before_and_after_the_array_are_kept()
    {
        const string json = "{\"Offset\":10,\"Note\":\"a [tricky] {one}\",\"Nested\":{\"x\":[1,2]},\"Results\":[{\"id\":1},{\"id\":2}]," +
            "\"Total\":42,\"@odata.nextLink\":\"https://next\",\"Empty\":null,\"Flag\":true}";
        using var elements = new JsonElementStream(new TrickleStream(json, maxChunk: 5), "results", "T");

        var items = await ReadAllAsync(elements);

        Assert.Equal(2, items.Count);
        Assert.True(elements.FoundArray);
        Assert.Equal(10, elements.Envelope["offset"]);
        Assert.Equal("a [tricky] {one}", elements.Envelope["Note"]);
        Assert.Equal(42, elements.Envelope["Total"]);
        Assert.Equal("https://next", elements.Envelope["@odata.nextLink"]);
        Assert.Null(elements.Envelope["Empty"]);
        Assert.Equal(true, elements.Envelope["Flag"]);
        Assert.IsType<PSObject>(elements.Envelope["Nested"]);
    }

    [Fact]
    public async Task An_envelope_without_the_array_yields_nothing()
    {
        using var elements = new JsonElementStream(new TrickleStream("{\"Total\":0,\"ResponseStatus\":{}}"), "Results", null);
        Assert.Empty(await ReadAllAsync(elements));
        Assert.False(elements.FoundArray);
        Assert.Equal(0, elements.Envelope["Total"]);
    }

    [Fact]
    public async Task An_object_where_a_bare_array_was_expected_is_an_error()
    {
        using var elements = new JsonElementStream(new TrickleStream("{\"id\":1}"), null, null);
        await Assert.ThrowsAnyAsync<JsonException>(async () => await elements.ReadNextAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Scalar_elements_are_read_as_values()
    {
        var items = await ReadAllAsync(new TrickleStream("[1, \"two\", 3.5, null, false, 12345678901, \"2024-01-02\"]", maxChunk: 2));
        Assert.Equal(new object?[] { 1, "two", 3.5m, null, false, 12345678901L, new DateTime(2024, 1, 2) }, items);
    }

    [Fact]
    public async Task The_first_element_arrives_before_the_body_ends()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stream = new GatedStream(Encoding.UTF8.GetBytes("[{\"id\":1},"), Encoding.UTF8.GetBytes("{\"id\":2}]"), gate.Task);
        using var elements = new JsonElementStream(stream, null, null);

        var first = await elements.ReadNextAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(first.Found);
        Assert.False(gate.Task.IsCompleted);

        ValueTask<(bool, object?)> second = elements.ReadNextAsync(CancellationToken.None);
        Assert.False(second.IsCompleted); // it must wait for the rest of the body
        gate.SetResult();
        var (found, value) = await second.AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(found);
        Assert.Equal(2, ((PSObject)value!).Properties["id"].Value);
        Assert.False((await elements.ReadNextAsync(CancellationToken.None)).Found);
    }

    [Theory]
    [InlineData(7, 1)]
    [InlineData(7, 2)]
    [InlineData(4096, 3)]
    public async Task Deferred_records_are_split_intact_and_convert_to_the_same_records(int maxChunk, int seed)
    {
        string huge = new string('x', 70_000); // a record larger than a block of pending records
        string json = Records(40).TrimEnd(']') + $",/* a comment */{{\"id\":40,\"blob\":\"{huge}\"}},7]";
        var direct = await ReadAllAsync(new TrickleStream(json, maxChunk, seed), typeName: "T.Row");
        using var elements = new JsonElementStream(new TrickleStream(json, maxChunk, seed), null, "T.Row") { DeferRecords = true };
        var deferred = await ReadAllAsync(elements);

        Assert.Equal(42, deferred.Count);
        Assert.All(deferred.Take(41), d => Assert.IsType<PendingRecord>(d)); // objects wait; the scalar does not
        Assert.Equal(7, deferred[41]);
        var resolved = deferred.Select(d => d is PendingRecord p ? p.Resolve() : d).ToList();
        for (int i = 0; i < 40; i++)
        {
            AssertRecord(i, resolved[i]);
            Assert.Equal("T.Row", ((PSObject)resolved[i]!).TypeNames[0]);
        }

        Assert.Equal(huge, ((PSObject)resolved[40]!).Properties["blob"].Value);
        Assert.Equal(direct.Count, resolved.Count);
    }
}
