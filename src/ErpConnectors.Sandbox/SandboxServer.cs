using System.Globalization;
using System.Net;
using System.Text;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Hosting.Control;
using ErpConnectors.Sandbox.Jiwa;
using ErpConnectors.Sandbox.Microbizz;
using ErpConnectors.Sandbox.Qics;
using ErpConnectors.Sandbox.Severa;
using ErpConnectors.Sandbox.Weavy;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace ErpConnectors.Sandbox;

/// <summary>
/// The sandbox running in this process: one Kestrel on 127.0.0.1 serving every emulated system under its
/// own path prefix. Start it, point a client at <see cref="SeveraBaseUri"/>, <see cref="QicsBaseUri"/>, <see cref="WeavyBaseUri"/> or <see cref="MicrobizzBaseUri"/>, dispose it.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IReadOnlyList<SandboxSystem> _systems;
    private int _disposed;

    private SandboxServer(WebApplication app, Uri rootUri, SeveraSandbox severa, JiwaSandbox jiwa, QicsSandbox qics, WeavySandbox weavy, MicrobizzSandbox microbizz, RequestLog requests, IReadOnlyList<SandboxSystem> systems)
    {
        _app = app;
        RootUri = rootUri;
        Severa = severa;
        Jiwa = jiwa;
        Requests = requests;
        _systems = systems;
        SeveraBaseUri = new Uri(rootUri, SeveraSystem.BasePath.TrimStart('/'));
        JiwaBaseUri = new Uri(rootUri, JiwaSystem.BasePath.TrimStart('/'));
        Qics = qics;
        QicsBaseUri = new Uri(rootUri, QicsSystem.BasePath.TrimStart('/'));
        Weavy = weavy;
        WeavyBaseUri = new Uri(rootUri, WeavySystem.BasePath.TrimStart('/'));
        Microbizz = microbizz;
        MicrobizzBaseUri = new Uri(rootUri, MicrobizzSystem.BasePath.TrimStart('/'));
    }

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri RootUri { get; }

    /// <summary>{RootUri}severa/rest-api/v1.0 (no trailing slash).</summary>
    public Uri SeveraBaseUri { get; }

    public SeveraSandbox Severa { get; }

    /// <summary>{RootUri}jiwa (no trailing slash): the Jiwa server's base, under which /auth, /Debtors/... live.</summary>
    public Uri JiwaBaseUri { get; }

    public JiwaSandbox Jiwa { get; }

    /// <summary>{RootUri}qics/api (no trailing slash).</summary>
    public Uri QicsBaseUri { get; }

    public QicsSandbox Qics { get; }

    /// <summary>{RootUri}weavy (no trailing slash): the Weavy API's base, under which /v1/Authenticate, /v1/Data/... live.</summary>
    public Uri WeavyBaseUri { get; }

    public WeavySandbox Weavy { get; }

    /// <summary>{RootUri}microbizz/api.php (no trailing slash): objects live at {MicrobizzBaseUri}/OBJECT_NAME[/OBJECT_ID].</summary>
    public Uri MicrobizzBaseUri { get; }

    public MicrobizzSandbox Microbizz { get; }

    public RequestLog Requests { get; }

    /// <summary>The second origin the redirect faults point at; its log shows whatever a client sent there.</summary>
    public ForeignOrigin Foreign { get; private set; } = null!;

    /// <summary>The systems served, in banner order.</summary>
    internal IReadOnlyList<SandboxSystem> Systems => _systems;

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SandboxServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var requests = new RequestLog();
        var severa = new SeveraSandbox(options);
        var jiwa = new JiwaSandbox(options);
        var qics = new QicsSandbox(options);
        var weavy = new WeavySandbox(options);
        var microbizz = new MicrobizzSandbox(options);
        SandboxSystem[] systems = [new SeveraSystem(severa), new JiwaSystem(jiwa), new QicsSystem(qics), new WeavySystem(weavy), new MicrobizzSystem(microbizz)];

        // Before the log: the control endpoint's own calls are not requests to any system.
        app.UseMiddleware<ControlMiddleware>(ControlledSystem.For(systems, options), requests);
        app.UseMiddleware<RequestLogMiddleware>(requests, (IReadOnlyList<SandboxSystem>)systems, options.TimeProvider);
        app.Use(HostileFaultResponder.RewriteAsync);
        app.UseRouting();
        foreach (var system in systems)
        {
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments(system.PathPrefix),
                branch =>
                {
                    branch.UseMiddleware<FaultInjectionMiddleware>(system);
                    branch.UseMiddleware<BodyFaultMiddleware>(system);
                    system.ConfigurePipeline(branch);
                });
            system.MapEndpoints(app);
        }

        app.MapGet("/", (HttpContext context) => Results.Text(Describe(systems, RootOf(context)), "text/plain"));

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        var rootUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
        var server = new SandboxServer(app, rootUri, severa, jiwa, qics, weavy, microbizz, requests, systems);
        try
        {
            server.Foreign = await ForeignOrigin.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        foreach (var system in systems)
        {
            system.Faults.Hostile.ForeignRoot = server.Foreign.RootUri;
            if (options.Hostile.ModeFor(system.Name) is { } mode)
            {
                system.Faults.Hostile.Mode = mode;
            }
        }

        return server;
    }

    /// <summary>
    /// The banner the executable prints (and GET / answers): for each system its base URI, demo credentials and how
    /// to sign in with them, token lifetimes and data, the faults in force now, and its Connect-* -Sandbox line.
    /// </summary>
    public string Describe() => Describe(_systems, RootUri);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _app.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            if (Foreign is not null)
            {
                await Foreign.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static Uri RootOf(HttpContext context) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{context.Request.Scheme}://{context.Request.Host}/"));

    private static string Describe(IEnumerable<SandboxSystem> systems, Uri rootUri)
    {
        const string Indent = "             ";
        var text = new StringBuilder();
        text.Append("ErpConnectors sandbox on ").Append(rootUri).AppendLine(": five systems, demo credentials below.");
        foreach (var system in systems)
        {
            text.Append("  ").Append(system.Title.PadRight(Indent.Length - 3)).Append(' ').Append(system.BaseUri(rootUri)).AppendLine();
            foreach (var line in system.DescribeForConsole())
            {
                text.Append(Indent).AppendLine(line);
            }

            text.Append(Indent).AppendLine(DescribeFaults(system.Faults));
            text.Append(Indent).Append("PowerShell: Connect-").Append(system.Title).Append(" -Sandbox ").AppendLine(system.SandboxConnectNote);
        }

        var moduleDefault = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{SandboxCredentials.ModuleDefaultPort}/");
        text.AppendLine(rootUri.Port == SandboxCredentials.ModuleDefaultPort
            ? $"Connect-* -Sandbox finds this port by itself (it uses $env:{SandboxCredentials.ModuleUriVariable} when set, else {moduleDefault})."
            : $"Connect-* -Sandbox uses {moduleDefault} unless told: first $env:{SandboxCredentials.ModuleUriVariable} = '{rootUri}'");
        return text.ToString();
    }

    private static string DescribeFaults(FaultOptions faults)
    {
        var parts = new List<string>();
        if (faults.Latency > TimeSpan.Zero)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"latency {faults.Latency.TotalMilliseconds} ms"));
        }

        if (faults.TooManyRequestsRate > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"429 rate {faults.TooManyRequestsRate}"));
        }

        if (faults.ServerErrorRate > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"5xx rate {faults.ServerErrorRate}"));
        }

        if (faults.Hostile.Mode is { } hostile)
        {
            parts.Add("hostile " + HostileOptions.Name(hostile));
        }

        parts.AddRange(DescribeBodyFaults(faults));
        return "faults: " + (parts.Count > 0 ? string.Join(", ", parts) : "none");
    }

    private static IEnumerable<string> DescribeBodyFaults(FaultOptions faults)
    {
        if (faults.CutOffRate > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"cut-off rate {faults.CutOffRate} after {faults.CutAfterBytes} bytes");
        }

        if (faults.HtmlRate > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"HTML-page rate {faults.HtmlRate}");
        }

        if (faults.HugeErrorRate > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"huge-error rate {faults.HugeErrorRate} ({faults.HugeErrorBytes / (1024 * 1024)} MB)");
        }
    }

    private static void Validate(SandboxOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port, "options.Port");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, "options.Port");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        var severa = options.Severa;
        ArgumentOutOfRangeException.ThrowIfNegative(severa.CustomerCount, "options.Severa.CustomerCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(severa.CustomerCount, SeveraSandbox.MaxCustomerCount, "options.Severa.CustomerCount");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(severa.AccessTokenLifetime, TimeSpan.Zero, "options.Severa.AccessTokenLifetime");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(severa.RefreshTokenLifetime, TimeSpan.Zero, "options.Severa.RefreshTokenLifetime");
        ArgumentOutOfRangeException.ThrowIfNegative(severa.RequestsPerSecond, "options.Severa.RequestsPerSecond");
        ArgumentOutOfRangeException.ThrowIfLessThan(severa.MaxRowCount, 1, "options.Severa.MaxRowCount");
        ArgumentOutOfRangeException.ThrowIfLessThan(severa.LimitedMaxRowCount, 1, "options.Severa.LimitedMaxRowCount");
        options.Jiwa.Validate();
        var qics = options.Qics;
        ArgumentOutOfRangeException.ThrowIfNegative(qics.CustomerCount, "options.Qics.CustomerCount");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qics.CustomerCount, QicsSandbox.MaxCustomerCount, "options.Qics.CustomerCount");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qics.AccessTokenLifetime, TimeSpan.Zero, "options.Qics.AccessTokenLifetime");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(qics.AuthorizationCodeLifetime, TimeSpan.Zero, "options.Qics.AuthorizationCodeLifetime");
        ArgumentOutOfRangeException.ThrowIfLessThan(qics.MaxTop, 1, "options.Qics.MaxTop");
        options.Weavy.Validate();
        options.Microbizz.Validate();
    }
}
