namespace ErpConnectors.Weavy;

/// <summary>Where a Weavy project is hosted (each region has its own API host).</summary>
public enum WeavyRegion
{
    /// <summary>https://api.weavy.divalto.com</summary>
    Europe,

    /// <summary>https://swing-ca.swingmobility.com</summary>
    NorthAmerica,

    /// <summary>Another host given with -BaseUri (a sandbox, a proxy).</summary>
    Custom,
}
