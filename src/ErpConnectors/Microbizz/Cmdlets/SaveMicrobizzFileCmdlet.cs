using System;
using System.IO;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Files;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>
/// Writes the content of an object's file field to disk: reads the object with include_binary_data=1 and decodes
/// the field's {"id","filename","mimetype","binary"}. The path is checked before anything is sent; a folder
/// keeps the server's file name.
/// </summary>
[Cmdlet(VerbsData.Save, "MicrobizzFile", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(FileInfo))]
public sealed class SaveMicrobizzFileCommand : MicrobizzObjectTypeCmdlet
{
    /// <summary>The object's id, or (piped) the object itself, named by its key field.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject Id { get; set; } = new();

    /// <summary>The file field, such as attachment on task.</summary>
    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNullOrEmpty]
    public string Field { get; set; } = string.Empty;

    /// <summary>The file to write, or an existing folder to write the server's file name into.</summary>
    [Parameter(Mandatory = true, Position = 3)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = string.Empty;

    /// <summary>Replaces a file that already exists.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        string type = CheckedType(HttpMethod.Get);
        if (MicrobizzApi.Find(type) is { Key: null } single)
        {
            ThrowTerminatingError(ErrorMapper.InvalidArgument("Microbizz.NoFileFields", $"{single.Name} is not read by id, so it has no file to save; give a type with a key, such as task.", Type));
        }

        if (Id.BaseObject is System.Collections.IEnumerable and not string)
        {
            WriteError(ErrorMapper.InvalidArgument("Microbizz.OneIdAtATime", "Save-MicrobizzFile saves one object's file per call: pipe the ids (1001, 1002 | Save-MicrobizzFile task -Field attachment -Path ./folder).", Id));
            return;
        }
        string[] ids = Ids(new[] { Id }, type);
        if (ids.Length != 1 || !LocalFile.TryPrepareWrite(this, Path, Force, "Microbizz", out string fullPath))
        {
            return;
        }

        string id = ids[0];

        if (!ShouldProcess(fullPath, $"Save the file in {type} {id} {Field}"))
        {
            return;
        }

        var runtime = Runtime;
        var request = ApiRequest.Get(MicrobizzApi.Route(type, id)).Add(MicrobizzApi.IncludeBinaryData, "1");
        byte[]? content = null;
        string? fileName = null;
        Run(async (output, token) =>
        {
            object? answer = await runtime.SendForValueAsync(request, null, output, token).ConfigureAwait(false);
            (fileName, content) = Decode(answer, type, id);
        }, target: id);

        if (content is null)
        {
            return;
        }

        // Into a folder: the server's file name, known only now, must not silently replace a file either.
        string target = LocalFile.Target(fullPath, fileName, $"{type}-{id}-{Field}");
        if (target != fullPath && File.Exists(target) && !Force)
        {
            WriteError(new ErrorRecord(new IOException($"The file '{target}' already exists; add -Force to replace it."), "Microbizz.FileExists", ErrorCategory.ResourceExists, target));
            return;
        }

        try
        {
            File.WriteAllBytes(target, content);
            WriteObject(new FileInfo(target));
        }
        catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, "Microbizz.FileNotWritten", ErrorCategory.WriteError, target));
        }
    }

    /// <summary>The field's file name and bytes; an error (thrown into the caller's error stream) when the field holds no file.</summary>
    private (string? Name, byte[] Content) Decode(object? answer, string type, string id)
    {
        PSObject? file = answer is PSObject record && record.Properties[Field]?.Value is { } value ? PSObject.AsPSObject(value) : null;
        string? binary = file?.Properties["binary"]?.Value as string;
        if (file is null || binary is null)
        {
            string why = answer is PSObject r && r.Properties[Field] is null ? $"has no field '{Field}'" : $"has no file in '{Field}'";
            throw new ApiException(MicrobizzApi.SystemName, $"{type} {id} {why}.", ErrorCategory.ObjectNotFound, "Microbizz.NoFile") { Target = id };
        }

        try
        {
            return (file.Properties["filename"]?.Value as string, Convert.FromBase64String(binary));
        }
        catch (FormatException)
        {
            throw new ApiException(MicrobizzApi.SystemName, $"{type} {id}: the content of '{Field}' is not Base64.", ErrorCategory.InvalidData, "Microbizz.InvalidFile") { Target = id };
        }
    }
}
