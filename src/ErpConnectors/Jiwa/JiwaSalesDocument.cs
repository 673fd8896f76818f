using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Common;
using ErpConnectors.Core.Errors;

namespace ErpConnectors.Jiwa;

/// <summary>
/// Sales orders and sales quotes are the same kind of document to the API (a debtor, lines, notes), with their own
/// names for a line's id and quantity. This builds their request bodies from what a person pipes or types, and
/// checks the lines before anything is sent.
/// </summary>
internal sealed class JiwaSalesDocument
{
    public static readonly JiwaSalesDocument SalesOrder = new(JiwaApi.SalesOrders, "InvoiceLineID", "QuantityOrdered", "Quantity", "ExpectedDeliveryDate", "QuoteLineID");
    public static readonly JiwaSalesDocument SalesQuote = new(JiwaApi.SalesQuotes, "QuoteLineID", "Quantity", "QuantityOrdered", "ExpiryDate", "InvoiceLineID");

    private JiwaSalesDocument(JiwaResource resource, string lineIdField, string quantityField, string quantityAlias, string dateField, string otherLineIdField)
    {
        OtherLineIdField = otherLineIdField;
        DateField = dateField;
        Resource = resource;
        LineIdField = lineIdField;
        QuantityField = quantityField;
        QuantityAlias = quantityAlias;
    }

    public JiwaResource Resource { get; }

    /// <summary>The header date a person sets: ExpectedDeliveryDate (orders), ExpiryDate (quotes).</summary>
    public string DateField { get; }

    public string LineIdField { get; }

    /// <summary>The other document's line id: dropped, so a quote's lines can become a new order's.</summary>
    public string OtherLineIdField { get; }

    public string QuantityField { get; }

    /// <summary>The other document's quantity name, accepted and renamed (a quote line copied into an order).</summary>
    public string QuantityAlias { get; }

    /// <summary>
    /// Lines as the API takes them. A line with the line id updates that line (Set only); any other line is new and
    /// needs PartNo or InventoryID and a positive quantity. Other properties (Price, CustomFieldValues...) go as given.
    /// </summary>
    public (List<OrderedDictionary> Lines, ErrorRecord? Error) Lines(object[]? input, bool allowUpdates)
    {
        var lines = new List<OrderedDictionary>();
        if (input is null)
        {
            return (lines, null);
        }

        for (int i = 0; i < input.Length; i++)
        {
            OrderedDictionary line = Properties(input[i]);
            if (line.Count == 0)
            {
                return (lines, Invalid("Jiwa.InvalidLine", $"Line {i + 1} has no properties: give a hashtable or object with PartNo or InventoryID and {QuantityField}.", input[i]));
            }

            if (Find(line, OtherLineIdField) is { } otherId)
            {
                line.Remove(otherId);
            }

            if (!line.Contains(QuantityField) && Find(line, QuantityAlias) is { } alias)
            {
                object? quantity = line[alias];
                line.Remove(alias);
                line[QuantityField] = quantity;
            }

            bool update = HasValue(line, LineIdField);
            if (Find(line, QuantityField) is { } quantityKey)
            {
                // A new line needs something to order; an existing line may be set to 0 (the server decides).
                if (!TryNumber(line[quantityKey], out decimal quantity, out string why) || quantity < 0 || (quantity == 0 && !update))
                {
                    return (lines, Invalid("Jiwa.InvalidQuantity", $"Line {i + 1}: {QuantityField} must be a number above 0, not '{line[quantityKey]}'{Because(why)}.", line[quantityKey]));
                }

                line[quantityKey] = quantity;
            }

            if (Find(line, "Price") is { } emptyPrice && string.IsNullOrWhiteSpace(Convert.ToString(line[emptyPrice], CultureInfo.InvariantCulture)))
            {
                line.Remove(emptyPrice); // an empty CSV cell: let Jiwa price the line
            }

            if (Find(line, "Price") is { } priceKey)
            {
                if (!TryNumber(line[priceKey], out decimal price, out string why))
                {
                    return (lines, Invalid("Jiwa.InvalidPrice", $"Line {i + 1}: Price must be a number, not '{line[priceKey]}'{Because(why)}.", line[priceKey]));
                }

                line[priceKey] = price;
            }

            if (update && !allowUpdates)
            {
                object? id = line[Find(line, LineIdField)!];
                return (lines, Invalid("Jiwa.LineIdOnNew", $"Line {i + 1} names {LineIdField} '{id}': a new {Resource.Noun} has no lines to update.", id));
            }

            if (!update && !HasValue(line, "PartNo") && !HasValue(line, "InventoryID"))
            {
                return (lines, Invalid("Jiwa.LineWithoutItem", $"Line {i + 1} needs PartNo or InventoryID (or {LineIdField} to change an existing line); it has {Describe(line)}.", Describe(line)));
            }

            if (!update && Find(line, QuantityField) is null)
            {
                // A near miss (Qty, QuantityOrderd) is named: the line would otherwise go out without a quantity.
                string? guess = line.Keys.Cast<string>().FirstOrDefault(k =>
                    k.IndexOf("qty", StringComparison.OrdinalIgnoreCase) >= 0 || k.IndexOf("quant", StringComparison.OrdinalIgnoreCase) >= 0);
                string message = guess is null
                    ? $"Line {i + 1} needs {QuantityField}; it has {Describe(line)}."
                    : $"Line {i + 1} needs {QuantityField}: Jiwa has no line field '{guess}' (name it {QuantityField}); the line is {Describe(line)}.";
                return (lines, Invalid("Jiwa.LineWithoutQuantity", message, Describe(line)));
            }

            lines.Add(line);
        }

        return (lines, null);
    }

    /// <summary>Notes to add: [{"NoteText": ...}] (the server's default note type).</summary>
    public static List<OrderedDictionary> Notes(string[]? notes) =>
        (notes ?? Array.Empty<string>()).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => new OrderedDictionary { ["NoteText"] = n }).ToList();

    /// <summary>The properties of a hashtable, a PSObject (Import-Csv row, Select-Object shape) or a .NET object.</summary>
    public static OrderedDictionary Properties(object? item)
    {
        var result = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
        object? bare = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (bare is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                result[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = Unwrap(entry.Value);
            }
        }
        else if (item is not null && bare is not string && !(bare?.GetType().IsPrimitive ?? true))
        {
            foreach (PSPropertyInfo property in PSObject.AsPSObject(item).Properties)
            {
                if (property.IsGettable)
                {
                    result[property.Name] = Unwrap(property.Value);
                }
            }
        }

        return result;
    }

    private static object? Unwrap(object? value) => value is PSObject p && p.BaseObject is not PSCustomObject ? p.BaseObject : value;

    private static string? Find(OrderedDictionary line, string name) =>
        line.Keys.Cast<string>().FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static bool HasValue(OrderedDictionary line, string name) =>
        Find(line, name) is { } key && line[key] is { } value && !string.IsNullOrWhiteSpace(Convert.ToString(value, CultureInfo.InvariantCulture));

    // Import-Csv gives strings: read by the module's one rule for numbers in text (NumberText), as every cmdlet does.
    private static bool TryNumber(object? value, out decimal number, out string why)
    {
        why = string.Empty;
        switch (value)
        {
            case string text:
                return NumberText.TryParse(text, wholeNumber: false, out number, out why);
            case IConvertible convertible when value is not bool and not DateTime:
                try
                {
                    number = convertible.ToDecimal(CultureInfo.InvariantCulture);
                    return true;
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
                {
                    break;
                }
        }

        number = 0;
        return false;
    }

    /// <summary>A line as PowerShell writes a hashtable, for messages and error targets: @{PartNo=P1; Qty=2}.</summary>
    private static string Describe(OrderedDictionary line) =>
        "@{" + string.Join("; ", line.Keys.Cast<string>().Select(k => $"{k}={Convert.ToString(line[k], CultureInfo.InvariantCulture)}")) + "}";

    private static string Because(string why) => why.Length == 0 ? string.Empty : ": " + why.TrimEnd('.');

    private static ErrorRecord Invalid(string id, string message, object? value) => ErrorMapper.InvalidArgument(id, message, value);
}
