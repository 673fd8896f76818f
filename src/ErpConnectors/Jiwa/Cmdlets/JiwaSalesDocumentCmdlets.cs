using System;
using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// New-JiwaSalesOrder and New-JiwaSalesQuote: POST /{Resource} with the debtor (DebtorID wins over
/// DebtorAccountNo, as on the server), lines and notes. Lines are checked before anything is sent, and a create is
/// never replayed once it may have reached the server.
/// </summary>
public abstract class NewJiwaSalesDocumentCmdlet : JiwaCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "DebtorID")]
    [ValidateNotNullOrEmpty]
    public string DebtorID { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "AccountNo")]
    [ValidateNotNullOrEmpty]
    public string DebtorAccountNo { get; set; } = string.Empty;

    /// <summary>Lines: hashtables or objects with PartNo or InventoryID, the quantity, and optionally Price.</summary>
    /// <remarks>Alias Lines: a piped sales quote's lines become the new order's (their quote line ids are dropped).</remarks>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Lines")]
    [ValidateNotNullOrEmpty]
    public object[] Line { get; set; } = Array.Empty<object>();

    /// <summary>Notes to attach (the server's default note type).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string[]? Note { get; set; }

    /// <summary>The customer's order number.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? OrderNo { get; set; }

    /// <summary>Creates it in this session only: nothing is stored until Save-JiwaRecord (or dropped with Undo-JiwaRecord).</summary>
    [Parameter]
    public SwitchParameter Stateful { get; set; }

    internal abstract JiwaSalesDocument Document { get; }

    /// <summary>-ExpectedDeliveryDate, a header field of orders and quotes alike.</summary>
    internal abstract DateTime? Date { get; }

    protected override void ProcessRecord()
    {
        var (lines, invalid) = Document.Lines(Line, allowUpdates: false, WriteWarning);
        if (invalid is not null)
        {
            WriteError(invalid);
            return;
        }

        var body = new OrderedDictionary();
        if (ParameterSetName == "DebtorID")
        {
            body["DebtorID"] = DebtorID;
        }
        else
        {
            body["DebtorAccountNo"] = DebtorAccountNo;
        }

        if (OrderNo is not null)
        {
            body["OrderNo"] = OrderNo;
        }

        if (Date is { } date)
        {
            body[Document.DateField] = JiwaQuery.Format(date);
        }

        body["Lines"] = lines;
        body["Notes"] = JiwaSalesDocument.Notes(Note);
        string debtor = ParameterSetName == "DebtorID" ? DebtorID : $"account {DebtorAccountNo}";
        string target = $"{Document.Resource.Noun} for debtor {debtor}, {lines.Count} line(s)";
        if (!ShouldProcess(target, $"Create Jiwa {Document.Resource.Noun}"))
        {
            return;
        }

        if (Serialize(body, Line) is not { } json)
        {
            return;
        }

        var request = JiwaApi.MarkStateful(new ApiRequest(HttpMethod.Post, Document.Resource.Route!) { Body = json }, Stateful);
        Send(request, Document.Resource.TypeName, target, emit: true);
    }
}

/// <summary>
/// Set-JiwaSalesOrder and Set-JiwaSalesQuote: PATCH /{Resource}/{id} adding and changing lines, adding notes and
/// changing header fields in one request, as the document's example does. Appending lines is not idempotent, so
/// a PATCH is never replayed after it may have reached the server.
/// </summary>
public abstract class SetJiwaSalesDocumentCmdlet : JiwaCmdlet
{
    /// <summary>Lines to add (PartNo or InventoryID, quantity) or to change (with the line id).</summary>
    [Parameter]
    public object[]? Line { get; set; }

    [Parameter]
    public string[]? Note { get; set; }

    [Parameter]
    public string? OrderNo { get; set; }

    /// <summary>Other header fields to set, by their Jiwa names.</summary>
    [Parameter]
    public Hashtable? Property { get; set; }

    /// <summary>Changes the copy held in this session only, until Save-JiwaRecord or Undo-JiwaRecord.</summary>
    [Parameter]
    public SwitchParameter Stateful { get; set; }

    /// <summary>Emits the updated record.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    internal abstract JiwaSalesDocument Document { get; }

    internal abstract string Id { get; }

    /// <summary>-ExpectedDeliveryDate, a header field of orders and quotes alike.</summary>
    internal abstract DateTime? Date { get; }

    protected override void ProcessRecord()
    {
        var (lines, invalid) = Document.Lines(Line, allowUpdates: true, WriteWarning);
        if (invalid is not null)
        {
            WriteError(invalid);
            return;
        }

        OrderedDictionary body = JiwaSalesDocument.Properties(Property);
        foreach (string reserved in new[] { Document.Resource.Key, "Lines", "Notes" })
        {
            if (body.Contains(reserved))
            {
                WriteError(Core.Errors.ErrorMapper.InvalidArgument("Jiwa.ReservedProperty", $"-Property cannot set {reserved}: the id names the {Document.Resource.Noun}, and lines and notes go through -Line and -Note (which check them).", Property));
                return;
            }
        }

        if (OrderNo is not null)
        {
            body["OrderNo"] = OrderNo;
        }

        if (Date is { } date)
        {
            body[Document.DateField] = JiwaQuery.Format(date);
        }

        if (lines.Count > 0)
        {
            body["Lines"] = lines;
        }

        var notes = JiwaSalesDocument.Notes(Note);
        if (notes.Count > 0)
        {
            body["Notes"] = notes;
        }

        if (body.Count == 0)
        {
            WriteError(Core.Errors.ErrorMapper.InvalidArgument("Jiwa.NothingToChange", $"Nothing to change on {Document.Resource.Noun} '{Id}': give -Line, -Note, -OrderNo, -{Document.DateField} or -Property.", Id));
            return;
        }

        string target = $"{Document.Resource.Noun} {Id}";
        if (!ShouldProcess(target, $"Update Jiwa {Document.Resource.Noun}" + (Stateful ? " (stateful, not saved yet)" : string.Empty)))
        {
            return;
        }

        if (Serialize(body, Id) is not { } json)
        {
            return;
        }

        var request = JiwaApi.MarkStateful(new ApiRequest(new HttpMethod("PATCH"), Document.Resource.One(Id)) { Body = json }, Stateful);
        Send(request, Document.Resource.TypeName, Id, emit: PassThru);
    }
}
