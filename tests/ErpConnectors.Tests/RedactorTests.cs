using System.Net.Http.Headers;
using ErpConnectors.Core.Http;

namespace ErpConnectors.Tests;

public class RedactorTests
{
    private static string Describe(Action<HttpRequestMessage> shape)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://erp.test/");
        shape(request);
        return Redactor.Describe(request.Headers, request.Content?.Headers);
    }

    [Theory]
    [InlineData("Bearer", "eyJhbGciOi.payload.sig")]
    [InlineData("Basic", "dXNlcjpwYXNz")]
    public void Authorization_keeps_only_its_scheme(string scheme, string secret)
    {
        string text = Describe(r => r.Headers.Authorization = new AuthenticationHeaderValue(scheme, secret));

        Assert.Contains($"Authorization: {scheme} [redacted]", text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Cookie", "ss-id=abc123; ss-pid=def456")]
    [InlineData("X-ss-id", "abc123")]
    [InlineData("api-key", "abc123")]
    [InlineData("X-Api-Key", "abc123")]
    [InlineData("Proxy-Authorization", "Basic abc123")]
    [InlineData("X-Session-Token", "abc123")]
    public void Secret_headers_are_masked_entirely(string name, string value)
    {
        string text = Describe(r => r.Headers.TryAddWithoutValidation(name, value));

        Assert.Contains($"{name}: [redacted]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Set_Cookie_on_a_response_is_masked()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("Set-Cookie", "ss-id=abc123; path=/");
        string text = Redactor.Describe(response.Headers, null);

        Assert.Contains("Set-Cookie: [redacted]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_headers_and_paging_cursors_are_shown()
    {
        string text = Describe(r =>
        {
            r.Headers.TryAddWithoutValidation("client_id", "my-client");
            r.Headers.TryAddWithoutValidation("NextPageToken", "cursor-1");
            r.Headers.TryAddWithoutValidation("tenant-id", "42");
        });

        Assert.Contains("client_id: my-client", text, StringComparison.Ordinal);
        Assert.Contains("NextPageToken: cursor-1", text, StringComparison.Ordinal);
        Assert.Contains("tenant-id: 42", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password")]
    [InlineData("Password")]
    [InlineData("client_Secret")]
    [InlineData("access_token")]
    [InlineData("refresh_token")]
    [InlineData("authToken")]
    [InlineData("SessionId")]
    [InlineData("apiKey")]
    [InlineData("api_key")]
    public void Secret_json_properties_are_masked(string name)
    {
        string json = $"{{\"user\":\"alice\",\"{name}\":\"topsecret\",\"n\":1}}";
        string text = Redactor.Json(json);

        Assert.Equal($"{{\"user\":\"alice\",\"{name}\":\"[redacted]\",\"n\":1}}", text);
    }

    [Fact]
    public void Masking_covers_escaped_quotes_numbers_and_whitespace()
    {
        string text = Redactor.Json("{ \"password\" : \"to\\\"p,se}cret\", \"pin\":1,\"SessionId\": 123456 ,\"token\":null}");

        Assert.DoesNotContain("p,se}cret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("123456", text, StringComparison.Ordinal);
        Assert.Contains("\"pin\":1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Paging_cursors_and_ordinary_json_are_not_masked()
    {
        const string json = "{\"NextPageToken\":\"cursor-9\",\"pageToken\":\"cursor-8\",\"name\":\"Acme\",\"code\":\"C-1\"}";
        Assert.Equal(json, Redactor.Json(json));
    }

    [Fact]
    public void Form_and_query_secrets_are_masked()
    {
        string form = Redactor.Form("grant_type=authorization_code&code=the-code&client_id=abc&client_secret=s3&redirect_uri=http%3A%2F%2Flocalhost");

        Assert.DoesNotContain("the-code", form, StringComparison.Ordinal);
        Assert.DoesNotContain("s3&", form, StringComparison.Ordinal);
        Assert.Contains("code=[redacted]", form, StringComparison.Ordinal);
        Assert.Contains("client_secret=[redacted]", form, StringComparison.Ordinal);
        Assert.Contains("grant_type=authorization_code", form, StringComparison.Ordinal);
        Assert.Contains("client_id=abc", form, StringComparison.Ordinal);

        string query = Redactor.PathAndQuery(new Uri("https://go.test/api.php/task?access_token=tok-1&rowCount=10&pageToken=cur-2&NextPageToken=cur-3"));
        Assert.Equal("/api.php/task?access_token=[redacted]&rowCount=10&pageToken=cur-2&NextPageToken=cur-3", query);
    }

    [Fact]
    public void Form_bodies_are_recognised_by_media_type()
    {
        Assert.Equal("code=[redacted]&state=x", Redactor.Body("application/x-www-form-urlencoded", "code=abc&state=x"));
        Assert.Equal("{\"password\":\"[redacted]\"}", Redactor.Body("application/json", "{\"password\":\"p\"}"));
    }

    [Fact]
    public void A_path_without_query_is_unchanged()
    {
        Assert.Equal("/rest-api/v1.0/customers", Redactor.PathAndQuery(new Uri("https://x.test/rest-api/v1.0/customers")));
        Assert.Equal(string.Empty, Redactor.PathAndQuery(null));
    }
}
