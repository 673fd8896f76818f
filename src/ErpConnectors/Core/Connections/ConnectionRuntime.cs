using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using ErpConnectors.Core.Auth;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Http;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace ErpConnectors.Core.Connections;

/// <summary>
/// One connection's HTTP pipeline and token state, built with Microsoft.Extensions.Http. Outside in: call log,
/// deadlines, retry (Polly), pacing, authentication, redirect policy, sockets. The token endpoints use the same
/// chain without the authentication step. Thread-safe: one runtime serves every runspace that holds the connection.
/// </summary>
internal sealed class ConnectionRuntime : IDisposable
{
    private const string ApiClientName = "api";
    private const string AnonymousClientName = "anonymous";

    private readonly ServiceProvider _services;
    private readonly IHttpClientFactory _factory;
    private TokenManager? _tokens;

    public ConnectionRuntime(RuntimeOptions options)
    {
        Options = options;
        var services = new ServiceCollection();
        Register(services, ApiClientName, options, authenticated: true);
        Register(services, AnonymousClientName, options, authenticated: false);
        _services = services.BuildServiceProvider();
        _factory = _services.GetRequiredService<IHttpClientFactory>();
    }

    public RuntimeOptions Options { get; }

    public string SystemName => Options.SystemName;

    public Uri BaseUri => Options.BaseUri;

    public TokenManager Tokens => _tokens ?? throw new InvalidOperationException("The connection has no authentication set up.");

    /// <summary>Set once, before the first authenticated call (the provider needs the anonymous client).</summary>
    public void UseTokens(TokenManager tokens) => _tokens = tokens;

    /// <summary>The pipeline without authentication, for token endpoints and logins.</summary>
    public HttpClient CreateAnonymousClient() => _factory.CreateClient(AnonymousClientName);

    private void Register(ServiceCollection services, string name, RuntimeOptions options, bool authenticated)
    {
        var builder = services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan);
        builder.RemoveAllLoggers(); // our own call log replaces Microsoft.Extensions.Logging's
        builder.ConfigurePrimaryHttpMessageHandler(() => Primary(options));

        // Outside in, in the order a call lives through them: log, deadlines, retries, the pacer's queue, then the
        // token (taken as the request leaves the queue), then the redirect policy right above the socket.
        builder.AddHttpMessageHandler(() => new CallLogHandler());
        builder.AddHttpMessageHandler(() => new DeadlineHandler(options.Retry));
        builder.AddHttpMessageHandler(() => new ResilienceHandler(options.Retry));
        builder.AddHttpMessageHandler(() => new PacingHandler(options.Pacer));
        if (authenticated)
        {
            builder.AddHttpMessageHandler(() => new AuthenticationHandler(Tokens, options.Pacer));
        }

        builder.AddHttpMessageHandler(() => new RedirectHandler(options.Pacer));
    }

    // Redirects are the RedirectHandler's to judge: the socket handler must hand every 3xx up unopened.
    private static HttpMessageHandler Primary(RuntimeOptions options)
    {
        if (options.PrimaryHandler is { } primary)
        {
            HttpMessageHandler handler = primary();
            if (handler is HttpClientHandler { AllowAutoRedirect: true } sockets)
            {
                try
                {
                    sockets.AllowAutoRedirect = false;
                }
                catch (InvalidOperationException)
                {
                    // Already in use: the RedirectHandler still refuses what reaches it, but cannot see hops it made.
                }
            }

            return handler;
        }

        return new HttpClientHandler { AllowAutoRedirect = false };
    }

    /// <summary>
    /// Sends a request and returns the response with its body unread (callers stream it). A failure status is
    /// read and thrown as an <see cref="ApiException"/> carrying the vendor's message.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(ApiRequest request, ICallOutput? output, CancellationToken cancellationToken, bool anonymous = false, bool sensitiveBody = false)
    {
        using var message = new HttpRequestMessage(request.Method, request.BuildUri(BaseUri));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (request.Body is { } body)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType + "; charset=utf-8");
        }

        var call = new CallOptions(SystemName, output)
        {
            Call = request.Describe(),
            Idempotent = request.Idempotent,
            SessionBound = request.SessionBound,
            Anonymous = anonymous,
            SensitiveBody = sensitiveBody,
        };
        call.AttachTo(message);

        HttpClient client = anonymous ? CreateAnonymousClient() : _factory.CreateClient(ApiClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is TimeoutException || ex is Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ErrorMapper.FromTransport(SystemName, request.Describe(), ex, mayHaveApplied: !RetryRules.IsSafeMethod(request.Method));
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                // A gateway may echo the request in its error: what the call carried never reaches a message.
                var secrets = EchoRedactor.SecretsOf(message, request.Body, sensitiveBody);
                throw await ErrorMapper.FromResponseAsync(SystemName, response, Options.ErrorParser, request.Describe(), body => EchoRedactor.Redact(body, secrets, sensitiveBody)).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>
    /// Sends a request and reads the whole answer as one value (a record, a list, or null for an empty answer). The
    /// body must be JSON: anything else is an <see cref="ErrorMapper.UnexpectedBody"/> error, except text a caller
    /// asked for (<paramref name="acceptText"/>: CSV, XML, plain text come back as a string; HTML never does, it is
    /// a proxy's page far more often than an answer). A safe read whose body breaks off is sent again.
    /// </summary>
    public async Task<object?> SendForValueAsync(ApiRequest request, string? typeName, ICallOutput? output, CancellationToken cancellationToken, bool acceptText = false)
    {
        for (int attempt = 1; ; attempt++)
        {
            using HttpResponseMessage response = await SendAsync(request, output, cancellationToken).ConfigureAwait(false);
            byte[] bytes;
            try
            {
                bytes = response.Content is null ? Array.Empty<byte>() : await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when ((ex is IOException || ex is HttpRequestException) && !cancellationToken.IsCancellationRequested)
            {
                if (request.Idempotent && attempt <= Options.Retry.MaxRetries)
                {
                    output?.Verbose($"{SystemName} {request.Describe()}: the answer broke off ({ex.Message}); reading it again");
                    continue;
                }

                throw ErrorMapper.FromTransport(SystemName, request.Describe(), ex);
            }

            cancellationToken.ThrowIfCancellationRequested();
            return ReadValue(bytes, response, typeName, acceptText, SystemName, request.Describe());
        }
    }

    /// <summary>A whole answer's bytes as a value; see <see cref="SendForValueAsync"/> for what is accepted.</summary>
    internal static object? ReadValue(byte[] bytes, HttpResponseMessage response, string? typeName, bool acceptText, string systemName, string call)
    {
        string? mediaType = response.Content?.Headers.ContentType?.MediaType;
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        if (mediaType is not null && !IsJson(mediaType) && !LooksLikeJson(bytes, start))
        {
            if (bytes.Length == start)
            {
                return null;
            }

            if (acceptText && !mediaType.EndsWith("html", StringComparison.OrdinalIgnoreCase))
            {
                // XML metadata, CSV, plain text, to a caller of Invoke-*Request: handed over as text.
                return ErrorBody.Decode(bytes, bytes.Length, response.Content!.Headers.ContentType!.CharSet);
            }

            throw ErrorMapper.UnexpectedBody(systemName, call, response.StatusCode, mediaType, ErrorBody.Excerpt(bytes, bytes.Length), "it is not JSON");
        }

        try
        {
            return ParseValue(start == 0 ? bytes : bytes.AsSpan(start).ToArray(), typeName);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException || ex is InvalidOperationException || ex is FormatException)
        {
            throw ErrorMapper.UnexpectedBody(systemName, call, response.StatusCode, mediaType, ErrorBody.Excerpt(bytes, bytes.Length), Problem(ex), ex);
        }
    }

    /// <summary>What was wrong with a body that did not parse, in words.</summary>
    internal static string Problem(Exception exception) => exception.Message.IndexOf("depth", StringComparison.OrdinalIgnoreCase) >= 0
        ? "its JSON is nested deeper than the 64 levels a record may have"
        : $"it is not valid JSON ({exception.Message.TrimEnd('.')})";

    // A server that labels JSON as text/html or text/plain (some PHP stacks do) is still believed when the body is JSON.
    private static bool LooksLikeJson(byte[] bytes, int start)
    {
        for (int i = start; i < bytes.Length; i++)
        {
            switch (bytes[i])
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                    continue;
                case (byte)'{' or (byte)'[':
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsJson(string mediaType) =>
        mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/json", StringComparison.OrdinalIgnoreCase) ||
        mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    internal static object? ParseValue(byte[] bytes, string? typeName)
    {
        if (bytes.Length == 0)
        {
            return null;
        }

        var reader = new System.Text.Json.Utf8JsonReader(bytes, JsonElementStream.ReaderOptions);
        if (!reader.Read())
        {
            return null;
        }

        if (reader.TokenType == System.Text.Json.JsonTokenType.StartArray)
        {
            // A list answer: each element is a record of the kind.
            var items = new System.Collections.Generic.List<object?>();
            while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndArray)
            {
                items.Add(WithoutControlInformation(PSObjectConverter.ReadTopLevel(ref reader, typeName)));
            }

            return items.ToArray();
        }

        return WithoutControlInformation(PSObjectConverter.ReadTopLevel(ref reader, typeName));
    }

    /// <summary>
    /// OData control information (@odata.context, @odata.etag...) describes the answer, not the record: it never
    /// becomes a property (it would be the first CSV column of Get-QicsEntity -Id, or a JSON key sent back).
    /// </summary>
    private static object? WithoutControlInformation(object? value)
    {
        if (value is System.Management.Automation.PSObject record)
        {
            System.Collections.Generic.List<string>? envelope = null;
            foreach (var property in record.Properties)
            {
                if (property.Name.StartsWith("@odata.", StringComparison.OrdinalIgnoreCase))
                {
                    (envelope ??= new()).Add(property.Name);
                }
            }

            if (envelope is not null)
            {
                foreach (string name in envelope)
                {
                    record.Properties.Remove(name);
                }
            }
        }

        return value;
    }

    /// <summary>Opens the body of a list answer as a stream of elements.</summary>
    public static async Task<JsonElementStream> OpenElementsAsync(HttpResponseMessage response, string? arrayProperty, string? typeName)
    {
        Stream stream = response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        return new JsonElementStream(stream, arrayProperty, typeName);
    }

    public void Dispose() => _services.Dispose();
}
