using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Imports rows from the pipeline into one entity with BulkImport (an atomic upsert on {entity}_ID), in batches
/// of -BatchSize sent while input is still arriving: memory holds the batch being filled or the one being sent,
/// whatever the input size. One result per batch. A 429 means the batch was not applied and it is sent again
/// (after the server's wait); any other failure is reported for that batch, with its rows as the target object,
/// and never replayed.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "WeavyDatasetImport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(WeavyApi.ImportResultType)]
public sealed class InvokeWeavyDatasetImportCommand : WeavyBatchCmdlet<OrderedDictionary>
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>Rows: Import-Csv rows, Select-Object shapes, hashtables; each with its {entity}_ID code.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject InputObject { get; set; } = new();

    /// <summary>Rows per BulkImport call, 1 to 1000 (the default).</summary>
    [Parameter]
    [ValidateRange(1, WeavyApi.MaxBatchSize)]
    public int BatchSize { get; set; } = WeavyApi.MaxBatchSize;

    internal override int Size => BatchSize;

    protected override void ProcessRecord()
    {
        OrderedDictionary row = WeavyValues.Row(InputObject);
        row.Remove(WeavyApi.ChangeStampField); // server-set: rows copied from Get-WeavyRecord keep it
        if (WeavyValues.CodeOf(row, Entity) is null)
        {
            // An upsert needs the key: a row without it is never sent.
            WriteError(ErrorMapper.InvalidArgument("Weavy.RowWithoutCode", $"A {Entity} row without {WeavyApi.CodeField(Entity)} cannot be imported (the import matches rows on it); it was not sent.", InputObject));
            return;
        }

        Add(row, InputObject);
    }

    internal override void Send(int number, long first, IReadOnlyList<OrderedDictionary> rows, object[] inputs)
    {
        string firstCode = WeavyValues.CodeOf(rows[0], Entity)!;
        string lastCode = WeavyValues.CodeOf(rows[rows.Count - 1], Entity)!;
        string what = $"Batch {number} (rows {first}-{first + rows.Count - 1}, {Entity} {firstCode}..{lastCode})";
        if (!ShouldProcess(what, "Import into Weavy (BulkImport)"))
        {
            return;
        }

        var body = JsonBody.Serialize(new OrderedDictionary { ["entityName"] = Entity, ["rows"] = rows.ToList() });
        var request = WeavyApi.Post(WeavyApi.BulkImport(Project), body, idempotent: false); // only a 429 (nothing applied) is sent again
        var runtime = Runtime;
        string entity = Entity;
        long sent = first + rows.Count - 1;
        int count = rows.Count;
        Run(async (output, token) =>
        {
            object? answer;
            try
            {
                answer = await runtime.SendForValueAsync(request, null, output, token).ConfigureAwait(false);
            }
            catch (ApiException ex)
            {
                throw ex.About(what);
            }

            output.Progress(new ProgressRecord(ProgressId, $"Importing {entity} into Weavy", $"{sent} rows sent, batch {number}"));
            await output.WriteObjectAsync(Result(number, entity, count, firstCode, lastCode, answer as PSObject), token).ConfigureAwait(false);
        }, target: inputs);
    }

    private static readonly int ProgressId = 4711;

    private static PSObject Result(int number, string entity, int rows, string firstCode, string lastCode, PSObject? answer)
    {
        object? Value(PSObject? source, string name) => source?.Properties[name]?.Value;
        PSObject? statistics = Value(answer, "statistics") as PSObject;
        var result = new PSObject();
        result.TypeNames.Insert(0, WeavyApi.ImportResultType);
        result.Properties.Add(new PSNoteProperty("Batch", number));
        result.Properties.Add(new PSNoteProperty("Entity", entity));
        result.Properties.Add(new PSNoteProperty("Rows", rows));
        result.Properties.Add(new PSNoteProperty("FirstCode", firstCode));
        result.Properties.Add(new PSNoteProperty("LastCode", lastCode));
        result.Properties.Add(new PSNoteProperty("Added", Value(answer, "addedRow")));
        result.Properties.Add(new PSNoteProperty("Updated", Value(answer, "updatedRow")));
        result.Properties.Add(new PSNoteProperty("QueryCount", Value(statistics, "queryCount")));
        result.Properties.Add(new PSNoteProperty("QueryDurationTotal", Value(statistics, "queryDurationTotal")));
        result.Properties.Add(new PSNoteProperty("ExecutionDuration", Value(statistics, "executionDuration")));
        return result;
    }
}
