namespace ErpConnectors.Sandbox.Weavy.Http;

/// <summary>Writes <c>{"error":{"code","message","details"?}}</c>; details are left out when there are none.</summary>
internal static class WeavyErrorWriter
{
    public static Task WriteAsync(HttpContext context, WeavyApiException error)
    {
        foreach (var (name, value) in error.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var body = new Dictionary<string, object>
        {
            ["code"] = error.Code,
            ["message"] = error.Message,
        };
        if (error.Details.Count > 0)
        {
            body["details"] = error.Details.Select(d => new { field = d.Field, message = d.Message }).ToList();
        }

        return WeavyJson.Answer(new { error = body }, error.StatusCode).ExecuteAsync(context);
    }
}
