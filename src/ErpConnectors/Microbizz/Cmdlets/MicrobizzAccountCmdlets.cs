using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net.Http;
using ErpConnectors.Core.Cmdlets;
using ErpConnectors.Core.Errors;
using ErpConnectors.Core.Requests;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>The platforms Microbizz sends push messages to.</summary>
public enum MicrobizzDevicePlatform
{
    Android,
    IOS,
}

/// <summary>The user the connection acts as (GET currentuser).</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzCurrentUser")]
[OutputType(MicrobizzApi.UserType)]
public sealed class GetMicrobizzCurrentUserCommand : MicrobizzCmdlet
{
    protected override void ProcessRecord() => ReadSingle(MicrobizzApi.Route("currentuser"), MicrobizzApi.TypeName("user"));
}

/// <summary>The company's subscription: whether there is one, renewal, end date and prices (GET subscriptioninformation).</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzSubscription")]
[OutputType(MicrobizzApi.SubscriptionType)]
public sealed class GetMicrobizzSubscriptionCommand : MicrobizzCmdlet
{
    protected override void ProcessRecord() => ReadSingle(MicrobizzApi.Route("subscriptioninformation"), MicrobizzApi.TypeName("subscriptioninformation"));
}

/// <summary>The address where the company pays for its subscription (GET paymenturl), as a string.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzPaymentUrl")]
[OutputType(typeof(string))]
public sealed class GetMicrobizzPaymentUrlCommand : MicrobizzCmdlet
{
    protected override void ProcessRecord()
    {
        var runtime = Runtime;
        Run(async (output, token) =>
        {
            object? answer = await runtime.SendForValueAsync(ApiRequest.Get(MicrobizzApi.Route("paymenturl")), null, output, token).ConfigureAwait(false);
            object url = (answer as PSObject)?.Properties["url"]?.Value
                ?? throw new ApiException(MicrobizzApi.SystemName, "The paymenturl answer has no url.", ErrorCategory.InvalidResult, "Microbizz.NoPaymentUrl");
            await output.WriteObjectAsync(url, token).ConfigureAwait(false);
        }, target: "paymenturl");
    }
}

/// <summary>
/// Registers a device for push messages to the current user (POST deviceid). Posting the same id again only
/// refreshes it, so the request may be retried.
/// </summary>
[Cmdlet(VerbsLifecycle.Register, "MicrobizzDevice", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RegisterMicrobizzDeviceCommand : MicrobizzCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("platform_name")]
    public MicrobizzDevicePlatform Platform { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("device_id_string")]
    [ValidateNotNullOrEmpty]
    public string DeviceId { get; set; } = string.Empty;

    protected override void ProcessRecord()
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["platform_name"] = MicrobizzTypedCmdlet.WireValue(Platform),
            ["device_id_string"] = DeviceId,
        };
        if (ShouldProcess($"{Platform} device {DeviceId}", "Register Microbizz device"))
        {
            Send(new ApiRequest(HttpMethod.Post, MicrobizzApi.Route("deviceid")) { Body = Core.Json.JsonBody.Serialize(fields), Idempotent = true }, MicrobizzApi.RecordType, DeviceId, emit: false);
        }
    }
}

/// <summary>
/// Cancels a company's subscription (POST cancelsubscription/{company id}). ConfirmImpact High: it ends what the
/// company pays for. Not replayed once sent.
/// </summary>
[Cmdlet(VerbsLifecycle.Stop, "MicrobizzSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(MicrobizzApi.SubscriptionType)]
public sealed class StopMicrobizzSubscriptionCommand : MicrobizzCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("company_id")]
    [NumberText(WholeNumber = true)]
    public long CompanyId { get; set; }

    /// <summary>Returns the subscription information after the cancellation.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        string id = CompanyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ShouldProcess($"company {id}", "Cancel Microbizz subscription"))
        {
            Send(new ApiRequest(HttpMethod.Post, MicrobizzApi.Route("cancelsubscription", id)) , MicrobizzApi.TypeName("subscriptioninformation"), id, emit: PassThru);
        }
    }
}
