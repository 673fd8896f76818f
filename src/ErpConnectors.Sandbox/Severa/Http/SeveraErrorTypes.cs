namespace ErpConnectors.Sandbox.Severa.Http;

/// <summary>The error.type values from the vendor's table that the emulation answers with.</summary>
internal static class SeveraErrorTypes
{
    public const string InternalSystemError = "InternalSystemError";
    public const string AuthenticationRequired = "AuthenticationRequired";
    public const string InvalidParameter = "InvalidParameter";
    public const string InvalidOperation = "InvalidOperation";
    public const string InvalidRequest = "InvalidRequest";
    public const string InsufficientApiScope = "InsufficientApiScope";
}
