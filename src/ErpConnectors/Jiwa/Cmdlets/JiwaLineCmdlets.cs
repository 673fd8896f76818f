using System;
using System.Collections;
using System.Collections.Specialized;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// The line routes of a sales order or quote, one line per request: append (POST .../Lines), change (PATCH
/// .../Lines/{lineId}), remove (DELETE .../Lines/{lineId}). Subclasses name the ids as the DTOs do.
/// </summary>
public abstract class JiwaLineCmdlet : JiwaCmdlet
{
    internal abstract JiwaSalesDocument Document { get; }

    /// <summary>InvoiceID or QuoteID.</summary>
    internal abstract string DocumentId { get; }

    /// <summary>InvoiceHistoryID or QuoteHistoryID, when given.</summary>
    internal abstract string? HistoryId { get; }

    internal string LineTypeName => ReferenceEquals(Document, JiwaSalesDocument.SalesOrder) ? JiwaTypeNames.SalesOrderLine : JiwaTypeNames.SalesQuoteLine;

    /// <summary>Finds the history (unless given), then sends what <paramref name="build"/> makes for it.</summary>
    internal void SendToHistory(string? lineId, Func<string, ApiRequest> build, object target, bool emit)
    {
        var runtime = Runtime;
        string? given = HistoryId;
        string id = DocumentId;
        Run(async (output, token) =>
        {
            string historyId = given ?? await JiwaHistories.FindAsync(runtime, Document, id, lineId, output, token).ConfigureAwait(false);
            object? answer = await runtime.SendForValueAsync(build(historyId), LineTypeName, output, token).ConfigureAwait(false);
            if (emit)
            {
                await ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
        }, target: target);
    }
}

/// <summary>Add-JiwaSalesOrderLine, Add-JiwaSalesQuoteLine: each line is one POST, never replayed once it may have arrived.</summary>
public abstract class AddJiwaLineCmdlet : JiwaLineCmdlet
{
    /// <summary>Lines: hashtables or objects with PartNo or InventoryID and QuantityOrdered, optionally DiscountedPrice.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public object[] Line { get; set; } = Array.Empty<object>();

    protected override void ProcessRecord()
    {
        var (lines, invalid) = Document.Lines(Line, allowUpdates: false, WriteWarning);
        if (invalid is not null)
        {
            WriteError(invalid);
            return;
        }

        foreach (OrderedDictionary line in lines)
        {
            object? item = line["PartNo"] ?? line["InventoryID"] ?? line["CommentText"];
            string what = item is null ? "line" : $"line {item}";
            string target = $"{what} on {Document.Resource.Noun} {DocumentId}";
            if (!ShouldProcess(target, $"Append a line to a Jiwa {Document.Resource.Noun}") || Serialize(line, Line) is not { } json)
            {
                continue;
            }

            SendToHistory(null, history => new ApiRequest(HttpMethod.Post, JiwaHistories.Lines(Document, DocumentId, history)) { Body = json }, target, emit: true);
        }
    }
}

/// <summary>Set-JiwaSalesOrderLine, Set-JiwaSalesQuoteLine: PATCH one line's fields (safe to replay: the same fields again).</summary>
public abstract class SetJiwaLineCmdlet : JiwaLineCmdlet
{
    /// <summary>The line's fields to set, by their Jiwa names: @{ QuantityOrdered = 8; DiscountedPrice = 9.99 }.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNull]
    public Hashtable Property { get; set; } = new();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>InvoiceLineID or QuoteLineID.</summary>
    internal abstract string LineId { get; }

    protected override void ProcessRecord()
    {
        OrderedDictionary fields = JiwaSalesDocument.Properties(Property);
        if (fields.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Jiwa.NothingToChange", $"-Property is empty: nothing to change on line '{LineId}'.", Property));
            return;
        }

        fields[Document.LineIdField] = LineId;
        var (lines, invalid) = Document.Lines(new object[] { fields }, allowUpdates: true, WriteWarning);
        if (invalid is not null)
        {
            WriteError(invalid);
            return;
        }

        string target = $"line {LineId} of {Document.Resource.Noun} {DocumentId}";
        if (!ShouldProcess(target, $"Update a Jiwa {Document.Resource.Noun} line") || Serialize(lines[0], Property) is not { } json)
        {
            return;
        }

        SendToHistory(LineId, history => new ApiRequest(new HttpMethod("PATCH"), JiwaHistories.Line(Document, DocumentId, history, LineId)) { Body = json, Idempotent = true }, target, emit: PassThru);
    }
}

/// <summary>Remove-JiwaSalesOrderLine, Remove-JiwaSalesQuoteLine: DELETE one line (204).</summary>
public abstract class RemoveJiwaLineCmdlet : JiwaLineCmdlet
{
    internal abstract string LineId { get; }

    protected override void ProcessRecord()
    {
        string target = $"line {LineId} of {Document.Resource.Noun} {DocumentId}";
        if (ShouldProcess(target, $"Remove a line from a Jiwa {Document.Resource.Noun}"))
        {
            // Not replayed: a second DELETE of a removed line is a 404 that would report a success as a failure.
            SendToHistory(LineId, history => new ApiRequest(HttpMethod.Delete, JiwaHistories.Line(Document, DocumentId, history, LineId)) { Idempotent = false }, target, emit: false);
        }
    }
}
