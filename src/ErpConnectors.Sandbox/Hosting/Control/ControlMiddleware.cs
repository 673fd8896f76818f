using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ErpConnectors.Sandbox.Hosting.Control;

/// <summary>
/// The control endpoint under /_sandbox, for tests that steer a running sandbox from outside its process
/// (Set-ErpSandbox, Get-ErpSandboxRequest): read and change each system's settings, queue one-shot faults, read
/// and empty the request log. Runs before the request log, so its own calls are never logged.
/// <para>
/// It answers only a client on this machine: Kestrel binds 127.0.0.1, and this checks again (a remote address
/// that is not loopback is 403, whatever a proxy or a future binding does), refuses a Host that is not a
/// loopback name (DNS rebinding: a web page whose name resolves to 127.0.0.1) and any request a browser
/// page sends (an Origin header), and takes only JSON bodies (which a page cannot send without asking first).
/// </para>
/// </summary>
internal sealed class ControlMiddleware(RequestDelegate next, IReadOnlyList<ControlledSystem> systems, RequestLog log)
{
    public const string Prefix = "/_sandbox";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase, out var rest))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (Refusal(context) is { } refusal)
        {
            await AnswerAsync(context, StatusCodes.Status403Forbidden, Error(refusal)).ConfigureAwait(false);
            return;
        }

        try
        {
            var (status, body) = await RouteAsync(context, rest.Value?.Trim('/') ?? string.Empty).ConfigureAwait(false);
            await AnswerAsync(context, status, body).ConfigureAwait(false);
        }
        catch (ControlException e)
        {
            await AnswerAsync(context, e.StatusCode, Error(e.Message)).ConfigureAwait(false);
        }
    }

    /// <summary>Why a request may not use the control endpoint, or null when it may.</summary>
    internal static string? Refusal(HttpContext context)
    {
        var remote = context.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return $"The sandbox control endpoint answers clients on this machine only, not {remote?.ToString() ?? "an unknown address"}.";
        }

        var host = context.Request.Host.Host;
        if (!(host is "127.0.0.1" or "[::1]" or "::1" || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)))
        {
            return $"The sandbox control endpoint answers requests for 127.0.0.1 or localhost only, not for host '{host}'.";
        }

        if (context.Request.Headers.Origin.Count > 0)
        {
            return "The sandbox control endpoint does not answer requests from web pages (an Origin header).";
        }

        return null;
    }

    private async Task<(int Status, object Body)> RouteAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        var segments = path.Length == 0 ? [] : path.Split('/');
        switch (segments)
        {
            case []:
                Allow(method, HttpMethods.Get);
                return (200, Status(context));
            case ["reset"]:
                Allow(method, HttpMethods.Post);
                foreach (var system in systems)
                {
                    system.Reset();
                }

                return (200, Status(context));
            case ["requests"] when HttpMethods.IsDelete(method):
                log.ClearWhenAnswered();
                return (200, new { cleared = true });
            case ["requests"]:
                Allow(method, HttpMethods.Get);
                return (200, Requests(context.Request.Query["system"].ToString()));
            case ["systems", var name]:
                var system2 = Find(name);
                if (HttpMethods.IsPatch(method) || HttpMethods.IsPut(method))
                {
                    Apply(system2, await ReadObjectAsync(context).ConfigureAwait(false));
                }
                else
                {
                    Allow(method, HttpMethods.Get);
                }

                return (200, Describe(system2, RootOf(context)));
            case ["systems", var name, "reset"]:
                Allow(method, HttpMethods.Post);
                var reset = Find(name);
                reset.Reset();
                return (200, Describe(reset, RootOf(context)));
            case ["systems", var name, "faults"]:
                Allow(method, HttpMethods.Post);
                var target = Find(name);
                target.System.Faults.Enqueue(ReadFault(await ReadObjectAsync(context).ConfigureAwait(false)));
                return (200, Describe(target, RootOf(context)));
            default:
                throw new ControlException(404, $"No control route '{Prefix}/{path}'. Routes: GET {Prefix}, POST {Prefix}/reset, GET|PATCH {Prefix}/systems/{{system}}, POST {Prefix}/systems/{{system}}/reset, POST {Prefix}/systems/{{system}}/faults, GET|DELETE {Prefix}/requests.");
        }
    }

    private object Status(HttpContext context)
    {
        var root = RootOf(context);
        return new
        {
            rootUri = root.ToString(),
            processId = Environment.ProcessId,
            systems = systems.Select(s => Describe(s, root)).ToList(),
        };
    }

    private static object Describe(ControlledSystem system, Uri root) => new
    {
        name = system.System.Name,
        title = system.System.Title,
        baseUri = system.System.BaseUri(root).ToString(),
        credentials = system.Credentials,
        settings = system.Settings.ToDictionary(s => s.Name, s => s.Read()),
        pendingFaults = system.System.Faults.PendingCount,
    };

    private List<object> Requests(string system) =>
        [.. log.Snapshot()
            .Where(r => system.Length == 0 || string.Equals(r.System, system, StringComparison.OrdinalIgnoreCase))
            .Select(r => (object)new
            {
                system = r.System,
                method = r.Method,
                path = r.Path,
                query = SecretRedactor.Query(r.QueryString),
                statusCode = r.StatusCode,
                time = r.TimeUtc,
                faultInjected = r.FaultInjected,
                body = SecretRedactor.Body(r.Body),
            })];

    /// <summary>Applies every named setting or none: a bad value restores those already set.</summary>
    private static void Apply(ControlledSystem system, JsonElement changes)
    {
        var parsed = new List<(SandboxSetting Setting, object Value)>();
        foreach (var property in changes.EnumerateObject())
        {
            var setting = system.Find(property.Name)
                ?? throw new ControlException(400, $"{system.System.Title} has no setting '{property.Name}'. Its settings: {string.Join(", ", system.Settings.Select(s => s.Name))}.");
            try
            {
                parsed.Add((setting, setting.Parse(property.Value)));
            }
            catch (FormatException e)
            {
                throw new ControlException(400, e.Message);
            }
        }

        var applied = new List<(SandboxSetting Setting, object Previous)>();
        try
        {
            foreach (var (setting, value) in parsed)
            {
                var previous = setting.ReadRaw();
                setting.WriteRaw(value);
                applied.Add((setting, previous));
            }
        }
        catch (ArgumentException e)
        {
            foreach (var (setting, previous) in applied)
            {
                setting.WriteRaw(previous);
            }

            var name = parsed.First(p => !applied.Any(a => ReferenceEquals(a.Setting, p.Setting))).Setting.Name;
            throw new ControlException(400, string.Create(CultureInfo.InvariantCulture, $"'{name}' cannot take that value: {e.Message.Split(Environment.NewLine)[0]}"));
        }
    }

    private static InjectedFault ReadFault(JsonElement body)
    {
        int? status = null;
        string? method = null, pathContains = null;
        var skip = 0;
        var afterHandling = false;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name.ToUpperInvariant())
            {
                case "STATUSCODE" when value.TryGetInt32(out var s) && s is >= 100 and <= 599:
                    status = s;
                    break;
                case "METHOD" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    method = value.GetString();
                    break;
                case "PATHCONTAINS" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    pathContains = value.GetString();
                    break;
                case "SKIPMATCHES" when value.TryGetInt32(out var n) && n >= 0:
                    skip = n;
                    break;
                case "AFTERHANDLING" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    afterHandling = value.GetBoolean();
                    break;
                default:
                    throw new ControlException(400, $"A fault takes statusCode (100-599), method, pathContains, skipMatches (0 or more) and afterHandling (true/false); '{property.Name}': {value.GetRawText()} is not one of them.");
            }
        }

        return new InjectedFault(status ?? throw new ControlException(400, "A fault needs a statusCode (100-599)."), method, pathContains, skip, afterHandling);
    }

    private ControlledSystem Find(string name) =>
        systems.FirstOrDefault(s => string.Equals(s.System.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ControlException(404, $"No system '{name}'. The systems: {string.Join(", ", systems.Select(s => s.System.Name))}.");

    private static void Allow(string method, string allowed)
    {
        if (!string.Equals(method, allowed, StringComparison.OrdinalIgnoreCase))
        {
            throw new ControlException(405, $"{method} is not allowed here; {allowed} is.");
        }
    }

    private static async Task<JsonElement> ReadObjectAsync(HttpContext context)
    {
        if (!MediaTypes.IsJson(context.Request.ContentType))
        {
            throw new ControlException(415, "The control endpoint takes a JSON body (Content-Type: application/json).");
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.Clone()
                : throw new ControlException(400, "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ControlException(400, "The body is not JSON: " + e.Message);
        }
    }

    private static Uri RootOf(HttpContext context) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{context.Request.Scheme}://{context.Request.Host}/"));

    private static object Error(string message) => new { error = message };

    private static Task AnswerAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(body, body.GetType(), Json, "application/json; charset=utf-8", context.RequestAborted);
    }

    private sealed class ControlException(int statusCode, string message) : Exception(message)
    {
        public int StatusCode { get; } = statusCode;
    }
}
