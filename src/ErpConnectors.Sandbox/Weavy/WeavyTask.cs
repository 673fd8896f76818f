namespace ErpConnectors.Sandbox;

/// <summary>A processing task the Tasks route created: its event code, its id (1, 2, ...) and status (Pending, then Done).</summary>
public sealed record WeavyTask(string TaskCode, long TaskId, string Status);
