namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>
/// ?deleteMode=: Logical (the default: the record is flagged deleted and hidden) or Physical (removed). Matched
/// ignoring case; another value is 400 rather than a silent logical delete (chosen).
/// </summary>
internal static class DeleteModes
{
    public static bool IsPhysical(HttpContext context)
    {
        var values = context.Request.Query["deleteMode"];
        if (values.Count == 0)
        {
            return false;
        }

        return values.ToString() switch
        {
            var mode when string.Equals(mode, "Physical", StringComparison.OrdinalIgnoreCase) => true,
            var mode when string.Equals(mode, "Logical", StringComparison.OrdinalIgnoreCase) => false,
            var mode => throw WeavyErrors.InvalidRequest($"deleteMode must be Logical or Physical, not '{mode}'.", "deleteMode"),
        };
    }
}
