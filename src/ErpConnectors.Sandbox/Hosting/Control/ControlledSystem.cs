namespace ErpConnectors.Sandbox.Hosting.Control;

/// <summary>
/// What the control endpoint knows of one system: its settings (every fault knob, plus the options its
/// emulation reads on every request), its demo credentials, and the values it started with (for reset).
/// </summary>
internal sealed class ControlledSystem
{
    private readonly Dictionary<string, object> _initial;

    public ControlledSystem(SandboxSystem system, IReadOnlyList<SandboxSetting> settings, IReadOnlyDictionary<string, object> credentials)
    {
        System = system;
        Settings = settings;
        Credentials = credentials;
        _initial = settings.ToDictionary(s => s.Name, s => s.ReadRaw(), StringComparer.Ordinal);
    }

    public SandboxSystem System { get; }

    public IReadOnlyList<SandboxSetting> Settings { get; }

    public IReadOnlyDictionary<string, object> Credentials { get; }

    public SandboxSetting? Find(string name) =>
        Settings.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every setting back to its value at start, and the queued one-shot faults dropped.</summary>
    public void Reset()
    {
        System.Faults.Reset();
        foreach (var setting in Settings)
        {
            setting.WriteRaw(_initial[setting.Name]);
        }
    }

    /// <summary>
    /// The five systems with their settings. The fault knobs come from <see cref="FaultOptions"/> by reflection
    /// (a new kind of fault is settable at once); the option knobs are listed here, since only some options are
    /// read on every request. "tokenLifetime" names each system's main credential lifetime, so one parameter
    /// steers them all.
    /// </summary>
    public static IReadOnlyList<ControlledSystem> For(IReadOnlyList<SandboxSystem> systems, SandboxOptions options) =>
        [.. systems.Select(system => new ControlledSystem(system, [.. SandboxSetting.AllOf(system.Faults), .. OptionSettings(system.Name, options)], CredentialsOf(system.Name)))];

    private static IEnumerable<SandboxSetting> OptionSettings(string system, SandboxOptions options)
    {
        switch (system)
        {
            case "severa":
                var severa = options.Severa;
                yield return SandboxSetting.Lifetime("tokenLifetime", () => severa.AccessTokenLifetime, v => severa.AccessTokenLifetime = v);
                yield return SandboxSetting.Lifetime("refreshTokenLifetime", () => severa.RefreshTokenLifetime, v => severa.RefreshTokenLifetime = v);
                yield return SandboxSetting.Of("requestsPerSecond", () => severa.RequestsPerSecond, v => severa.RequestsPerSecond = v, v => ArgumentOutOfRangeException.ThrowIfNegative(v, "requestsPerSecond"));
                yield return SandboxSetting.Of("maxRowCount", () => severa.MaxRowCount, v => severa.MaxRowCount = v, v => ArgumentOutOfRangeException.ThrowIfLessThan(v, 1, "maxRowCount"));
                break;
            case "jiwa":
                var jiwa = options.Jiwa;
                yield return SandboxSetting.Lifetime("tokenLifetime", () => jiwa.SessionLifetime, v => jiwa.SessionLifetime = v);
                yield return SandboxSetting.Of("takeCap", () => jiwa.TakeCap, v => jiwa.TakeCap = v, v => ArgumentOutOfRangeException.ThrowIfLessThan(v, 1, "takeCap"));
                break;
            case "qics":
                var qics = options.Qics;
                yield return SandboxSetting.Lifetime("tokenLifetime", () => qics.AccessTokenLifetime, v => qics.AccessTokenLifetime = v);
                break;
            case "weavy":
                var weavy = options.Weavy;
                yield return SandboxSetting.Lifetime("tokenLifetime", () => weavy.TokenLifetime, v => weavy.TokenLifetime = v);
                yield return SandboxSetting.Of("requestsPerWindow", () => weavy.RequestsPerWindow, v => weavy.RequestsPerWindow = v, v => ArgumentOutOfRangeException.ThrowIfNegative(v, "requestsPerWindow"));
                break;
            case "microbizz":
                // Microbizz tokens have no lifetime: they die at random moments.
                var microbizz = options.Microbizz;
                yield return SandboxSetting.Probability("tokenExpiryRate", () => microbizz.TokenExpiryRate, v => microbizz.TokenExpiryRate = v);
                break;
        }
    }

    /// <summary>The demo credentials, named as the vendor's sign-in names them (public by design, as in the banner).</summary>
    private static Dictionary<string, object> CredentialsOf(string system) => system switch
    {
        "severa" => new() { ["clientId"] = SandboxCredentials.SeveraClientId, ["clientSecret"] = SandboxCredentials.SeveraClientSecret },
        "jiwa" => new() { ["userName"] = SandboxCredentials.JiwaUserName, ["password"] = SandboxCredentials.JiwaPassword, ["apiKey"] = SandboxCredentials.JiwaApiKey },
        "qics" => new() { ["clientId"] = SandboxCredentials.QicsClientId, ["clientSecret"] = SandboxCredentials.QicsClientSecret, ["apiKey"] = SandboxCredentials.QicsApiKey, ["tenantId"] = SandboxCredentials.QicsTenantId },
        "weavy" => new() { ["projectCode"] = SandboxCredentials.WeavyProjectCode, ["userName"] = SandboxCredentials.WeavyUserName, ["password"] = SandboxCredentials.WeavyPassword, ["companyCode"] = SandboxCredentials.WeavyCompanyCode },
        "microbizz" => new() { ["userName"] = SandboxCredentials.MicrobizzUserName, ["password"] = SandboxCredentials.MicrobizzPassword },
        _ => [],
    };
}
