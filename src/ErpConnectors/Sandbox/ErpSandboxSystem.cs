using System;
using System.Collections.Specialized;

namespace ErpConnectors.Sandbox;

/// <summary>One system of a running sandbox: its base URI, demo credentials and current settings (faults, token lifetimes).</summary>
public sealed class ErpSandboxSystem
{
    internal ErpSandboxSystem(string name, Uri baseUri, OrderedDictionary credentials, OrderedDictionary settings, int pendingFaults)
    {
        Name = name;
        BaseUri = baseUri;
        Credentials = credentials;
        Settings = settings;
        PendingFaults = pendingFaults;
    }

    /// <summary>As in the cmdlet names: Severa, Jiwa, Qics, Weavy, Microbizz.</summary>
    public string Name { get; }

    /// <summary>The API base to give -BaseUri (what Connect-* -Sandbox uses).</summary>
    public Uri BaseUri { get; }

    /// <summary>The demo credentials the sandbox accepts (public by design: it listens on this machine only).</summary>
    public OrderedDictionary Credentials { get; }

    /// <summary>
    /// Every setting Set-ErpSandbox can change, with its value when this was read: latency and token lifetimes
    /// in seconds, rates from 0 to 1.
    /// </summary>
    public OrderedDictionary Settings { get; }

    /// <summary>One-shot faults (Add-ErpSandboxFault) not yet fired.</summary>
    public int PendingFaults { get; }

    public override string ToString() => $"{Name} {BaseUri}";
}
