using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Changes faults and token lifetimes of a running sandbox, per system, while it runs (a test's 429 storm, tokens
/// that expire mid-run). -Setting reaches every setting by the name the sandbox gives it (Get them from
/// -PassThru's Settings), so new kinds of faults need no new parameter.
/// </summary>
[Cmdlet(VerbsCommon.Set, "ErpSandbox", SupportsShouldProcess = true, DefaultParameterSetName = "Sandbox")]
[OutputType(typeof(ErpSandboxSystem))]
public sealed class SetErpSandboxCommand : SandboxCmdlet
{
    /// <summary>The systems to change; by default all five.</summary>
    [Parameter(Position = 0)]
    [ValidateSet("Severa", "Jiwa", "Qics", "Weavy", "Microbizz")]
    public string[] System { get; set; } = { "Severa", "Jiwa", "Qics", "Weavy", "Microbizz" };

    /// <summary>Milliseconds added to every API request.</summary>
    [Parameter]
    [ValidateRange(0, 600_000)]
    public int Latency { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Rate429 { get; set; }

    [Parameter]
    [ValidateRange(0.0, 1.0)]
    public double Rate5xx { get; set; }

    /// <summary>Seconds a new access token (Jiwa: a session) lives. Microbizz tokens have none (use -Setting @{ tokenExpiryRate = 0.1 }).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int TokenLifetime { get; set; }

    /// <summary>Any setting by its name, e.g. @{ maxRowCount = 50 }: durations in seconds, rates from 0 to 1.</summary>
    [Parameter]
    [ValidateNotNull]
    public Hashtable? Setting { get; set; }

    /// <summary>Puts the systems back as they started (and drops queued faults) before applying the rest.</summary>
    [Parameter]
    public SwitchParameter Reset { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        Uri root = TargetRoot();
        foreach (string system in System)
        {
            OrderedDictionary changes = Changes(system);
            if (changes.Count == 0 && !Reset)
            {
                continue;
            }

            if (!ShouldProcess($"{system} in the sandbox at {root}", Describe(changes)))
            {
                continue;
            }

            ErpSandboxSystem? result = null;
            if (Reset)
            {
                result = Call(token => SandboxControlClient.ResetAsync(root, system, token), system);
            }

            if (changes.Count > 0)
            {
                result = Call(token => SandboxControlClient.SetAsync(root, system, changes, token), changes);
            }

            if (PassThru && result is not null)
            {
                WriteObject(result);
            }
        }
    }

    private OrderedDictionary Changes(string system)
    {
        var changes = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        var bound = MyInvocation.BoundParameters;
        if (bound.ContainsKey(nameof(Latency)))
        {
            changes["latency"] = Latency / 1000.0;
        }

        if (bound.ContainsKey(nameof(Rate429)))
        {
            changes["tooManyRequestsRate"] = Rate429;
        }

        if (bound.ContainsKey(nameof(Rate5xx)))
        {
            changes["serverErrorRate"] = Rate5xx;
        }

        if (bound.ContainsKey(nameof(TokenLifetime)))
        {
            if (string.Equals(system, "Microbizz", StringComparison.OrdinalIgnoreCase))
            {
                if (bound.ContainsKey(nameof(System)))
                {
                    WriteError(new ErrorRecord(
                        new ArgumentException("Microbizz tokens have no lifetime: they expire at random moments. Use -Setting @{ tokenExpiryRate = 0.1 }."),
                        "ErpSandbox.NoTokenLifetime",
                        ErrorCategory.InvalidArgument,
                        system));
                }
            }
            else
            {
                changes["tokenLifetime"] = TokenLifetime;
            }
        }

        if (Setting is not null)
        {
            foreach (DictionaryEntry entry in Setting)
            {
                changes[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
            }
        }

        return changes;
    }

    private string Describe(OrderedDictionary changes)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (Reset)
        {
            parts.Add("reset");
        }

        foreach (DictionaryEntry entry in changes)
        {
            parts.Add(string.Format(CultureInfo.InvariantCulture, "{0} = {1}", entry.Key, entry.Value));
        }

        return "Set " + string.Join(", ", parts);
    }
}
