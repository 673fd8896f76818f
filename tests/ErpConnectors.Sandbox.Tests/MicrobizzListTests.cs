using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>Unpaged lists written as they are generated: a million tasks start arriving at once.</summary>
public sealed class MicrobizzListTests
{
    [Fact]
    public async Task A_million_task_list_starts_arriving_before_the_server_has_generated_it()
    {
        await using var client = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TaskCount = 1_000_000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(HttpMethod.Get, "task", completion: HttpCompletionOption.ResponseHeadersRead, cancellationToken: cancel.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);

        await using var stream = await response.Content.ReadAsStreamAsync(cancel.Token);
        var first = await ReadFirstElementAsync(stream, cancel.Token);
        var elapsed = watch.Elapsed;

        // The request is still being answered: the log records a request only when its handler has finished.
        Assert.DoesNotContain(client.Server.Requests.Snapshot(), r => r.Path.EndsWith("/task", StringComparison.Ordinal));
        Assert.Equal(1, first.GetProperty("task_id").GetInt64());
        Assert.True(elapsed < TimeSpan.FromSeconds(5), $"first element after {elapsed}");
        await cancel.CancelAsync();
    }

    [Fact]
    public async Task A_large_list_is_complete_and_in_order_and_same_seed_gives_same_rows()
    {
        await using var client = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TaskCount = 50_000);
        var tasks = await client.ListAsync("task");
        Assert.Equal(50_000, tasks.Count);
        Assert.Equal(Enumerable.Range(1, 50_000).Select(i => (long)i), tasks.Select(t => t.GetProperty("task_id").GetInt64()));

        await using var again = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TaskCount = 50_000);
        Assert.Equal(tasks[12_345].GetRawText(), (await again.GetOkAsync("task/12346")).GetRawText());

        await using var other = await MicrobizzTestClient.StartAsync(o =>
        {
            o.Microbizz.TaskCount = 50_000;
            o.Seed = 7;
        });
        Assert.NotEqual(tasks[12_345].GetRawText(), (await other.GetOkAsync("task/12346")).GetRawText());
    }

    [Fact]
    public async Task An_empty_filter_result_is_an_empty_array()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        Assert.Empty(await client.ListAsync("task?title=nothing-is-called-this"));
        await using var none = await MicrobizzTestClient.StartAsync(o => o.Microbizz.TaskCount = 0);
        Assert.Empty(await none.ListAsync("task"));
        Assert.Empty(await none.ListAsync("assignment"));
    }

    /// <summary>Reads bytes until the array's first element is complete, and parses it.</summary>
    private static async Task<JsonElement> ReadFirstElementAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            Assert.True(read > 0, "The body ended before its first element.");
            buffer.Write(chunk, 0, read);
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            Assert.StartsWith("[{", text, StringComparison.Ordinal);
            var end = text.IndexOf("},{", StringComparison.Ordinal);
            if (end > 0)
            {
                using var document = JsonDocument.Parse(text[1..(end + 1)]);
                return document.RootElement.Clone();
            }
        }
    }
}
