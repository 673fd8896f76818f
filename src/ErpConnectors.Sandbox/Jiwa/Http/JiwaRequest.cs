using ErpConnectors.Sandbox.Jiwa.Auth;
using ErpConnectors.Sandbox.Jiwa.Records;

namespace ErpConnectors.Sandbox.Jiwa.Http;

/// <summary>What a handler asks of its request: the caller the gateway identified, the stateful header, route values.</summary>
internal static class JiwaRequest
{
    public const string CallerItem = "ErpConnectors.Sandbox.Jiwa.Caller";

    /// <summary>The vendor's header for stateful interaction; its value "true" (any case) turns it on.</summary>
    public const string StatefulHeader = "jiwa-stateful";

    public static JiwaCaller Caller(HttpContext context) =>
        context.Items[CallerItem] as JiwaCaller ?? throw JiwaErrors.NotAuthenticated();

    public static JiwaCall Call(HttpContext context) => new(Caller(context).Key, IsStateful(context));

    public static bool IsStateful(HttpContext context) =>
        string.Equals(context.Request.Headers[StatefulHeader].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public static string Id(HttpContext context) => context.GetRouteValue("id") as string ?? string.Empty;
}
