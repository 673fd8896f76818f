using System;
using System.Management.Automation;
using ErpConnectors.Core.Cmdlets;

namespace ErpConnectors.Microbizz.Cmdlets;

/// <summary>Companies and foreign companies share their fields (the document lists the same ones): the list filters.</summary>
public abstract class GetMicrobizzCompanyListCmdlet : GetMicrobizzTypedCmdlet
{
    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("companyname")]
    public string? Name { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("vat_id")]
    public string? VatId { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("city")]
    public string? City { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("country")]
    public string? Country { get; set; }
}

/// <summary>Reads companies: by id (piped companies, or anything with a company_ref such as tasks), or the list, filtered.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzCompany", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.CompanyType)]
public sealed class GetMicrobizzCompanyCommand : GetMicrobizzCompanyListCmdlet
{
    internal override string ObjectName => "company";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("company_id", "company_ref")]
    [MicrobizzField("company_id")]
    public long[] Id { get; set; } = Array.Empty<long>();
}

/// <summary>Changes the given fields of a company (the user's own: Microbizz allows no other).</summary>
[Cmdlet(VerbsCommon.Set, "MicrobizzCompany", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.CompanyType)]
public sealed class SetMicrobizzCompanyCommand : SetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "company";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("company_id")]
    [MicrobizzField("company_id")]
    [NumberText(WholeNumber = true)]
    public long Id { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [MicrobizzField("companyname")]
    public string? Name { get; set; }

    [Parameter]
    [MicrobizzField("vat_id")]
    public string? VatId { get; set; }

    [Parameter]
    [MicrobizzField("branch")]
    public string? Branch { get; set; }

    [Parameter]
    [MicrobizzField("address")]
    public string? Address { get; set; }

    [Parameter]
    [MicrobizzField("address2")]
    public string? Address2 { get; set; }

    [Parameter]
    [MicrobizzField("zip")]
    public string? Zip { get; set; }

    [Parameter]
    [MicrobizzField("city")]
    public string? City { get; set; }

    [Parameter]
    [MicrobizzField("country")]
    public string? Country { get; set; }

    [Parameter]
    [MicrobizzField("phone")]
    public string? Phone { get; set; }

    [Parameter]
    [MicrobizzField("email")]
    public string? Email { get; set; }

    [Parameter]
    [MicrobizzField("contactperson")]
    public string? ContactPerson { get; set; }

    [Parameter]
    [MicrobizzField("additionaltext")]
    public string? AdditionalText { get; set; }
}

/// <summary>Reads foreign companies (those a company can connect to): by id (piped, or a connection's foreigncompany_ref), or the list.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzForeignCompany", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.ForeignCompanyType)]
public sealed class GetMicrobizzForeignCompanyCommand : GetMicrobizzCompanyListCmdlet
{
    internal override string ObjectName => "foreigncompany";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("foreigncompany_id", "foreigncompany_ref")]
    [MicrobizzField("foreigncompany_id")]
    public long[] Id { get; set; } = Array.Empty<long>();
}

/// <summary>Reads the connections between the company and foreign companies.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzCompanyConnection", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.ConnectionType)]
public sealed class GetMicrobizzCompanyConnectionCommand : GetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "connection";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("connection_id")]
    [MicrobizzField("connection_id")]
    public long[] Id { get; set; } = Array.Empty<long>();

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("company_ref")]
    public long? CompanyId { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("foreigncompany_ref")]
    public long? ForeignCompanyId { get; set; }

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("connection_status")]
    public string? Status { get; set; }
}

/// <summary>Connects the company to a foreign company (piped foreign companies bind by foreigncompany_id).</summary>
[Cmdlet(VerbsCommon.New, "MicrobizzCompanyConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(MicrobizzApi.ConnectionType)]
public sealed class NewMicrobizzCompanyConnectionCommand : NewMicrobizzTypedCmdlet
{
    internal override string ObjectName => "connection";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("company_ref")]
    [MicrobizzField("company_ref")]
    [NumberText(WholeNumber = true)]
    public long? CompanyId { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("foreigncompany_id", "foreigncompany_ref")]
    [MicrobizzField("foreigncompany_ref")]
    [NumberText(WholeNumber = true)]
    public long? ForeignCompanyId { get; set; }

    /// <summary>The connection goes out from the company (a request it sends); otherwise it comes in.</summary>
    [Parameter]
    [MicrobizzField("outgoing_connection")]
    public SwitchParameter Outgoing { get; set; }

    [Parameter]
    [MicrobizzField("connection_status")]
    public string? Status { get; set; }

    [Parameter]
    [MicrobizzField("text")]
    public string? Text { get; set; }
}

/// <summary>Removes connections between the company and foreign companies.</summary>
[Cmdlet(VerbsCommon.Remove, "MicrobizzCompanyConnection", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveMicrobizzCompanyConnectionCommand : RemoveMicrobizzTypedCmdlet
{
    internal override string ObjectName => "connection";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("connection_id")]
    [MicrobizzField("connection_id")]
    [NumberText(WholeNumber = true)]
    public long[] Id { get; set; } = Array.Empty<long>();
}

/// <summary>Reads users: by id (piped users, or anything with a user_ref such as assignments), or the list.</summary>
[Cmdlet(VerbsCommon.Get, "MicrobizzUser", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(MicrobizzApi.UserType)]
public sealed class GetMicrobizzUserCommand : GetMicrobizzTypedCmdlet
{
    internal override string ObjectName => "user";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [Alias("user_id", "user_ref")]
    [MicrobizzField("user_id")]
    public long[] Id { get; set; } = Array.Empty<long>();

    [Parameter(ParameterSetName = "List")]
    [MicrobizzField("email")]
    public string? Email { get; set; }
}
