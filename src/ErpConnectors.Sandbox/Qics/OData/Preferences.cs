namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// The Prefer header's return preference (OData 4.0 §8.2.8.7). Writes answer with the entity by default
/// (chosen: 201 / 200 with the entity, so a client sees server-set values); "Prefer: return=minimal" gets
/// 204 with Preference-Applied instead.
/// </summary>
internal static class Preferences
{
    public static bool WantsMinimal(HttpContext context) =>
        context.Request.Headers["Prefer"]
            .SelectMany(v => (v ?? string.Empty).Split(','))
            .Any(p => string.Equals(p.Trim(), "return=minimal", StringComparison.OrdinalIgnoreCase));

    /// <summary>Answers 204 with Preference-Applied: return=minimal.</summary>
    public static void AnswerMinimal(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        context.Response.Headers["Preference-Applied"] = "return=minimal";
        context.Response.Headers["OData-Version"] = "4.0";
    }
}
