using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Hosting;
using ErpConnectors.Sandbox.Severa.Http;

namespace ErpConnectors.Sandbox.Severa.Writes;

/// <summary>One operation of a JSON Patch document; <see cref="Field"/> is the patchable field it names.</summary>
internal sealed record PatchOperation(int Index, string Field, JsonElement Value);

/// <summary>
/// JSON Patch as the vendor accepts it: an array of operations, "replace" only ("only replace is supported"),
/// a path naming a top-level field with or without its leading slash (the vendor's own money example writes
/// "unitPrice"), and a value.
/// </summary>
internal static class JsonPatch
{
    public static IReadOnlyList<PatchOperation> Parse(JsonElement body, IReadOnlyCollection<string> patchableFields)
    {
        if (body.ValueKind != JsonValueKind.Array)
        {
            throw SeveraErrors.InvalidParameter(null, "The body must be a JSON Patch document: an array of operations.");
        }

        var operations = new List<PatchOperation>();
        var errors = new List<SeveraErrorDetail>();
        var index = 0;
        foreach (var operation in body.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"[{index}]");
            if (operation.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new($"Operation {at} is not a JSON object.", at));
            }
            else if (!operation.TryGet("op", out var op) || op.ValueKind != JsonValueKind.String)
            {
                errors.Add(new($"Operation {at} has no op.", at + ".op"));
            }
            else if (!string.Equals(op.GetString(), "replace", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(new($"Operation '{op.GetString()}' is not supported: only 'replace' is.", at + ".op"));
            }
            else if (!operation.TryGet("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                errors.Add(new($"Operation {at} has no path.", at + ".path"));
            }
            else if (Field(path.GetString()!, patchableFields) is not { } field)
            {
                errors.Add(new(
                    $"The path '{path.GetString()}' cannot be replaced. Patchable: {string.Join(", ", patchableFields.Select(f => "/" + f))}.",
                    at + ".path"));
            }
            else if (!operation.TryGet("value", out var value))
            {
                errors.Add(new($"Operation {at} has no value.", at + ".value"));
            }
            else
            {
                operations.Add(new PatchOperation(index, field, value));
            }

            index++;
        }

        if (errors.Count > 0)
        {
            throw SeveraErrors.InvalidParameters(errors);
        }

        return operations.Count > 0 ? operations : throw SeveraErrors.InvalidParameter(null, "The JSON Patch document has no operations.");
    }

    private static string? Field(string path, IReadOnlyCollection<string> patchableFields)
    {
        var name = path.StartsWith('/') ? path[1..] : path;
        return patchableFields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));
    }
}
