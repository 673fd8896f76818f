using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace ErpConnectors.Sandbox;

/// <summary>
/// A second origin (another port on 127.0.0.1) that the redirect faults point at. It records everything that
/// reaches it (method, path, headers, body) and answers 200 with a plausible token and an empty list, so a client
/// that followed a redirect there would seem to succeed: only its log tells.
/// </summary>
public sealed class ForeignOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ForeignRequest> _requests = new();

    private ForeignOrigin(WebApplication app, Uri rootUri)
    {
        _app = app;
        RootUri = rootUri;
    }

    /// <summary>http://127.0.0.1:{another port}/</summary>
    public Uri RootUri { get; private set; }

    /// <summary>Every request that reached this origin, in order.</summary>
    public IReadOnlyList<ForeignRequest> Requests => _requests.ToArray();

    /// <summary>Raised for each request that reaches this origin (the executable prints it).</summary>
    public event Action<ForeignRequest>? Received;

    public void Clear() => _requests.Clear();

    internal static async Task<ForeignOrigin> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, Hosting.NoSignalLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var origin = new ForeignOrigin(app, new Uri("http://127.0.0.1/"));
        app.Run(origin.RecordAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        origin.RootUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{new Uri(address).Port}/"));
        return origin;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new ForeignRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, body);
        _requests.Enqueue(request);
        Received?.Invoke(request);
        await Results.Json(new { access_token = "foreign-token", expires_in = 3600, value = Array.Empty<object>() }).ExecuteAsync(context).ConfigureAwait(false);
    }
}

/// <summary>One request that reached the <see cref="ForeignOrigin"/>.</summary>
public sealed record ForeignRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
