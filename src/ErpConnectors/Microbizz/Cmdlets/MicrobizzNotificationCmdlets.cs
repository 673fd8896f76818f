using System;
using System.Collections.Generic;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>Reads the user's app notifications: by id, or the list (-Unread: those not marked read).</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzNotification", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.NotificationType)]
public sealed class GetMicrobizzNotificationCommand : GetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "notification";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("notification_id")]
    [MicrobizzField("notification_id")]
    public long[] Id { get; set; } = Array.Empty<long>();

    [Parameter(ParameterSetName = "List")]
    public SwitchParameter Unread { get; set; }

    internal override void AddFilters(IDictionary<string, object?> filter)
    {
        if (Unread)
        {
            filter["is_read"] = false;
        }
    }
}

/// <summary>Marks notifications read or unread (piped notifications bind by notification_id).</summary>
[Cmdlet(VerbsCommon.Set, "MicrobizzNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.NotificationType)]
public sealed class SetMicrobizzNotificationCommand : SetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "notification";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("notification_id")]
    [MicrobizzField("notification_id")]
    [NumberText(WholeNumber = true)]
    public long Id { get; set; }

    [Parameter(Mandatory = true)]
    [MicrobizzField("is_read")]
    public bool IsRead { get; set; }
}

/// <summary>Deletes notifications.</summary>
[Cmdlet(VerbsCommon.Remove, "MicrobizzNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMicrobizzNotificationCommand : RemoveMicrobizzTypedCmdlet
{
    internal override string ObjectName => "notification";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("notification_id")]
    [MicrobizzField("notification_id")]
    [NumberText(WholeNumber = true)]
    public long[] Id { get; set; } = Array.Empty<long>();
}
