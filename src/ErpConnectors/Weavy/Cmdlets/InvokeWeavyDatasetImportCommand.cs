using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
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
[Cmdlet(VerbsLifecycle.Invoke, "WeavyDatasetImport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = "Bulk")]
[OutputType(WeavyApi.ImportResultType, WeavyApi.RecordType)]
public sealed class InvokeWeavyDatasetImportCommand : WeavyBatchCmdlet<OrderedDictionary>
{
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Bulk")]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>
    /// Bulk: rows (Import-Csv rows, Select-Object shapes, hashtables), each with its {entity}_ID code. DataSet: one
    /// document per object, entity name to rows, the first entity holding the one main record. Relational: one
    /// document per object with data, deletes and relations.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject InputObject { get; set; } = new();

    /// <summary>Rows per BulkImport call, 1 to 1000 (the default).</summary>
    [Parameter(ParameterSetName = "Bulk")]
    [ValidateRange(1, WeavyApi.MaxBatchSize)]
    [NumberText(WholeNumber = true)]
    public int BatchSize { get; set; } = WeavyApi.MaxBatchSize;

    /// <summary>Each input object is an ImportDataSet document: @{ customer = @(@{...}); customercontact = @(...) }.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "DataSet")]
    public SwitchParameter DataSet { get; set; }

    /// <summary>Each input object is a RelationalDataSet document: @{ data = @{...}; deletes = @{...}; relations = @(...) }.</summary>
    [Parameter(Mandatory = true, ParameterSetName = "Relational")]
    public SwitchParameter Relational { get; set; }

    /// <summary>With -Relational: the server answers counts only, not the stored rows.</summary>
    [Parameter(ParameterSetName = "Relational")]
    public SwitchParameter NoResultData { get; set; }

    internal override int Size => BatchSize;

    private int _documents;

    protected override void ProcessRecord()
    {
        if (ParameterSetName != "Bulk")
        {
            SendDocument();
            return;
        }

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

    // One document per input object, each atomic on the server (differential for DataSet). Not replayed after it
    // may have been applied; a 429 (not applied) is sent again.
    private void SendDocument()
    {
        int number = ++_documents;
        OrderedDictionary document = WeavyValues.Row(InputObject);
        string route;
        string what;
        if (DataSet)
        {
            if (document.Count == 0 || document[0] is not object?[] mainRows || mainRows.Length != 1)
            {
                WriteError(ErrorMapper.InvalidArgument("Weavy.DataSetMainRecord", $"Data set {number}: its first entity must hold exactly one main record (an array of one row), as ImportDataSet requires.", InputObject));
                return;
            }

            string mainEntity = (string)document.Cast<System.Collections.DictionaryEntry>().First().Key;
            string? code = mainRows[0] is OrderedDictionary main ? WeavyValues.CodeOf(main, mainEntity) : null;
            what = $"Data set {number} ({mainEntity} {code ?? "?"}, {document.Count} entities)";
            route = WeavyApi.ImportDataSet(Project);
        }
        else
        {
            if (!document.Contains("data") && !document.Contains("deletes"))
            {
                WriteError(ErrorMapper.InvalidArgument("Weavy.RelationalDataSetEmpty", $"Relational data set {number} has neither data nor deletes.", InputObject));
                return;
            }

            document["noResultData"] = NoResultData.IsPresent;
            what = $"Relational data set {number}";
            route = WeavyApi.RelationalDataSet(Project);
        }

        if (!ShouldProcess(what, DataSet ? "Import into Weavy (ImportDataSet)" : "Import into Weavy (RelationalDataSet)"))
        {
            return;
        }

        var request = WeavyApi.Post(route, JsonBody.Serialize(document), idempotent: false);
        var runtime = Runtime;
        Run(async (output, token) =>
        {
            try
            {
                object? answer = await runtime.SendForValueAsync(request, WeavyApi.RecordType, output, token).ConfigureAwait(false);
                await Core.Cmdlets.ListCmdletSupport.EmitAsync(output, answer, token).ConfigureAwait(false);
            }
            catch (ApiException ex)
            {
                throw ex.About(what);
            }
        }, target: InputObject);
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
