namespace ErpConnectors.Severa;

/// <summary>Which Severa service a connection talks to.</summary>
public enum SeveraEnvironment
{
    Production,
    Test,
    /// <summary>A base URI given with -BaseUri (the sandbox, a proxy).</summary>
    Custom,
}
