namespace ErpConnectors.Sandbox.Hosting;

/// <summary>
/// One emulated vendor API under its own path prefix. The host gives every system the same request log and
/// fault injection; the system supplies its routes and how its server words a fault.
/// </summary>
internal abstract class SandboxSystem
{
    /// <summary>The name the request log records (lower case, e.g. "severa").</summary>
    public abstract string Name { get; }

    /// <summary>The path prefix every route of the system lives under, e.g. "/severa".</summary>
    public abstract PathString PathPrefix { get; }

    public abstract FaultOptions Faults { get; }

    /// <summary>
    /// Routes that obtain or renew credentials: random faults and latency never touch them, and a queued fault
    /// only when it names their path.
    /// </summary>
    public abstract bool IsAuthenticationEndpoint(HttpContext context);

    /// <summary>Answers a fault the way this vendor's server would answer that status.</summary>
    public abstract Task WriteFaultAsync(HttpContext context, int statusCode);

    /// <summary>Middleware that runs after fault injection, for requests under <see cref="PathPrefix"/> only.</summary>
    public abstract void ConfigurePipeline(IApplicationBuilder branch);

    public abstract void MapEndpoints(IEndpointRouteBuilder endpoints);

    /// <summary>The vendor's short name, as in the module's cmdlets (Connect-Severa): "Severa", "Jiwa", ...</summary>
    public abstract string Title { get; }

    /// <summary>The path of the base URI clients are given, e.g. "/severa/rest-api/v1.0".</summary>
    public abstract string ApiBasePath { get; }

    /// <summary>What follows "Connect-{Title} -Sandbox" in the banner: what the switch signs in with.</summary>
    public abstract string SandboxConnectNote { get; }

    public Uri BaseUri(Uri rootUri) => new(rootUri, ApiBasePath.TrimStart('/'));

    /// <summary>
    /// Lines the banner prints under the base URI: how to sign in with the demo credentials, token or session
    /// lifetimes, the generated data. The host adds the base URI, the faults and the Connect line.
    /// </summary>
    public abstract IEnumerable<string> DescribeForConsole();
}
