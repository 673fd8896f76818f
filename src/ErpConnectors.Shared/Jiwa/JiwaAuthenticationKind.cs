namespace ErpConnectors.Jiwa;

/// <summary>How a Jiwa connection authenticates.</summary>
public enum JiwaAuthenticationKind
{
    /// <summary>A user name and password: POST /auth opens a server session, renewed with the held credential.</summary>
    Credential,

    /// <summary>An API key sent as a bearer token: no session; an expired or revoked key cannot be renewed.</summary>
    ApiKey,
}
