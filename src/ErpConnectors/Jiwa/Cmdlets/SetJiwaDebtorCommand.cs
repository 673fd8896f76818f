using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Changes a Jiwa debtor's fields (PATCH /Debtors/{DebtorID}), by their Jiwa names. With -Stateful the change is
/// made to the copy held in this session, so several changes can be saved (Save-JiwaRecord) or dropped
/// (Undo-JiwaRecord) together.
/// </summary>
[Cmdlet(VerbsCommon.Set, "JiwaDebtor", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(JiwaTypeNames.Debtor)]
public sealed class SetJiwaDebtorCommand : JiwaCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string DebtorID { get; set; } = string.Empty;

    /// <summary>The fields to set: @{ Name = 'New name'; CreditLimit = 1000 }.</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNull]
    public Hashtable Property { get; set; } = new();

    [Parameter]
    public SwitchParameter Stateful { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var body = JiwaSalesDocument.Properties(Property);
        if (body.Count == 0)
        {
            WriteError(ErrorMapper.InvalidArgument("Jiwa.NothingToChange", $"-Property is empty: nothing to change on debtor '{DebtorID}'.", Property));
            return;
        }

        if (body.Contains("DebtorID"))
        {
            WriteError(ErrorMapper.InvalidArgument("Jiwa.KeyNotSettable", "DebtorID identifies the debtor and cannot be changed.", Property));
            return;
        }

        string target = $"debtor {DebtorID}";
        if (!ShouldProcess(target, "Update Jiwa debtor" + (Stateful ? " (stateful, not saved yet)" : string.Empty)))
        {
            return;
        }

        // Setting fields to the same values twice gives the same record: a PATCH of fields may be replayed.
        if (Serialize(body, Property) is not { } json)
        {
            return;
        }

        var request = new ApiRequest(new HttpMethod("PATCH"), JiwaApi.Debtors.One(DebtorID)) { Body = json, Idempotent = true };
        Send(JiwaApi.MarkStateful(request, Stateful), JiwaTypeNames.Debtor, DebtorID, emit: PassThru);
    }
}
