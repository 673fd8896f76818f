using System.Globalization;
using System.Text.Json;
using ErpConnectors.Sandbox.Jiwa.Data;
using ErpConnectors.Sandbox.Jiwa.Http;
using ErpConnectors.Sandbox.Jiwa.Records;

namespace ErpConnectors.Sandbox.Jiwa.Sales;

/// <summary>
/// Builds and changes sales orders and quotes from request bodies, with the vendor's rules: the debtor by
/// DebtorID or DebtorAccountNo (DebtorID wins), a line's item by InventoryID or PartNo (InventoryID wins), an
/// omitted DiscountedPrice is the item's default price, an omitted note type the default one. A property the
/// DTO lacks (a line's "Price", a quote header's "ExpiryDate") is ignored, as ServiceStack ignores it. A body is read and checked
/// completely before anything changes: 400 lists every binding or validation problem; an unknown debtor, item
/// or line is 404; a debtor on hold is 409.
/// </summary>
internal sealed class SalesDocumentWriter(SalesBook book, RecordStore<Debtor> debtors, RecordStore<InventoryItem> inventory, Func<DateTime> now)
{
    private const string InventoryWhat = "Inventory item";

    private SalesDocumentShape Shape => book.Shape;

    private string DtoName => Shape.Route.TrimEnd('s');

    public SalesDocument Create(JsonElement body)
    {
        var input = new JiwaInput(DtoName + "POSTRequest");
        var debtorId = input.Text(body, "DebtorID");
        var accountNo = input.Text(body, "DebtorAccountNo");
        var orderNo = input.Text(body, "OrderNo");
        var dueDate = input.Date(body, SalesDocumentShape.DueDateName);
        var lineBodies = input.Objects(body, "Lines");
        var lines = lineBodies.Select((line, i) => ReadNewLine(input, line, Field("Lines", i))).ToList();
        var notes = ReadNotes(input, body);
        if (string.IsNullOrEmpty(debtorId) && string.IsNullOrEmpty(accountNo))
        {
            input.Fail(JiwaErrors.Empty("DebtorID"));
        }

        if (lineBodies.Count == 0)
        {
            input.Fail(JiwaErrors.Empty("Lines"));
        }

        input.ThrowIfInvalid();
        var debtor = FindDebtor(debtorId, accountNo);
        if (debtor.AccountOnHold)
        {
            throw JiwaErrors.DebtorOnHold(debtor.AccountNo, Shape.What.ToLowerInvariant());
        }

        var stamp = now();
        return new SalesDocument
        {
            Id = JiwaIds.NewHex(),
            No = book.NextNumber(),
            DebtorID = debtor.DebtorID,
            DebtorAccountNo = debtor.AccountNo,
            DebtorName = debtor.Name,
            OrderNo = orderNo,
            InitiatedDate = stamp.Date,
            DueDate = dueDate,
            Status = Shape.Statuses[0],
            Lines = [.. lines.Select(Resolve)],
            Notes = [.. notes.Select(n => n(stamp))],
            LastSavedDateTime = stamp,
        };
    }

    /// <summary>
    /// Reads a PATCH body (scalar fields OrderNo, the due date and Status; Lines with a line id update that
    /// line, without one are appended; Notes are appended) and answers the change to apply. The debtor of a
    /// document is not changed by PATCH: DebtorID and DebtorAccountNo in the body are ignored (chosen).
    /// </summary>
    public Func<SalesDocument, SalesDocument> Patch(JsonElement body)
    {
        var input = new JiwaInput(DtoName + "PATCHRequest");
        var orderNo = input.Text(body, "OrderNo");
        var dueDate = input.Date(body, SalesDocumentShape.DueDateName);
        var status = input.OneOf(body, "Status", Shape.Statuses);
        var edits = new List<LineEdit>();
        var added = new List<NewLine>();
        var lineBodies = input.Objects(body, "Lines");
        for (var i = 0; i < lineBodies.Count; i++)
        {
            var field = Field("Lines", i);
            if (input.Text(lineBodies[i], Shape.LineIdName, $"{field}.{Shape.LineIdName}") is { Length: > 0 } lineId)
            {
                edits.Add(ReadLineEdit(input, lineBodies[i], field, lineId));
            }
            else
            {
                added.Add(ReadNewLine(input, lineBodies[i], field));
            }
        }

        var notes = ReadNotes(input, body);
        input.ThrowIfInvalid();
        var appended = added.Select(Resolve).ToList();

        return document =>
        {
            var lines = document.Lines.ToList();
            foreach (var edit in edits)
            {
                var at = lines.FindIndex(l => string.Equals(l.LineId, edit.LineId, StringComparison.OrdinalIgnoreCase));
                if (at < 0)
                {
                    throw JiwaErrors.RecordNotFound($"{Shape.What} line", Shape.LineIdName, edit.LineId);
                }

                lines[at] = edit.Apply(lines[at]);
            }

            var stamp = now();
            return document with
            {
                OrderNo = orderNo ?? document.OrderNo,
                DueDate = dueDate ?? document.DueDate,
                Status = status ?? document.Status,
                Lines = [.. lines, .. appended],
                Notes = [.. document.Notes, .. notes.Select(n => n(stamp))],
            };
        };
    }

    /// <summary>Reads the body of POST .../Notes: one note (NoteText required, NoteType defaulted).</summary>
    public JiwaNote Note(JsonElement body)
    {
        var input = new JiwaInput("NotePOSTRequest");
        var note = ReadNote(input, body, field: null);
        input.ThrowIfInvalid();
        return note(now());
    }

    private static string Field(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index}]");

    /// <summary>POST .../Historys/{id}/Lines: one new line, appended to the document's (only) history.</summary>
    public Func<SalesDocument, (SalesDocument Document, SalesDocumentLine Line)> AppendLine(JsonElement body)
    {
        var input = new JiwaInput(DtoName + "LinePOSTRequest");
        var added = ReadNewLine(input, body, null);
        input.ThrowIfInvalid();
        var line = Resolve(added);
        return document => (document with { Lines = [.. document.Lines, line] }, line);
    }

    /// <summary>PATCH .../Lines/{lineId}: the line's QuantityOrdered, DiscountedPrice, Description or CommentText.</summary>
    public Func<SalesDocument, SalesDocument> EditLine(JsonElement body, string lineId)
    {
        var input = new JiwaInput(DtoName + "LinePATCHRequest");
        var edit = ReadLineEdit(input, body, null, lineId);
        input.ThrowIfInvalid();
        return document =>
        {
            var lines = document.Lines.ToList();
            var at = lines.FindIndex(l => string.Equals(l.LineId, lineId, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                throw JiwaErrors.RecordNotFound($"{Shape.What} line", Shape.LineIdName, lineId);
            }

            lines[at] = edit.Apply(lines[at]);
            return document with { Lines = lines };
        };
    }

    private static string Name(string? field, string name) => field is null ? name : $"{field}.{name}";

    private NewLine ReadNewLine(JiwaInput input, JsonElement line, string? field)
    {
        var inventoryId = input.Text(line, "InventoryID", Name(field, "InventoryID"));
        var partNo = input.Text(line, "PartNo", Name(field, "PartNo"));
        var quantity = input.Decimal(line, SalesDocumentShape.QuantityName, Name(field, SalesDocumentShape.QuantityName));
        var price = input.Decimal(line, SalesDocumentShape.PriceName, Name(field, SalesDocumentShape.PriceName));
        var comment = input.Bool(line, "CommentLine", Name(field, "CommentLine")) == true;
        var commentText = input.Text(line, "CommentText", Name(field, "CommentText"));
        if (comment)
        {
            if (string.IsNullOrWhiteSpace(commentText))
            {
                input.Fail(JiwaErrors.Empty(Name(field, "CommentText")));
            }

            return new NewLine(null, null, 0m, null, commentText);
        }

        if (string.IsNullOrEmpty(inventoryId) && string.IsNullOrEmpty(partNo))
        {
            input.Fail(JiwaErrors.Empty(Name(field, "PartNo")));
        }

        // An omitted quantity is 0 in the DTO, and 0 is not a quantity one can order.
        if ((quantity ?? 0m) <= 0m)
        {
            input.Fail(JiwaErrors.NotPositive(Name(field, SalesDocumentShape.QuantityName)));
        }

        return new NewLine(inventoryId, partNo, quantity ?? 0m, price, null);
    }

    private static LineEdit ReadLineEdit(JiwaInput input, JsonElement line, string? field, string lineId)
    {
        var quantity = input.Decimal(line, SalesDocumentShape.QuantityName, Name(field, SalesDocumentShape.QuantityName));
        if (quantity <= 0m)
        {
            input.Fail(JiwaErrors.NotPositive(Name(field, SalesDocumentShape.QuantityName)));
        }

        return new LineEdit(
            lineId,
            quantity,
            input.Decimal(line, SalesDocumentShape.PriceName, Name(field, SalesDocumentShape.PriceName)),
            input.Text(line, "Description", Name(field, "Description")),
            input.Text(line, "CommentText", Name(field, "CommentText")));
    }

    private static List<Func<DateTime, JiwaNote>> ReadNotes(JiwaInput input, JsonElement body)
    {
        var notes = input.Objects(body, "Notes");
        return [.. notes.Select((note, i) => ReadNote(input, note, Field("Notes", i)))];
    }

    /// <summary>A note waiting for its save time.</summary>
    private static Func<DateTime, JiwaNote> ReadNote(JiwaInput input, JsonElement note, string? field)
    {
        var prefix = field is null ? string.Empty : field + ".";
        var text = input.Text(note, "NoteText", prefix + "NoteText");
        var type = input.Text(note, "NoteType", prefix + "NoteType");
        if (string.IsNullOrWhiteSpace(text))
        {
            input.Fail(JiwaErrors.Empty(prefix + "NoteText"));
        }

        var noteType = string.IsNullOrWhiteSpace(type) ? JiwaNote.DefaultType : type;
        return stamp => new JiwaNote(JiwaIds.NewGuid(), text ?? string.Empty, noteType, stamp);
    }

    private Debtor FindDebtor(string? debtorId, string? accountNo)
    {
        if (!string.IsNullOrEmpty(debtorId))
        {
            return debtors.Get(debtorId)?.Record ?? throw JiwaErrors.RecordNotFound("Debtor", "DebtorID", debtorId);
        }

        return debtors.Find(d => string.Equals(d.AccountNo, accountNo, StringComparison.OrdinalIgnoreCase))
            ?? throw JiwaErrors.RecordNotFound("Debtor", "AccountNo", accountNo!);
    }

    private SalesDocumentLine Resolve(NewLine line)
    {
        if (line.CommentText is { } text)
        {
            return new SalesDocumentLine(JiwaIds.NewHex(), string.Empty, string.Empty, string.Empty, 0m, 0m) { CommentLine = true, CommentText = text };
        }

        var item = !string.IsNullOrEmpty(line.InventoryID)
            ? inventory.Get(line.InventoryID)?.Record ?? throw JiwaErrors.RecordNotFound(InventoryWhat, "InventoryID", line.InventoryID)
            : inventory.Find(i => string.Equals(i.PartNo, line.PartNo, StringComparison.OrdinalIgnoreCase))
                ?? throw JiwaErrors.RecordNotFound(InventoryWhat, "PartNo", line.PartNo!);
        return new SalesDocumentLine(JiwaIds.NewHex(), item.InventoryID, item.PartNo, item.Description, line.Quantity, line.Price ?? item.DefaultPrice);
    }

    private sealed record NewLine(string? InventoryID, string? PartNo, decimal Quantity, decimal? Price, string? CommentText);

    private sealed record LineEdit(string LineId, decimal? Quantity, decimal? Price, string? Description, string? CommentText)
    {
        public SalesDocumentLine Apply(SalesDocumentLine line) => line with
        {
            Quantity = Quantity ?? line.Quantity,
            Price = Price ?? line.Price,
            Description = Description ?? line.Description,
            CommentText = line.CommentLine ? CommentText ?? line.CommentText : line.CommentText,
        };
    }
}
