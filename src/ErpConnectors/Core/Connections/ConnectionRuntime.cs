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
/// retry and timeout (Polly), authentication, pacing, sockets. The token endpoints use the same chain without the
/// authentication step. Thread-safe: one runtime serves every runspace that holds the connection.
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
        if (options.PrimaryHandler is { } primary)
        {
            builder.ConfigurePrimaryHttpMessageHandler(primary);
        }

        builder.AddHttpMessageHandler(() => new CallLogHandler());
        builder.AddHttpMessageHandler(() => new ResilienceHandler(options.Retry));
        if (authenticated)
        {
            builder.AddHttpMessageHandler(() => new AuthenticationHandler(Tokens));
        }

        builder.AddHttpMessageHandler(() => new PacingHandler(options.Pacer));
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
        catch (Exception ex) when (ex is HttpRequestException || ex is Polly.Timeout.TimeoutRejectedException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw ErrorMapper.FromTransport(SystemName, request.Describe(), ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ErrorMapper.FromResponseAsync(SystemName, response, Options.ErrorParser, request.Describe()).ConfigureAwait(false);
            }
        }

        return response;
    }

    /// <summary>Sends a request and reads the whole answer as one value (a record, a list, or null for 204).</summary>
    public async Task<object?> SendForValueAsync(ApiRequest request, string? typeName, ICallOutput? output, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await SendAsync(request, output, cancellationToken).ConfigureAwait(false);
        return await ReadValueAsync(response, typeName, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<object?> ReadValueAsync(HttpResponseMessage response, string? typeName, CancellationToken cancellationToken)
    {
        if (response.Content is null)
        {
            return null;
        }

        byte[] bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        string? mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !IsJson(mediaType))
        {
            // XML metadata, CSV, plain text: handed over as text rather than failing as bad JSON.
            return bytes.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(bytes);
        }

        return ParseValue(bytes, typeName);
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

        var reader = new System.Text.Json.Utf8JsonReader(bytes);
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
