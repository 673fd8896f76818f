using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// Deletes many records of one entity with DeleteDataSet, in batches of codes from the pipeline (codes, or
/// records whose {entity}_ID names them). One result per batch; a failed batch is reported with its codes.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "WeavyDataset", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType("ErpConnectors.Weavy.DeleteResult")]
public sealed class RemoveWeavyDatasetCommand : WeavyBatchCmdlet<string>
{
    [Parameter(Mandatory = true, Position = 0)]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string Entity { get; set; } = string.Empty;

    /// <summary>Codes to delete: strings, or records (their {entity}_ID), from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject[] Code { get; set; } = Array.Empty<PSObject>();

    /// <summary>Codes per DeleteDataSet call, 1 to 1000 (the default).</summary>
    [Parameter]
    [ValidateRange(1, WeavyApi.MaxBatchSize)]
    [NumberText(WholeNumber = true)]
    public int BatchSize { get; set; } = WeavyApi.MaxBatchSize;

    internal override int Size => BatchSize;

    protected override void ProcessRecord()
    {
        foreach (PSObject item in Code)
        {
            // A plain value (a string, a number from 1..10) is a code; anything else is a record naming its code.
            string? code = item.BaseObject is string or System.IConvertible
                ? System.Convert.ToString(item.BaseObject, System.Globalization.CultureInfo.InvariantCulture)
                : WeavyValues.CodeOf(WeavyValues.Row(item), Entity);
            if (string.IsNullOrWhiteSpace(code))
            {
                WriteError(ErrorMapper.InvalidArgument("Weavy.RowWithoutCode", $"No {Entity} code in this input: give codes or records with {WeavyApi.CodeField(Entity)}.", item));
                continue;
            }

            Add(code!, item);
        }
    }

    internal override void Send(int number, long first, IReadOnlyList<string> codes, object[] inputs)
    {
        string what = $"Batch {number} ({codes.Count} {Entity} codes, {codes[0]}..{codes[codes.Count - 1]})";
        if (!ShouldProcess(what, "Delete Weavy records (DeleteDataSet)"))
        {
            return;
        }

        var request = WeavyApi.Post(WeavyApi.DeleteDataSet(Project), JsonBody.Serialize(new OrderedDictionary { [Entity] = codes.ToList() }), idempotent: false);
        var runtime = Runtime;
        string entity = Entity;
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

            var result = new PSObject();
            result.TypeNames.Insert(0, "ErpConnectors.Weavy.DeleteResult");
            result.Properties.Add(new PSNoteProperty("Batch", number));
            result.Properties.Add(new PSNoteProperty("Entity", entity));
            result.Properties.Add(new PSNoteProperty("Codes", codes.Count));
            result.Properties.Add(new PSNoteProperty("Deleted", (answer as PSObject)?.Properties["deletedRow"]?.Value));
            result.Properties.Add(new PSNoteProperty("Statistics", (answer as PSObject)?.Properties["statistics"]?.Value));
            await output.WriteObjectAsync(result, token).ConfigureAwait(false);
        }, target: inputs);
    }
}
