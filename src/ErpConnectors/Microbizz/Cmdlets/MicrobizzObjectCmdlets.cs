using System;
using System.Collections;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Json;
using ErpConnectors.Core.Paging;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>
/// Reads Microbizz GO objects: by -Id (GET {type}/{id}), or the whole list (GET {type}, one unpaged JSON array
/// read as a stream: objects reach the pipeline while the body is still arriving, and -First closes it early).
/// </summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzObject", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.RecordType)]
public sealed class GetMicrobizzObjectCommand : MicrobizzObjectTypeCmdlet
{
    /// <summary>Ids, or (piped) records whose key field (task_id...) names them.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public PSObject[] Id { get; set; } = Array.Empty<PSObject>();

    /// <summary>Field filters as query parameters named like the fields: @{ status = 'open'; company_id = 12 }.</summary>
    [Parameter(ParameterSetName = "List")]
    public Hashtable? Filter { get; set; }

    /// <summary>Returns file fields' contents (include_binary_data=1): answers can be very large.</summary>
    [Parameter]
    public SwitchParameter IncludeBinaryData { get; set; }

    protected override void ProcessRecord()
    {
        string type = CheckedType(HttpMethod.Get);
        if (ParameterSetName == "ById")
        {
            ReadById(type, Ids(Id, type), IncludeBinaryData);
        }
        else
        {
            ReadList(type, Filter, IncludeBinaryData);
        }
    }
}

/// <summary>Creates an object (POST {type}) from a hashtable or a piped object; answers 201. Never replayed once sent.</summary>
[Cmdlet(VerbsCommon.New, "MicrobizzObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.RecordType)]
public sealed class NewMicrobizzObjectCommand : MicrobizzObjectTypeCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject Property { get; set; } = new();

    protected override void ProcessRecord()
    {
        Create(CheckedType(HttpMethod.Post), Property, Property);
    }
}

/// <summary>
/// Changes the given fields of an object (POST {type}/{id}: omitted fields are left as they are). Setting the same
/// values twice gives the same object, so it may be retried.
/// </summary>
[Cmdlet(VerbsCommon.Set, "MicrobizzObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.RecordType)]
public sealed class SetMicrobizzObjectCommand : MicrobizzObjectTypeCmdlet
{
    /// <summary>The id, or (piped) a record whose key field (task_id...) names it.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PSObject Id { get; set; } = new();

    [Parameter(Mandatory = true, Position = 2)]
    [ValidateNotNull]
    public Hashtable Property { get; set; } = new();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        string type = CheckedType(HttpMethod.Post);
        string[] ids = Ids(new[] { Id }, type);
        if (ids.Length == 0)
        {
            return;
        }

        Update(type, ids[0], Property, PassThru);
    }
}

/// <summary>Deletes objects (DELETE {type}/{id}); ids from the pipeline. Not replayed once sent.</summary>
[Cmdlet(VerbsCommon.Remove, "MicrobizzObject", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMicrobizzObjectCommand : MicrobizzObjectTypeCmdlet
{
    /// <summary>Ids, or (piped) records whose key field (task_id...) names them.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public PSObject[] Id { get; set; } = Array.Empty<PSObject>();

    protected override void ProcessRecord()
    {
        string type = CheckedType(HttpMethod.Delete);
        foreach (string id in Ids(Id, type))
        {
            Delete(type, id);
        }
    }
}

/// <summary>Calls any Microbizz GO route with the connection's token (as a cookie), retries and error handling.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "MicrobizzRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, SupportsPaging = true)]
[OutputType(MicrobizzApi.RecordType)]
public sealed class InvokeMicrobizzRequestCommand : InvokeRequestCmdlet<MicrobizzConnection>
{
    protected override string SystemName => MicrobizzApi.SystemName;

    internal override string RecordTypeName => MicrobizzApi.RecordType;

    // Lists are one unpaged array: -All streams it.
    internal override PagingStrategy PagingFor(ApiRequest request) => new SingleShotPaging();
}
