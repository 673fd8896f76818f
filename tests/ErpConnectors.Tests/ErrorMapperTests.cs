using System.Management.Automation;
using System.Net;
using System.Text;
using ErpConnectors.Core.Errors;
using ErpConnectors.Severa;
using ErpConnectors.Tests.Support;
using RichardSzalay.MockHttp;

namespace ErpConnectors.Tests;

public class ErrorMapperTests
{
    private static HttpResponseMessage Response(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        return response;
    }

    private static Task<ApiException> MapAsync(HttpResponseMessage response, string call = "GET /customers") =>
        ErrorMapper.FromResponseAsync("Severa", response, new SeveraErrorParser(), call);

    [Fact]
    public async Task A_Severa_error_body_becomes_a_message_with_details_and_locations()
    {
        using var response = Response(HttpStatusCode.BadRequest,
            "{\"error\":{\"httpStatusCode\":400,\"type\":\"InvalidParameter\",\"details\":[" +
            "{\"message\":\"rowCount must be at most 500\",\"location\":\"rowCount\"},{\"message\":\"changedSince is not a date\",\"location\":\"\"}]}}");

        ApiException ex = await MapAsync(response);

        Assert.Equal("Severa GET /customers failed (400 Bad Request): rowCount must be at most 500 (at 'rowCount') changedSince is not a date", ex.Message);
        Assert.Equal("Severa.InvalidParameter", ex.ErrorId);
        Assert.Equal("InvalidParameter", ex.VendorCode);
        Assert.Equal(ErrorCategory.InvalidArgument, ex.Category);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        Assert.Equal("GET /customers", ex.Call);
        Assert.False(ex.IsTerminating);
    }

    [Fact]
    public async Task A_403_names_the_scopes_accepted_and_held()
    {
        using var response = Response(HttpStatusCode.Forbidden,
            "{\"error\":{\"httpStatusCode\":403,\"type\":\"InsufficientApiScope\",\"details\":[{\"message\":\"Insufficient scope\"}]}}");
        response.Headers.TryAddWithoutValidation("X-Accepted-OAuth-Scopes", "invoices:write");
        response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "customers:read invoices:read");

        ApiException ex = await MapAsync(response, "POST /invoices");

        Assert.Contains("Insufficient scope", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scopes accepted: invoices:write", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scopes held: customers:read invoices:read", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.PermissionDenied, ex.Category);
        Assert.Contains("-Scope", ex.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_without_a_body_still_names_the_scopes()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent(string.Empty) };
        response.Headers.TryAddWithoutValidation("X-Accepted-OAuth-Scopes", "invoices:write");
        response.Headers.TryAddWithoutValidation("X-OAuth-Scopes", "customers:read");

        ApiException ex = await MapAsync(response);

        Assert.Contains("scopes accepted: invoices:write", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scopes held: customers:read", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_429_plain_text_body_is_the_message()
    {
        using var response = Response((HttpStatusCode)429, "Rate limit exceeded: 10 requests per second\n", "text/plain");

        ApiException ex = await MapAsync(response);

        Assert.Equal("Severa GET /customers failed (429 Too Many Requests): Rate limit exceeded: 10 requests per second", ex.Message);
        Assert.Equal(ErrorCategory.LimitsExceeded, ex.Category);
        Assert.Equal("Severa.429", ex.ErrorId);
    }

    [Fact]
    public async Task An_html_error_page_is_not_shown_as_the_message()
    {
        using var response = Response(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1><script>x()</script></body></html>", "text/html");

        ApiException ex = await MapAsync(response);

        Assert.Equal("Severa GET /customers failed (502 Bad Gateway): 502 Bad Gateway", ex.Message);
        Assert.Equal(ErrorCategory.ResourceUnavailable, ex.Category);
    }

    [Theory]
    [InlineData("{\"error\":")]
    [InlineData("{not json at all")]
    [InlineData("{\"error\":\"just a string\"}")]
    [InlineData("{\"message\":\"some other shape\"}")]
    public async Task A_body_that_is_not_Severa_shaped_still_yields_an_ApiException(string body)
    {
        using var response = Response(HttpStatusCode.InternalServerError, body);

        ApiException ex = await MapAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, ex.StatusCode);
        Assert.StartsWith("Severa GET /customers failed (500 Internal Server Error): ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("Severa.500", ex.ErrorId);
    }

    [Fact]
    public async Task A_long_body_is_truncated()
    {
        using var response = Response(HttpStatusCode.InternalServerError, new string('x', 10_000), "text/plain");
        ApiException ex = await ErrorMapper.FromResponseAsync("Test", response, parser: null, "GET /x");
        Assert.True(ex.Message.Length < 2200, $"message of {ex.Message.Length} chars");
        Assert.EndsWith("...", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_401_is_terminating()
    {
        using var response = Response(HttpStatusCode.Unauthorized, "{\"error\":{\"httpStatusCode\":401,\"type\":\"AuthenticationRequired\"}}");
        ApiException ex = await MapAsync(response);

        Assert.True(ex.IsTerminating);
        Assert.True(ex.IsAuthenticationFailure);
        Assert.Equal(ErrorCategory.AuthenticationError, ex.Category);
        Assert.Contains("AuthenticationRequired", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, ErrorCategory.InvalidArgument)]
    [InlineData(401, ErrorCategory.AuthenticationError)]
    [InlineData(403, ErrorCategory.PermissionDenied)]
    [InlineData(404, ErrorCategory.ObjectNotFound)]
    [InlineData(409, ErrorCategory.InvalidOperation)]
    [InlineData(429, ErrorCategory.LimitsExceeded)]
    [InlineData(503, ErrorCategory.ResourceUnavailable)]
    [InlineData(500, ErrorCategory.ResourceUnavailable)]
    [InlineData(408, ErrorCategory.OperationTimeout)]
    [InlineData(501, ErrorCategory.NotImplemented)]
    [InlineData(418, ErrorCategory.NotSpecified)]
    public void Status_maps_to_a_category(int status, ErrorCategory category) =>
        Assert.Equal(category, ErrorMapper.CategoryOf((HttpStatusCode)status));

    [Fact]
    public void The_ErrorRecord_targets_the_business_id_and_carries_the_message_and_action()
    {
        var id = Guid.NewGuid();
        var ex = new ApiException("Severa", "Severa GET /customers/x failed (404 Not Found): no such customer", ErrorCategory.ObjectNotFound, "Severa.404")
        {
            StatusCode = HttpStatusCode.NotFound,
            RecommendedAction = "Check the id.",
        };

        ErrorRecord record = ErrorMapper.ToErrorRecord(ex, id);

        Assert.Equal(id, record.TargetObject);
        Assert.Equal(ErrorCategory.ObjectNotFound, record.CategoryInfo.Category);
        Assert.StartsWith("Severa.404", record.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ex.Message, record.ErrorDetails.Message);
        Assert.Equal("Check the id.", record.ErrorDetails.RecommendedAction);
        Assert.Same(ex, record.Exception);
    }

    [Fact]
    public void Without_an_explicit_target_the_exception_target_is_used()
    {
        var ex = new ApiException("Severa", "m", ErrorCategory.InvalidArgument, "Severa.400") { Target = "row-7" };
        Assert.Equal("row-7", ErrorMapper.ToErrorRecord(ex).TargetObject);
    }

    [Fact]
    public void Transport_failures_map_to_timeout_or_connection_errors()
    {
        var timeout = ErrorMapper.FromTransport("Test", "GET /x", new Polly.Timeout.TimeoutRejectedException("took too long"));
        var reset = ErrorMapper.FromTransport("Test", "GET /x", new HttpRequestException("outer", new IOException("connection reset by peer")));

        Assert.Equal(ErrorCategory.OperationTimeout, timeout.Category);
        Assert.Equal("Test.Timeout", timeout.ErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, reset.Category);
        Assert.Equal("Test GET /x failed: connection reset by peer", reset.Message);
    }

    [Fact]
    public void SeveraMoney_requires_amount_and_currency_together()
    {
        Assert.Null(SeveraMoney.Validate(null, null, "UnitPrice"));
        Assert.Null(SeveraMoney.Validate(95m, "EUR", "UnitPrice"));
        ErrorRecord? missingCurrency = SeveraMoney.Validate(95m, null, "UnitPrice");
        Assert.NotNull(missingCurrency);
        Assert.Equal(ErrorCategory.InvalidArgument, missingCurrency.CategoryInfo.Category);
        Assert.Equal(95m, missingCurrency.TargetObject);
        Assert.Contains("-UnitPrice", missingCurrency.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.NotNull(SeveraMoney.Validate(null, "EUR", "UnitPrice"));
        Assert.Equal("EUR", SeveraMoney.Value(1m, "eur")["currencyCode"]);
    }

    [Fact]
    public async Task Through_a_runtime_a_404_becomes_ObjectNotFound()
    {
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestRuntime.Json("{\"error\":{\"httpStatusCode\":404,\"type\":\"NotFound\",\"details\":[{\"message\":\"Customer not found\"}]}}", HttpStatusCode.NotFound));
        using var runtime = TestRuntime.Create(mock);

        var ex = await Assert.ThrowsAsync<ApiException>(() => runtime.SendForValueAsync(Core.Requests.ApiRequest.Get("customers/abc"), null, new RecordingOutput(), CancellationToken.None));

        Assert.Equal(ErrorCategory.ObjectNotFound, ex.Category);
        Assert.Equal("Test GET /customers/abc failed (404 Not Found): Customer not found", ex.Message);
    }
}
