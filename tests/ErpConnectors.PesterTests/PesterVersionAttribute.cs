namespace ErpConnectors.PesterTests;

/// <summary>The Pester version the project file pins (and copies to out/modules), so the version is written once.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class PesterVersionAttribute(string version) : Attribute
{
    public string Version { get; } = version;
}
