using System.Globalization;
using System.Text.RegularExpressions;
using ErpConnectors.Sandbox.Qics.Http;

namespace ErpConnectors.Sandbox.Qics.OData;

/// <summary>
/// The last segment of an OData URL: an entity set, "Customer", or one entity, "Customer(12)" (also the
/// named form "Customer(CustomerId=12)").
/// </summary>
internal sealed partial record ResourcePath(string EntitySet, string? KeyText)
{
    public static ResourcePath Parse(string segment)
    {
        if (segment == "$metadata")
        {
            // Chosen: the vendor's CSDL is not public, so the sandbox does not pretend to have it.
            throw QicsErrors.NotFound("The sandbox does not serve $metadata; the service document at V3/odata lists the entity sets.");
        }

        var match = SegmentPattern().Match(segment);
        return match.Success
            ? new ResourcePath(match.Groups["set"].Value, match.Groups["key"].Success ? match.Groups["key"].Value : null)
            : throw QicsErrors.NotFound($"No resource '{segment}' exists (an entity set such as OverviewCustomer, or one entity such as Customer(12)).");
    }

    /// <summary>The key value, checked against the entity type's key name and type.</summary>
    public long Key(EntitySchema schema)
    {
        var text = KeyText!.Trim();
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var name = text[..equals].Trim();
            if (name != schema.Key.Name)
            {
                throw QicsErrors.BadRequest($"The key of {schema.Name} is {schema.Key.Name}, not '{name}'.");
            }

            text = text[(equals + 1)..].Trim();
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var key)
            ? key
            : throw QicsErrors.BadRequest($"The key value '{text}' of {schema.Name} is not a valid Edm.Int64.");
    }

    [GeneratedRegex(@"^(?<set>[A-Za-z_][A-Za-z0-9_]*)(?:\((?<key>[^()]*)\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();
}
