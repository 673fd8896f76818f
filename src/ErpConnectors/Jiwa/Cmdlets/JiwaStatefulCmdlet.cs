using System;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>The records Jiwa can edit statefully.</summary>
public enum JiwaRecordKind
{
    Debtor,
    SalesOrder,
    SalesQuote,
}

/// <summary>
/// Save-JiwaRecord and Undo-JiwaRecord: end a stateful edit, for records piped from the Jiwa cmdlets (kind and id
/// read from the record) or named with -Kind and -Id.
/// </summary>
public abstract class JiwaStatefulCmdlet : JiwaCmdlet
{
    /// <summary>A record read or changed with -Stateful (a debtor, sales order or sales quote).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Record")]
    public PSObject? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = "ById")]
    public JiwaRecordKind Kind { get; set; }

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    internal abstract void Finish(JiwaResource resource, string id);

    /// <summary>Sends the end of a stateful edit; a route the server lacks is tried once in its other reading.</summary>
    internal void End(ApiRequest first, ApiRequest? alternate, string typeName, object target, bool emit)
    {
        var runtime = Runtime;
        Run(async (output, token) =>
        {
            object? answer;
            try
            {
                answer = await runtime.SendForValueAsync(first, typeName, output, token).ConfigureAwait(false);
            }
            catch (ApiException ex) when (alternate is not null && JiwaApi.IsMissingRoute(ex))
            {
                // Nothing reached a service: the other route is not a replay of anything applied.
                output.Verbose($"Jiwa has no route {first.Path}; trying the other reading, {alternate.Path}?{JiwaApi.Debtors.Key}=.");
                answer = await runtime.SendForValueAsync(JiwaApi.MarkStatefulEnd(alternate), typeName, output, token).ConfigureAwait(false);
            }

            if (emit)
            {
                await Core.Cmdlets.ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
        }, target: target);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ById")
        {
            JiwaResource resource = Resource(Kind);
            foreach (string id in Id)
            {
                Finish(resource, id);
            }

            return;
        }

        PSObject record = InputObject!;
        JiwaResource? kind = JiwaApi.Stateful.FirstOrDefault(r => record.TypeNames.Contains(r.TypeName));
        if (kind is null)
        {
            WriteError(ErrorMapper.InvalidArgument("Jiwa.NotStatefulRecord", "Only Jiwa debtors, sales orders and sales quotes can be saved or abandoned; use -Kind and -Id for other input.", record));
            return;
        }

        if (record.Properties[kind.Key]?.Value is not { } idValue || string.IsNullOrWhiteSpace(idValue.ToString()))
        {
            WriteError(ErrorMapper.InvalidArgument("Jiwa.RecordWithoutId", $"The piped {kind.Noun} has no {kind.Key}.", record));
            return;
        }

        Finish(kind, idValue.ToString()!);
    }

    private static JiwaResource Resource(JiwaRecordKind kind) => kind switch
    {
        JiwaRecordKind.SalesOrder => JiwaApi.SalesOrders,
        JiwaRecordKind.SalesQuote => JiwaApi.SalesQuotes,
        _ => JiwaApi.Debtors,
    };
}

/// <summary>
/// Commits a stateful edit: GET /{Resource}/{id}/Save stores the copy this session holds and returns the saved
/// record. It commits, so it is never replayed after it may have reached the server. A 409 means the record
/// changed since it was read (optimistic concurrency): the copy stays in the session.
/// </summary>
[Cmdlet(VerbsData.Save, "JiwaRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Record")]
[OutputType(JiwaTypeNames.Debtor, JiwaTypeNames.SalesOrder, JiwaTypeNames.SalesQuote)]
public sealed class SaveJiwaRecordCommand : JiwaStatefulCmdlet
{
    internal override void Finish(JiwaResource resource, string id)
    {
        if (ShouldProcess($"{resource.Noun} {id}", "Save the stateful Jiwa edit"))
        {
            End(JiwaApi.MarkStatefulEnd(new ApiRequest(System.Net.Http.HttpMethod.Get, resource.Save(id))), resource.AlternateEnd(System.Net.Http.HttpMethod.Get, id), resource.TypeName, id, emit: true);
        }
    }
}

/// <summary>Drops a stateful edit: DELETE /{Resource}/{id}/Abandon discards the copy this session holds.</summary>
[Cmdlet(VerbsCommon.Undo, "JiwaRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Record")]
[OutputType(typeof(void))]
public sealed class UndoJiwaRecordCommand : JiwaStatefulCmdlet
{
    internal override void Finish(JiwaResource resource, string id)
    {
        if (ShouldProcess($"{resource.Noun} {id}", "Abandon the stateful Jiwa edit"))
        {
            // Abandoning twice leaves the same state (nothing held): safe to replay.
            ApiRequest? alternate = resource.AlternateEnd(System.Net.Http.HttpMethod.Delete, id);
            if (alternate is not null)
            {
                alternate.Idempotent = true;
            }

            End(JiwaApi.MarkStatefulEnd(new ApiRequest(System.Net.Http.HttpMethod.Delete, resource.Abandon(id)) { Idempotent = true }), alternate, JiwaTypeNames.Record, id, emit: false);
        }
    }
}
