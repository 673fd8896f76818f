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

    /// <summary>Lines printed at start: base URIs and demo credentials.</summary>
    public abstract IEnumerable<string> DescribeForConsole(Uri rootUri);
}
