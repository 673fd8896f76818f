namespace ErpConnectors.Sandbox;

/// <summary>A user account as the Users route answers it: a baseuser record's login, name, e-mail and status.</summary>
public sealed record WeavyUserAccount(string Login, string? Name, string? Email, string Status);
