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
/// Marks exported records (ExportValidation): records from Get-WeavyRecord in the pipeline, their code and
/// srvDateUTC read from each, batched; ExportValidations when one batch mixes entities. A record changed on the
/// server since it was read is not marked: a warning and one object per rejected row say so, to read it again.
/// </summary>
[Cmdlet(VerbsLifecycle.Confirm, "WeavyExport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType("ErpConnectors.Weavy.ExportRejection")]
public sealed class ConfirmWeavyExportCommand : WeavyBatchCmdlet<(string Entity, string Code, object? Stamp)>
{
    /// <summary>The export status to set (srvExport), e.g. 1 for exported.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [NumberText(WholeNumber = true)]
    public int ExportStatus { get; set; }

    /// <summary>Records read with Get-WeavyRecord (they carry their entity, code and srvDateUTC).</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject InputObject { get; set; } = new();

    /// <summary>The entity, for records that do not say (e.g. re-imported from CSV).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Entity { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? CompanyCode { get; set; }

    /// <summary>Rows per call, 1 to 1000 (the default).</summary>
    [Parameter]
    [ValidateRange(1, WeavyApi.MaxBatchSize)]
    [NumberText(WholeNumber = true)]
    public int BatchSize { get; set; } = WeavyApi.MaxBatchSize;

    internal override int Size => BatchSize;

    protected override void ProcessRecord()
    {
        // Records from Get-WeavyRecord are typed ErpConnectors.Weavy.{entity}.
        string? entity = Entity ?? InputObject.TypeNames.Select(t => t.StartsWith("ErpConnectors.Weavy.", StringComparison.Ordinal) ? t.Substring("ErpConnectors.Weavy.".Length) : null)
            .FirstOrDefault(t => t is not null && t != "Record");
        OrderedDictionary row = WeavyValues.Row(InputObject);
        string? code = entity is null ? null : WeavyValues.CodeOf(row, entity);
        object? stamp = row.Contains(WeavyApi.ChangeStampField) ? row[WeavyApi.ChangeStampField] : null;
        if (entity is null || code is null || stamp is null)
        {
            WriteError(ErrorMapper.InvalidArgument("Weavy.NotAnExportedRecord", "Confirm-WeavyExport needs records as Get-WeavyRecord returns them: their entity (or -Entity), their code ({entity}_ID) and srvDateUTC.", InputObject));
            return;
        }

        Add((entity, code, stamp), InputObject);
    }

    internal override void Send(int number, long first, IReadOnlyList<(string Entity, string Code, object? Stamp)> rows, object[] inputs)
    {
        var entities = rows.GroupBy(r => r.Entity, StringComparer.OrdinalIgnoreCase).ToList();
        string what = $"Batch {number} ({rows.Count} rows of {string.Join(", ", entities.Select(g => g.Key))})";
        if (!ShouldProcess(what, $"Set Weavy export status {ExportStatus}"))
        {
            return;
        }

        string? company = CompanyCode ?? ResolvedConnection.CompanyCode;
        OrderedDictionary Body(IGrouping<string, (string Entity, string Code, object? Stamp)> group)
        {
            var body = new OrderedDictionary();
            if (company is not null)
            {
                body["companyCode"] = company;
            }

            body["entityName"] = group.Key;
            body["srvExport"] = ExportStatus;
            body["rows"] = group.Select(r => new OrderedDictionary { ["rowCode"] = r.Code, ["srvDateUTC"] = r.Stamp }).ToList();
            return body;
        }

        // Validating the same rows twice gives the same result: safe to send again.
        var request = entities.Count == 1
            ? WeavyApi.Post(WeavyApi.ExportValidation(Project), JsonBody.Serialize(Body(entities[0])), idempotent: true)
            : WeavyApi.Post(WeavyApi.ExportValidations(Project), JsonBody.Serialize(entities.Select(Body).ToList()), idempotent: true);
        var runtime = Runtime;
        string[] names = entities.Select(g => g.Key).ToArray();
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

            object?[] answers = answer as object?[] ?? new[] { answer };
            for (int i = 0; i < answers.Length; i++)
            {
                string entity = i < names.Length ? names[i] : names[0];
                foreach (PSObject rejected in ((answers[i] as PSObject)?.Properties["rejectedRows"]?.Value as object?[] ?? Array.Empty<object?>()).OfType<PSObject>())
                {
                    string code = rejected.Properties["rowCode"]?.Value?.ToString() ?? string.Empty;
                    output.Warning($"Weavy: {entity} {code} changed on the server since it was read (srvDateUTC {rejected.Properties["srvDateUTC"]?.Value}); it was not marked as exported. Read it again.");
                    var record = new PSObject();
                    record.TypeNames.Insert(0, "ErpConnectors.Weavy.ExportRejection");
                    record.Properties.Add(new PSNoteProperty("Entity", entity));
                    record.Properties.Add(new PSNoteProperty("Code", code));
                    record.Properties.Add(new PSNoteProperty("srvDateUTC", rejected.Properties["srvDateUTC"]?.Value));
                    await output.WriteObjectAsync(record, token).ConfigureAwait(false);
                }
            }
        }, target: inputs);
    }
}
