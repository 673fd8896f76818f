using System;
using System.Collections.Generic;
using System.Linq;

namespace ErpConnectors.Core.Errors;

/// <summary>
/// Joins a vendor's main error message with its per-field details, saying each thing once: servers often repeat
/// the main message as a field's message, or start a field's message with its field name ("OrderBy: ...").
/// </summary>
internal static class VendorMessage
{
    public static string Join(string? message, IEnumerable<(string? Field, string? Message)> details)
    {
        string main = message?.Trim() ?? string.Empty;
        var parts = new List<string>();
        foreach (var (field, text) in details)
        {
            string detail = text?.Trim() ?? string.Empty;
            if (detail.Length == 0)
            {
                continue;
            }

            if (!string.IsNullOrEmpty(field) && !detail.StartsWith(field + ":", StringComparison.OrdinalIgnoreCase) && !detail.StartsWith(field + " ", StringComparison.OrdinalIgnoreCase))
            {
                detail = $"{field}: {detail}";
            }

            bool said = main.IndexOf(text!.Trim(), StringComparison.OrdinalIgnoreCase) >= 0 || parts.Contains(detail, StringComparer.OrdinalIgnoreCase);
            if (!said)
            {
                parts.Add(detail);
            }
        }

        if (parts.Count == 0)
        {
            return main;
        }

        return main.Length == 0 ? string.Join("; ", parts) : $"{main} ({string.Join("; ", parts)})";
    }
}
