using System.Management.Automation;

namespace ErpConnectors.Jiwa.Cmdlets;

/// <summary>
/// Reads Jiwa inventory items: by InventoryID (GET /Inventory/{InventoryID}), or the AutoQuery list
/// /Queries/InventoryList across every page.
/// </summary>
[Cmdlet(VerbsCommon.Get, "JiwaInventory", DefaultParameterSetName = "List", SupportsPaging = true)]
[OutputType(JiwaTypeNames.Inventory)]
public sealed class GetJiwaInventoryCommand : JiwaChangeListCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = "ById")]
    [ValidateNotNullOrEmpty]
    public string[] InventoryID { get; set; } = System.Array.Empty<string>();

    internal override JiwaResource Resource => JiwaApi.Inventory;

    protected override void ProcessRecord()
    {
        if (ParameterSetName == "ById")
        {
            GetById(InventoryID, stateful: false);
            return;
        }

        StreamList();
    }
}
