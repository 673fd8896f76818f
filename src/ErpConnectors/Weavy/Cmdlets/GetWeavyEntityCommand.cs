using System.Linq;
using System.Management.Automation;

namespace ErpConnectors.Weavy.Cmdlets;

/// <summary>
/// The project's entities (GET v1/Dictionary/{project}), or one entity's fields with -Name (name, type, length and
/// a label in the session's UI language, else English). Read once per connection and kept.
/// </summary>
[Cmdlet(VerbsCommon.Get, "WeavyEntity")]
[OutputType(WeavyApi.EntityType, WeavyApi.FieldType)]
public sealed class GetWeavyEntityCommand : WeavyCmdlet
{
    /// <summary>An entity whose fields to list.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("entityName")]
    [ArgumentCompleter(typeof(WeavyEntityCompleter))]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    protected override void ProcessRecord()
    {
        var runtime = Runtime;
        string project = Project;
        string? name = Name;
        Run(async (output, token) =>
        {
            if (name is null)
            {
                foreach (object? entity in await WeavyDictionary.EntitiesAsync(runtime, project, output, token).ConfigureAwait(false))
                {
                    await output.WriteObjectAsync(entity, token).ConfigureAwait(false);
                }

                return;
            }

            PSObject? description = await WeavyDictionary.EntityAsync(runtime, project, name, output, token).ConfigureAwait(false);
            foreach (object? field in description?.Properties["fields"]?.Value as object?[] ?? System.Array.Empty<object?>())
            {
                await output.WriteObjectAsync(field, token).ConfigureAwait(false);
            }
        }, target: name);
    }
}
