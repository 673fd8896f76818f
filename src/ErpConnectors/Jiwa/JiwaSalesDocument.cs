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
/// Sales orders and sales quotes are the same kind of document to the API (a debtor, lines, notes, histories), with
/// their own names for a line's id and history id. This builds their request bodies from what a person pipes or
/// types, and checks the lines before anything is sent.
/// </summary>
internal sealed class JiwaSalesDocument
{
    /// <summary>Both line DTOs call the quantity QuantityOrdered (SalesOrderLine and SalesQuoteLine alike).</summary>
    public const string QuantityField = "QuantityOrdered";

    /// <summary>Accepted and renamed to <see cref="QuantityField"/> (chosen: the name earlier versions of this module sent on quotes).</summary>
    public const string QuantityAlias = "Quantity";

    /// <summary>
    /// The line's selling price in Jiwa is DiscountedPrice (the vendor's own tests set it and read it back); a line
    /// has no Price property, so Price is accepted and renamed (chosen) rather than lost on the server.
    /// </summary>
    public const string PriceField = "DiscountedPrice";

    public const string PriceAlias = "Price";

    public static readonly JiwaSalesDocument SalesOrder = new(JiwaApi.SalesOrders, "InvoiceLineID", "InvoiceHistoryID", "ExpectedDeliveryDate", "QuoteLineID", JiwaLineFields.SalesOrderLine);
    public static readonly JiwaSalesDocument SalesQuote = new(JiwaApi.SalesQuotes, "QuoteLineID", "QuoteHistoryID", "ExpectedDeliveryDate", "InvoiceLineID", JiwaLineFields.SalesQuoteLine);

    private readonly ISet<string> _lineFields;

    private JiwaSalesDocument(JiwaResource resource, string lineIdField, string historyIdField, string dateField, string otherLineIdField, ISet<string> lineFields)
    {
        OtherLineIdField = otherLineIdField;
        DateField = dateField;
        Resource = resource;
        LineIdField = lineIdField;
        HistoryIdField = historyIdField;
        _lineFields = lineFields;
    }

    public JiwaResource Resource { get; }

    /// <summary>The header date a person sets: ExpectedDeliveryDate on both (a quote's expiry belongs to its history, not its header).</summary>
    public string DateField { get; }

    public string LineIdField { get; }

    /// <summary>InvoiceHistoryID or QuoteHistoryID: lines live in a history of the document.</summary>
    public string HistoryIdField { get; }

    /// <summary>The other document's line id: dropped, so a quote's lines can become a new order's.</summary>
    public string OtherLineIdField { get; }

    /// <summary>The DTO's name for messages: SalesOrderLine, SalesQuoteLine.</summary>
    public string LineDtoName => ReferenceEquals(_lineFields, JiwaLineFields.SalesOrderLine) ? "SalesOrderLine" : "SalesQuoteLine";

    /// <summary>
    /// Lines as the API takes them. A line with the line id updates that line (Set only); any other line is new and
    /// needs PartNo or InventoryID and a positive quantity. Other properties go as given; one the line DTO does not
    /// have is named in a warning (<paramref name="warn"/>), since the server would drop it.
    /// </summary>
    public (List<OrderedDictionary> Lines, ErrorRecord? Error) Lines(object[]? input, bool allowUpdates, Action<string>? warn = null)
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

            Rename(line, QuantityAlias, QuantityField);
            Rename(line, PriceAlias, PriceField);
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

            foreach (string priceName in JiwaLineFields.Prices)
            {
                if (Find(line, priceName) is not { } priceKey)
                {
                    continue;
                }

                if (string.IsNullOrWhiteSpace(Convert.ToString(line[priceKey], CultureInfo.InvariantCulture)))
                {
                    line.Remove(priceKey); // an empty CSV cell: let Jiwa price the line
                }
                else if (!TryNumber(line[priceKey], out decimal price, out string why))
                {
                    return (lines, Invalid("Jiwa.InvalidPrice", $"Line {i + 1}: {priceName} must be a number, not '{line[priceKey]}'{Because(why)}.", line[priceKey]));
                }
                else
                {
                    line[priceKey] = price;
                }
            }

            if (update && !allowUpdates)
            {
                object? id = line[Find(line, LineIdField)!];
                return (lines, Invalid("Jiwa.LineIdOnNew", $"Line {i + 1} names {LineIdField} '{id}': a new {Resource.Noun} has no lines to update.", id));
            }

            foreach (string key in line.Keys.Cast<string>().Where(k => !_lineFields.Contains(k)))
            {
                warn?.Invoke($"Line {i + 1}: '{key}' is not a property of Jiwa's {LineDtoName}; the server ignores it (known ones include PartNo, InventoryID, {QuantityField}, {PriceField}, Description, CommentText).");
            }

            if (!update && !HasValue(line, "PartNo") && !HasValue(line, "InventoryID") && !IsComment(line))
            {
                return (lines, Invalid("Jiwa.LineWithoutItem", $"Line {i + 1} needs PartNo or InventoryID (or {LineIdField} to change an existing line, or CommentLine with CommentText); it has {Describe(line)}.", Describe(line)));
            }

            if (!update && Find(line, QuantityField) is null && !IsComment(line))
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

    /// <summary>A comment line (CommentLine true) carries text, no item or quantity: the vendor's tests append one.</summary>
    private static bool IsComment(OrderedDictionary line) =>
        Find(line, "CommentLine") is { } key && LanguagePrimitives.IsTrue(line[key]) && HasValue(line, "CommentText");

    private static void Rename(OrderedDictionary line, string alias, string name)
    {
        if (Find(line, name) is null && Find(line, alias) is { } aliasKey)
        {
            object? value = line[aliasKey];
            line.Remove(aliasKey);
            line[name] = value;
        }
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
