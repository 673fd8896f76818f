using System.Net;

namespace ErpConnectors.Sandbox.Tests;

/// <summary>The body faults answer as a broken proxy or link would, once, on the request they name.</summary>
public sealed class BodyFaultTests
{
    /// <summary>A GET that returns once the headers are in, the body left to read.</summary>
    private static Task<HttpResponseMessage> StreamAsync(SeveraTestClient client, string relative)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, client.Url(relative));
        request.Headers.Add("client_id", client.ClientId);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", client.AccessToken);
        return client.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    [Fact]
    public async Task An_HTML_fault_answers_200_with_a_sign_in_page_once()
    {
        await using var client = await SeveraTestClient.StartAsync();
        client.Server.Severa.Faults.Enqueue(new BodyFault(BodyFaultKind.Html, PathContains: "/customers"));

        using (var html = await client.SendAsync(HttpMethod.Get, "customers"))
        {
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
            Assert.Contains("<form", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await client.GetOkAsync("customers");
        Assert.Equal(1, client.Server.Severa.Faults.BodyFaultsFired);
        Assert.True(client.Server.Requests.Snapshot().First(r => r.Path.EndsWith("/customers", StringComparison.Ordinal)).FaultInjected);
    }

    [Fact]
    public async Task A_cut_off_sends_the_first_bytes_then_aborts_the_connection()
    {
        await using var client = await SeveraTestClient.StartAsync();
        client.Server.Severa.Faults.Enqueue(new BodyFault(BodyFaultKind.CutOff, PathContains: "/customers", Bytes: 50));

        using var response = await StreamAsync(client, "customers?rowCount=100");
        await using var body = await response.Content.ReadAsStreamAsync();
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        await Assert.ThrowsAnyAsync<IOException>(async () =>
        {
            int n;
            while ((n = await body.ReadAsync(buffer)) > 0)
            {
                read += n;
            }
        });
        Assert.Equal(50, read);
    }

    [Theory]
    [InlineData(BodyFaultKind.Truncated)]
    [InlineData(BodyFaultKind.ByteOrderMark)]
    public async Task Truncated_and_byte_order_mark_change_the_real_answer(BodyFaultKind kind)
    {
        await using var client = await SeveraTestClient.StartAsync();
        using var real = await client.SendAsync(HttpMethod.Get, "customers?rowCount=5");
        byte[] expected = await real.Content.ReadAsByteArrayAsync();
        client.Server.Severa.Faults.Enqueue(new BodyFault(kind, PathContains: "/customers", Bytes: 30));

        using var faulted = await client.SendAsync(HttpMethod.Get, "customers?rowCount=5");
        byte[] body = await faulted.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, faulted.StatusCode);
        Assert.Equal(kind == BodyFaultKind.Truncated ? expected[..30] : [0xEF, 0xBB, 0xBF, .. expected], body);
    }

    [Fact]
    public async Task A_huge_error_is_written_only_as_far_as_the_client_reads()
    {
        await using var client = await SeveraTestClient.StartAsync();
        client.Server.Severa.Faults.Enqueue(new BodyFault(BodyFaultKind.HugeError, PathContains: "/customers", Bytes: 512L * 1024 * 1024));

        using (var response = await StreamAsync(client, "customers"))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            byte[] buffer = new byte[4096];
            Assert.True(await body.ReadAsync(buffer) > 0);
        }

        // The client went away after 4 KB: the server stops long before 512 MB (it is written chunk by chunk as the
        // socket takes it). Waits for the server to notice, by the request log, not by time.
        Assert.Contains(client.Server.Requests.AnsweredSnapshot(TimeSpan.FromSeconds(60)), r => r.Path.EndsWith("/customers", StringComparison.Ordinal));
        Assert.True(client.Server.Severa.Faults.HugeErrorBytesSent < 64L * 1024 * 1024, $"{client.Server.Severa.Faults.HugeErrorBytesSent} bytes");
    }
}
