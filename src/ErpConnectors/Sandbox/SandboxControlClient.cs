using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ErpConnectors.Sandbox;

/// <summary>
/// Calls a running sandbox's control endpoint (/_sandbox, answered on loopback only): settings per system,
/// one-shot faults, the request log. Knows the sandbox only by its wire format, never by its assembly.
/// </summary>
internal static class SandboxControlClient
{
    private static readonly HttpClient Http = new(new HttpClientHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The five systems, from GET /_sandbox.</summary>
    public static async Task<ErpSandboxSystem[]> StatusAsync(Uri root, CancellationToken cancellationToken)
    {
        using JsonDocument status = await SendAsync(HttpMethod.Get, root, "_sandbox", null, cancellationToken).ConfigureAwait(false);
        var systems = new List<ErpSandboxSystem>();
        foreach (JsonElement system in status.RootElement.GetProperty("systems").EnumerateArray())
        {
            systems.Add(ToSystem(system));
        }

        return systems.ToArray();
    }

    /// <summary>Changes settings of one system (names as its Settings list them); all or none.</summary>
    public static async Task<ErpSandboxSystem> SetAsync(Uri root, string system, IDictionary settings, CancellationToken cancellationToken)
    {
        using JsonDocument answer = await SendAsync(new HttpMethod("PATCH"), root, "_sandbox/systems/" + system.ToLowerInvariant(), Json(settings), cancellationToken).ConfigureAwait(false);
        return ToSystem(answer.RootElement);
    }

    public static async Task<ErpSandboxSystem> ResetAsync(Uri root, string system, CancellationToken cancellationToken)
    {
        using JsonDocument answer = await SendAsync(HttpMethod.Post, root, "_sandbox/systems/" + system.ToLowerInvariant() + "/reset", "{}", cancellationToken).ConfigureAwait(false);
        return ToSystem(answer.RootElement);
    }

    public static async Task<ErpSandboxSystem> AddFaultAsync(Uri root, string system, IDictionary fault, CancellationToken cancellationToken)
    {
        using JsonDocument answer = await SendAsync(HttpMethod.Post, root, "_sandbox/systems/" + system.ToLowerInvariant() + "/faults", Json(fault), cancellationToken).ConfigureAwait(false);
        return ToSystem(answer.RootElement);
    }

    public static async Task<List<ErpSandboxRequest>> RequestsAsync(Uri root, string? system, CancellationToken cancellationToken)
    {
        string path = system is null ? "_sandbox/requests" : "_sandbox/requests?system=" + Uri.EscapeDataString(system.ToLowerInvariant());
        using JsonDocument log = await SendAsync(HttpMethod.Get, root, path, null, cancellationToken).ConfigureAwait(false);
        var requests = new List<ErpSandboxRequest>();
        foreach (JsonElement entry in log.RootElement.EnumerateArray())
        {
            requests.Add(new ErpSandboxRequest(
                TitleOf(entry.GetProperty("system").GetString() ?? string.Empty),
                entry.GetProperty("method").GetString() ?? string.Empty,
                entry.GetProperty("path").GetString() ?? string.Empty,
                entry.GetProperty("query").GetString() ?? string.Empty,
                entry.GetProperty("statusCode").GetInt32(),
                entry.GetProperty("time").GetDateTimeOffset(),
                entry.GetProperty("faultInjected").GetBoolean(),
                entry.TryGetProperty("body", out JsonElement body) && body.ValueKind == JsonValueKind.String ? body.GetString() : null));
        }

        return requests;
    }

    public static async Task ClearRequestsAsync(Uri root, CancellationToken cancellationToken)
    {
        using JsonDocument _ = await SendAsync(HttpMethod.Delete, root, "_sandbox/requests", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"severa" as the cmdlets name it: "Severa".</summary>
    internal static string TitleOf(string name) => name.ToUpperInvariant() switch
    {
        "SEVERA" => "Severa",
        "JIWA" => "Jiwa",
        "QICS" => "Qics",
        "WEAVY" => "Weavy",
        "MICROBIZZ" => "Microbizz",
        "HOST" => "Host",
        _ => name,
    };

    private static ErpSandboxSystem ToSystem(JsonElement system) => new(
        system.GetProperty("title").GetString() ?? string.Empty,
        new Uri(system.GetProperty("baseUri").GetString() ?? string.Empty),
        Ordered(system.GetProperty("credentials")),
        Ordered(system.GetProperty("settings")),
        system.GetProperty("pendingFaults").GetInt32());

    private static OrderedDictionary Ordered(JsonElement obj)
    {
        var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        foreach (JsonProperty property in obj.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number when property.Value.TryGetInt32(out int whole) => whole,
                JsonValueKind.Number => property.Value.GetDouble(),
                _ => property.Value.GetRawText(),
            };
        }

        return result;
    }

    private static string Json(IDictionary values)
    {
        using var buffer = new System.IO.MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (DictionaryEntry entry in values)
            {
                string name = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                object? value = entry.Value is System.Management.Automation.PSObject wrapped ? wrapped.BaseObject : entry.Value;
                switch (value)
                {
                    case null:
                        writer.WriteNull(name);
                        break;
                    case bool flag:
                        writer.WriteBoolean(name, flag);
                        break;
                    case string text:
                        writer.WriteString(name, text);
                        break;
                    case TimeSpan duration:
                        writer.WriteNumber(name, duration.TotalSeconds);
                        break;
                    case IConvertible number when IsNumber(number):
                        writer.WriteNumber(name, number.ToDouble(CultureInfo.InvariantCulture));
                        break;
                    default:
                        writer.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static bool IsNumber(IConvertible value) => value.GetTypeCode() is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16
        or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;

    private static async Task<JsonDocument> SendAsync(HttpMethod method, Uri root, string path, string? json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(root, path));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SandboxControlException($"No sandbox answers at {root}: {e.Message} Start one with Start-ErpSandbox (or erp-sandbox), or name it with -Uri.", SandboxControlFailure.Unreachable, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SandboxControlException($"The sandbox at {root} did not answer within {Http.Timeout.TotalSeconds} s.", SandboxControlFailure.Unreachable, e);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                // Not the control endpoint's JSON: reported below.
            }

            if (response.IsSuccessStatusCode && document is not null)
            {
                return document;
            }

            string message = document is not null && document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("error", out JsonElement error)
                ? error.GetString() ?? text
                : $"{root} answered {(int)response.StatusCode} without the control endpoint's JSON: is it an ErpConnectors sandbox of this version?";
            document?.Dispose();
            throw new SandboxControlException(message, (int)response.StatusCode is 400 or 404 && document is not null ? SandboxControlFailure.Refused : SandboxControlFailure.Unreachable);
        }
    }
}

internal enum SandboxControlFailure
{
    /// <summary>The sandbox refused what was asked (a bad setting or value, an unknown system): the caller's input.</summary>
    Refused,

    /// <summary>No sandbox answered, or not as one.</summary>
    Unreachable,
}

internal sealed class SandboxControlException : Exception
{
    public SandboxControlException(string message, SandboxControlFailure failure, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    public SandboxControlFailure Failure { get; }
}
