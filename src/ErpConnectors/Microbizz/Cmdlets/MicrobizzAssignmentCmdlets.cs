using System;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>Reads assignments (a user bound to a task): by id, or the list filtered by task or user.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzAssignment", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.AssignmentType)]
public sealed class GetMicrobizzAssignmentCommand : GetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "assignment";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("assignment_id")]
    [MicrobizzField("assignment_id")]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>The task's assignments; piped tasks bind by task_id.</summary>
    [Parameter(ParameterSetName = "List", ValueFromPipelineByPropertyName = true)]
    [Alias("task_id")]
    [MicrobizzField("task_ref")]
    public long? TaskId { get; set; }

    /// <summary>The user's assignments; piped users bind by user_id.</summary>
    [Parameter(ParameterSetName = "List", ValueFromPipelineByPropertyName = true)]
    [Alias("user_id")]
    [MicrobizzField("user_ref")]
    public long? UserId { get; set; }
}

/// <summary>Assigns a user to a task (piped tasks bind by task_id, piped users by user_id).</summary>
[Cmdlet(VerbsCommon.Add, "MicrobizzAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.AssignmentType)]
public sealed class AddMicrobizzAssignmentCommand : NewMicrobizzTypedCmdlet
{
    internal override string ObjectName => "assignment";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("task_id", "task_ref")]
    [MicrobizzField("task_ref")]
    [NumberText(WholeNumber = true)]
    public long? TaskId { get; set; }

    // The document lists exactly these fields of an assignment (assignment_id, task_ref, user_ref): a start or end
    // time sent here would be dropped by the server, so there is no parameter for one.
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("user_id", "user_ref")]
    [MicrobizzField("user_ref")]
    [NumberText(WholeNumber = true)]
    public long? UserId { get; set; }
}

/// <summary>Removes assignments (the user is no longer on the task).</summary>
[Cmdlet(VerbsCommon.Remove, "MicrobizzAssignment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMicrobizzAssignmentCommand : RemoveMicrobizzTypedCmdlet
{
    internal override string ObjectName => "assignment";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("assignment_id")]
    [MicrobizzField("assignment_id")]
    [NumberText(WholeNumber = true)]
    public long[] Id { get; set; } = Array.Empty<long>();
}
