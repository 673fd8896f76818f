using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>File fields: add, read the id, read the contents with include_binary_data=1, replace, remove.</summary>
public sealed class MicrobizzFileTests
{
    private static string Add(byte[] content, string fileName = "plan.pdf", string mimeType = "application/pdf") =>
        JsonSerializer.Serialize(new { attachment = new { action = "add", filename = fileName, mimetype = mimeType, binary = Convert.ToBase64String(content) } });

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public async Task A_file_added_reads_back_byte_for_byte_and_a_plain_read_gives_its_id()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var content = Bytes(200_000, 1);
        var updated = await client.OkAsync(HttpMethod.Post, "task/5", Add(content));
        var fileId = updated.GetProperty("attachment").GetInt64();
        Assert.Equal(1, client.Microbizz.FileCount);

        var plain = await client.GetOkAsync("task/5");
        Assert.Equal(fileId, plain.GetProperty("attachment").GetInt64());

        var full = await client.GetOkAsync("task/5?include_binary_data=1");
        var file = full.GetProperty("attachment");
        Assert.Equal(fileId, file.GetProperty("id").GetInt64());
        Assert.Equal("plan.pdf", file.GetProperty("filename").GetString());
        Assert.Equal("application/pdf", file.GetProperty("mimetype").GetString());
        Assert.Equal(content, Convert.FromBase64String(file.GetProperty("binary").GetString()!));

        var listed = Assert.Single(await client.ListAsync("task?task_id=5&include_binary_data=1"));
        Assert.Equal(content, listed.GetProperty("attachment").GetProperty("binary").GetBytesFromBase64());
        Assert.Equal(JsonValueKind.Null, (await client.GetOkAsync("task/6?include_binary_data=1")).GetProperty("attachment").ValueKind);
    }

    [Fact]
    public async Task A_file_on_create_then_replaced_then_removed()
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var body = JsonSerializer.Serialize(new { title = "Med bilag", attachment = new { action = "add", filename = "a.txt", mimetype = "text/plain", binary = Convert.ToBase64String("første"u8.ToArray()) } });
        var created = await client.OkAsync(HttpMethod.Post, "task", body, HttpStatusCode.Created);
        var id = created.GetProperty("task_id").GetInt64();
        var first = created.GetProperty("attachment").GetInt64();

        var replaced = await client.OkAsync(HttpMethod.Post, $"task/{id}", Add([0, 1, 2, 255], "b.bin", "application/octet-stream"));
        var second = replaced.GetProperty("attachment").GetInt64();
        Assert.NotEqual(first, second);
        Assert.Equal(1, client.Microbizz.FileCount);
        var file = (await client.GetOkAsync($"task/{id}?include_binary_data=1")).GetProperty("attachment");
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, file.GetProperty("binary").GetBytesFromBase64());
        Assert.Equal("b.bin", file.GetProperty("filename").GetString());

        var removed = await client.OkAsync(HttpMethod.Post, $"task/{id}", """{"attachment":{"action":"remove"}}""");
        Assert.Equal(JsonValueKind.Null, removed.GetProperty("attachment").ValueKind);
        Assert.Equal("Med bilag", removed.GetProperty("title").GetString());
        Assert.Equal(0, client.Microbizz.FileCount);
    }

    [Theory]
    [InlineData("""{"attachment":{"action":"add","filename":"x","mimetype":"text/plain","binary":"not base64!"}}""", "base64")]
    [InlineData("""{"attachment":{"action":"add","mimetype":"text/plain","binary":"AAAA"}}""", "filename")]
    [InlineData("""{"attachment":{"action":"add","filename":"x","binary":"AAAA"}}""", "mimetype")]
    [InlineData("""{"attachment":{"action":"replace"}}""", "file field")]
    [InlineData("""{"attachment":"AAAA"}""", "file field")]
    [InlineData("""{"attachment":null}""", "file field")]
    public async Task A_bad_file_value_is_400_and_stores_nothing(string body, string messageContains)
    {
        await using var client = await MicrobizzTestClient.StartAsync();
        var before = await client.GetOkAsync("task/5");
        await client.AssertErrorAsync(HttpMethod.Post, "task/5", body, 400, "BadRequest", messageContains);
        Assert.Equal(0, client.Microbizz.FileCount);
        Assert.Equal(before.GetRawText(), (await client.GetOkAsync("task/5")).GetRawText());
    }
}
