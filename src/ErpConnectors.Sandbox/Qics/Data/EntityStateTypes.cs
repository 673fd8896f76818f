namespace ErpConnectors.Sandbox.Qics.Data;

/// <summary>The values EntityState.EntityType may take: the document's list, in its order and spelling.</summary>
internal static class EntityStateTypes
{
    /// <summary>For problems bound to no entity (with EntityId 0).</summary>
    public const string General = "General";

    public static readonly IReadOnlyList<string> All =
    [
        "General", "CustomerCategory", "Company", "CostCenter", "Currency", "Customer", "Department", "Employee",
        "Function", "InvoiceLayout", "InvoiceMutationReason", "IrregularityPercentage", "Item", "ItemGroup",
        "ItemMainGroup", "Material", "Project", "ProjectBudget", "ProjectContract", "ProjectMember", "ProjectTask",
        "TimesheetEntry", "User", "VatCode", "Rate", "ProjectCategory", "ProjectInstallment", "ProjectItem",
        "MaterialCompany", "EmployeeCompany", "ItemCompany", "CustomerCompany", "Role", "UserPreferences",
        "ExtendedPropertyGroup", "ExtendedProperty", "InvoiceHeader", "Competence", "ProjectState",
        "ProjectTaskBreakdown", "EmailTemplate", "ReportRole", "InvoiceLine", "PaymentCondition",
        "ItemCompanyCustomerCompany", "EmployeeCompanyItemCompany", "EntityState",
    ];
}
