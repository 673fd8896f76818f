namespace ErpConnectors.Sandbox.Hosting;

/// <summary>The hostile-network options: --hostile for every system, --{system}-hostile for one.</summary>
internal sealed partial class CommandLine
{
    private const string HostileGroup = "Hostile network (redirects to a second origin, stalled or trickling bodies, echoing gateways)";

    private static IEnumerable<OptionSpec> HostileSpecs()
    {
        var kinds = string.Join(", ", HostileOptions.Names);
        yield return new(HostileGroup, "--hostile", "<kind>", $"What the network does to every request of every system: {kinds} (default none). redirect-*: to a second origin on another 127.0.0.1 port that logs what reaches it, or to this one; stall-body: headers and 40 bytes, then silence; trickle-body: one byte a second; echo-request: a 502 whose body echoes the request. Redirects and echoes hit sign-ins too", (s, n, v) => s.Options.Hostile.All = HostileOptions.Parse(n, v));
        foreach (var (name, title) in Systems)
        {
            yield return new(HostileGroup, $"--{name}-hostile", "<kind>", $"The same for {title} only (default: --hostile)", (s, n, v) => s.Options.Hostile.Set(name, HostileOptions.Parse(n, v)));
        }
    }
}
